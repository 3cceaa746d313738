//! Throwaway measurement of the early-error pass over test262 `test/language` (not the project's
//! test262 runner). Usage: `cargo run --release --example early262 [TEST262_DIR] [-v]`.
//!
//! For every script test (module tests skipped) in each mode it applies (`onlyStrict` → strict,
//! `noStrict`/`raw` → sloppy, otherwise both), it parses, then runs `parser::early::check`, and
//! counts per top-level directory: negative parse tests rejected by the parser, rejected by the
//! early pass, missed; positive tests rejected by the parser and rejected by the early pass
//! (false positives of this pass, listed with `-v`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tidejs::parser::{early, parse, ParseOptions};

#[derive(Default, Clone, Copy)]
struct Row {
    neg: u32,
    neg_parser: u32,
    neg_early: u32,
    neg_missed: u32,
    pos: u32,
    pos_parser_fp: u32,
    pos_early_fp: u32,
    panics: u32,
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "js")
            && !p.to_string_lossy().contains("_FIXTURE")
        {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let filter = args
        .iter()
        .find_map(|a| a.strip_prefix("--filter="))
        .map(str::to_owned);
    if args.iter().any(|a| a == "--stdin-files") {
        // Positive-only mode: every file named on stdin is valid sloppy script code.
        let (mut n, mut parse_fail, mut early_fail) = (0, 0, 0);
        for line in std::io::stdin().lines().map_while(Result::ok) {
            let Ok(src) = std::fs::read_to_string(&line) else {
                continue;
            };
            let opts = ParseOptions::default();
            n += 1;
            match parse(&src, &opts) {
                Err(_) => parse_fail += 1,
                Ok(p) => {
                    let errs = early::check(&p, &src, &opts);
                    if let Some(e) = errs.first() {
                        early_fail += 1;
                        println!("{line}: {}", e.render(&line, &src).replace('\n', " | "));
                    }
                }
            }
        }
        println!("{n} files, {parse_fail} rejected by the parser, {early_fail} by the early pass");
        return;
    }
    let root = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_else(|| "/work/shared/test262".into());
    let sub = args
        .iter()
        .find_map(|a| a.strip_prefix("--dir="))
        .unwrap_or("language");
    let base = Path::new(&root).join("test").join(sub);
    let mut files = Vec::new();
    walk(&base, &mut files);
    if let Some(f) = &filter {
        files.retain(|p| p.to_string_lossy().contains(f.as_str()));
    }
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    let mut fp_list = Vec::new();
    let mut parser_fp_list = Vec::new();
    let mut missed_list = Vec::new();
    let mut neg_early_list = Vec::new();
    for path in &files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let meta = src
            .find("/*---")
            .and_then(|s| src[s..].find("---*/").map(|e| &src[s..s + e]))
            .unwrap_or("");
        if meta.contains("module")
            && meta
                .lines()
                .any(|l| l.contains("flags:") && l.contains("module"))
        {
            continue;
        }
        let negative_parse = meta.contains("negative:") && meta.contains("phase: parse");
        let flags_line = meta
            .lines()
            .find(|l| l.trim_start().starts_with("flags:"))
            .unwrap_or("");
        let modes: &[bool] = if flags_line.contains("onlyStrict") {
            &[true]
        } else if flags_line.contains("noStrict") || flags_line.contains("raw") {
            &[false]
        } else {
            &[false, true]
        };
        let rel = path.strip_prefix(&base).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .to_string();
        let row = rows.entry(top).or_default();
        for &strict in modes {
            let opts = ParseOptions { strict };
            // test262 prepends "use strict"; for strict mode.
            let text = if strict {
                format!("\"use strict\";\n{src}")
            } else {
                src.clone()
            };
            let res = std::panic::catch_unwind(|| match parse(&text, &opts) {
                Err(e) => (
                    true,
                    e.first().map(|e| e.message.clone()).unwrap_or_default(),
                    Vec::new(),
                ),
                Ok(p) => (false, String::new(), early::check(&p, &text, &opts)),
            });
            let tag = format!("{}{}", rel.display(), if strict { " [strict]" } else { "" });
            match res {
                Err(_) => {
                    row.panics += 1;
                    eprintln!("PANIC {tag}");
                }
                Ok((parse_err, msg, errs)) => {
                    if negative_parse {
                        row.neg += 1;
                        if parse_err {
                            row.neg_parser += 1;
                        } else if !errs.is_empty() {
                            row.neg_early += 1;
                            neg_early_list.push(format!("{tag}: {}", errs[0].message));
                        } else {
                            row.neg_missed += 1;
                            missed_list.push(tag);
                        }
                    } else {
                        row.pos += 1;
                        if parse_err {
                            row.pos_parser_fp += 1;
                            parser_fp_list.push(format!("{tag}: {msg}"));
                        } else if !errs.is_empty() {
                            row.pos_early_fp += 1;
                            fp_list.push(format!("{tag}: {}", errs[0].message));
                        }
                    }
                }
            }
        }
    }
    println!(
        "{:<24} {:>6} {:>7} {:>7} {:>7} {:>6} {:>9} {:>8} {:>6}",
        "dir", "neg", "byParse", "byEarly", "missed", "pos", "parserFP", "earlyFP", "panic"
    );
    let mut t = Row::default();
    for (k, r) in &rows {
        println!(
            "{:<24} {:>6} {:>7} {:>7} {:>7} {:>6} {:>9} {:>8} {:>6}",
            k,
            r.neg,
            r.neg_parser,
            r.neg_early,
            r.neg_missed,
            r.pos,
            r.pos_parser_fp,
            r.pos_early_fp,
            r.panics
        );
        t.neg += r.neg;
        t.neg_parser += r.neg_parser;
        t.neg_early += r.neg_early;
        t.neg_missed += r.neg_missed;
        t.pos += r.pos;
        t.pos_parser_fp += r.pos_parser_fp;
        t.pos_early_fp += r.pos_early_fp;
        t.panics += r.panics;
    }
    println!(
        "{:<24} {:>6} {:>7} {:>7} {:>7} {:>6} {:>9} {:>8} {:>6}",
        "TOTAL",
        t.neg,
        t.neg_parser,
        t.neg_early,
        t.neg_missed,
        t.pos,
        t.pos_parser_fp,
        t.pos_early_fp,
        t.panics
    );
    if verbose {
        println!("\n## early-pass false positives");
        for l in &fp_list {
            println!("{l}");
        }
        println!("\n## negative tests missed");
        for l in &missed_list {
            println!("{l}");
        }
        println!("\n## positive tests rejected by the parser");
        for l in &parser_fp_list {
            println!("{l}");
        }
        println!("\n## negative tests caught by the early pass");
        for l in &neg_early_list {
            println!("{l}");
        }
    }
}
