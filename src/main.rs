//! The `tidejs` command line. Uses the public library API only.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: tidejs FILE.js");
        return ExitCode::from(9);
    };
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("tidejs: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    match tidejs::parse(&source, &tidejs::ParseOptions::default()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(errors) => {
            eprintln!("{}", errors[0].render(path, &source));
            ExitCode::from(1)
        }
    }
}
