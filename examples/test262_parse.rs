//! Parse-outcome measurement over test262 (not a conformance runner): for every `*.js` under a
//! directory (default `../shared/test262/test/language`), parse it and compare with the
//! expectation in its metadata — positive files must parse, `negative: phase: parse` files must
//! be rejected. Module tests and features outside the parser's scope are skipped.
//!
//! `cargo run --release --example test262_parse [DIR] [--list-failures FILE]`

use std::path::{Path, PathBuf};

const SKIP_FEATURES: &[&str] = &[
    "decorators",
    "import-defer",
    "source-phase-imports",
    "explicit-resource-management",
    "json-modules",
    "import-attributes",
];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "js")
            && !p.to_string_lossy().contains("_FIXTURE")
        {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../shared/test262/test/language".into());
    let list = args
        .iter()
        .position(|a| a == "--list-failures")
        .and_then(|i| args.get(i + 1).cloned());
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    files.sort();
    let (mut pos, mut pos_ok, mut neg, mut neg_ok, mut skipped) = (0, 0, 0, 0, 0);
    let mut failures = String::new();
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        let meta = src
            .find("/*---")
            .and_then(|a| src[a..].find("---*/").map(|b| &src[a..a + b]))
            .unwrap_or("");
        let flags_line = meta
            .lines()
            .find(|l| l.trim_start().starts_with("flags:"))
            .unwrap_or("");
        if flags_line.contains("module") {
            skipped += 1;
            continue;
        }
        let features = meta
            .lines()
            .find(|l| l.trim_start().starts_with("features:"))
            .unwrap_or("");
        if SKIP_FEATURES.iter().any(|s| features.contains(s)) {
            skipped += 1;
            continue;
        }
        let negative_parse = meta.contains("negative:") && meta.contains("phase: parse");
        let strict = flags_line.contains("onlyStrict");
        let opts = tidejs::ParseOptions { strict };
        // Nothing below may panic; a panic is a failure of the parser, so catch and report it.
        let res = std::panic::catch_unwind(|| tidejs::parse(&src, &opts).map(|_| ()));
        let parsed = match &res {
            Ok(r) => r.is_ok(),
            Err(_) => {
                failures.push_str(&format!("PANIC {}\n", f.display()));
                false
            }
        };
        if negative_parse {
            neg += 1;
            if !parsed {
                neg_ok += 1;
            } else {
                failures.push_str(&format!("ACCEPTED {}\n", f.display()));
            }
        } else {
            pos += 1;
            if parsed {
                pos_ok += 1;
            } else if let Ok(Err(e)) = res {
                failures.push_str(&format!("REJECTED {} :: {}\n", f.display(), e[0].message));
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("dir: {dir}");
    println!("positive parsed: {pos_ok}/{pos} ({:.2}%)", pct(pos_ok, pos));
    println!(
        "negative rejected: {neg_ok}/{neg} ({:.2}%)",
        pct(neg_ok, neg)
    );
    println!("skipped (module / out-of-scope features): {skipped}");
    if let Some(path) = list {
        std::fs::write(path, failures).expect("cannot write failure list");
    }
}
