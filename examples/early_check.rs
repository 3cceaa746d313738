//! Debug helper for the early-error pass: parse a file (or `-e SOURCE`), print the early errors
//! and the time the pass took; `--strict` parses as strict code, `--ast` dumps the AST. Runs on a
//! 2 MiB thread, like a test, to show that deep input does not overflow the stack.
//! Without arguments it checks a small built-in snippet.
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
        args.get(i + 1).cloned().unwrap_or_default()
    } else if let Some(path) = args.iter().find(|a| !a.starts_with("--")) {
        match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return;
            }
        }
    } else {
        "let a = 1; { var a; } L: while (1) { continue M; }".to_string()
    };
    let opts = ParseOptions { strict, eval: None };
    match parse(&src, &opts) {
        Err(e) => println!("parse error: {}", e[0].render("input", &src)),
        Ok(p) => {
            if ast {
                println!("{p:#?}");
            }
            eprintln!("parsed");
            let t = std::time::Instant::now();
            let errs = early::check(&p, &src, &opts);
            std::mem::forget(p); // deep ASTs: dropping them is the parser's concern
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
