//! The smallest embedding: evaluate a script, read its result, print what it logged.
//!
//! `cargo run --release --example hello`

use tidejs::Runtime;

fn main() -> Result<(), tidejs::Error> {
    let mut rt = Runtime::builder().capture_console().build();
    let v = rt.eval(
        "const who = 'world'; console.log(`hello, ${who}`); [1, 2, 3].reduce((a, b) => a + b)",
        "hello.js",
    )?;
    let sum: f64 = rt.convert(&v)?;
    for line in rt.take_console_output() {
        println!("js: {line}");
    }
    println!("sum = {sum}");
    Ok(())
}
