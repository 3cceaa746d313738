//! Debug helper: parse a file (or `-e SOURCE`), print the early errors, `--ast` to dump the AST.
use tidejs::parser::{early, parse, ParseOptions};
fn main() {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}
fn run() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let strict = args.iter().any(|a| a == "--strict");
    let ast = args.iter().any(|a| a == "--ast");
    let src = if let Some(i) = args.iter().position(|a| a == "-e") {
        args[i + 1].clone()
    } else {
        std::fs::read_to_string(args.iter().find(|a| !a.starts_with("--")).unwrap()).unwrap()
    };
    let opts = ParseOptions { strict };
    match parse(&src, &opts) {
        Err(e) => println!("parse error: {}", e[0].render("input", &src)),
        Ok(p) => {
            if ast {
                println!("{p:#?}");
            }
            eprintln!("parsed");
            let t = std::time::Instant::now();
            let errs = early::check(&p, &src, &opts);
            eprintln!("early pass: {:?} for {} bytes", t.elapsed(), src.len());
            for e in errs {
                println!(
                    "{}",
                    e.render("input", &src)
                        .chars()
                        .take(300)
                        .collect::<String>()
                );
            }
            eprintln!("checked");
        }
    }
}
