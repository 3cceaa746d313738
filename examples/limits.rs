//! Limits: a runaway `while (true) {}` stopped from another thread with an `InterruptHandle`,
//! an instruction budget (fuel), and the runtime staying usable after each.
//!
//! `cargo run --release --example limits`

use std::time::{Duration, Instant};
use tidejs::{Error, Limit, Runtime};

fn main() {
    let mut rt = Runtime::builder().max_call_depth(1_000).build();
    let handle = rt.interrupt_handle();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        let raised = Instant::now();
        handle.interrupt();
        raised
    });
    let r = rt.eval("while (true) {}", "spin.js");
    let stopped = Instant::now();
    let raised = watchdog.join().expect("watchdog thread");
    assert_eq!(r.err(), Some(Error::Limit(Limit::Interrupted)));
    println!(
        "interrupted: stopped {:.3} ms after the interrupt was raised",
        stopped.duration_since(raised).as_secs_f64() * 1000.0
    );

    rt.set_fuel(Some(100_000));
    match rt.eval("let i = 0; for (;;) i++", "fuel.js") {
        Err(Error::Limit(Limit::Fuel)) => println!("fuel: script stopped after 100000 ticks"),
        other => panic!("expected the fuel limit, got {other:?}"),
    }
    rt.set_fuel(None);
    match rt.eval("function f() { return f() } f()", "deep.js") {
        Err(Error::Limit(limit)) => println!("call depth: {limit}"),
        other => panic!("expected the depth limit, got {other:?}"),
    }
    let v: f64 = rt.eval_as("i > 0 ? 42 : 0").expect("still usable");
    println!("runtime still usable: {v}");
}
