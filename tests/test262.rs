//! The whole in-scope test262 suite in parse mode, held against a committed snapshot of the
//! report (per-directory table, exclusion counts, failing list).
//!
//! A test that passed and now fails changes the snapshot, so this test fails (under `CI=true`
//! insta never writes snapshots, it only compares). Before asserting, the failures that are not
//! in the committed snapshot are printed with their error messages, and the ones that were fixed
//! are listed, so the CI log names them.
//!
//! The suite comes from `$TEST262_DIR` or `../shared/test262`; if neither exists this test fails
//! and says where it looked.
//!
//! To accept a new state after a deliberate change: `INSTA_UPDATE=always cargo test --release
//! --test test262` (or `cargo insta review`), then review the diff of
//! `tests/snapshots/test262__parse_mode.snap` before committing it.

use std::collections::BTreeSet;
use std::io::Write;
use tidejs::test262::report::failure_keys;
use tidejs::test262::{run, Exclusions, Harness, ParseOnly, RunConfig, Suite};

#[test]
fn test262_parse_mode() {
    let suite = Suite::locate().unwrap_or_else(|e| panic!("{e}"));
    let harness = Harness::load(&suite).unwrap_or_else(|e| panic!("{e}"));
    let report = run(
        &suite,
        &harness,
        &Exclusions::committed(),
        &ParseOnly,
        &RunConfig::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Straight to the stderr handle: libtest captures print!/eprint! of passing tests, and the
    // summary and table belong in every CI log.
    let _ = writeln!(
        std::io::stderr(),
        "{}\n{}",
        report.summary_line(),
        report.table_markdown()
    );

    let snap_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/test262__parse_mode.snap");
    match std::fs::read_to_string(&snap_path) {
        Ok(committed) => {
            let before = failure_keys(&committed);
            let failures = report.failures();
            let now: BTreeSet<String> = failures.iter().map(|f| f.key()).collect();
            let new: Vec<_> = failures
                .iter()
                .filter(|f| !before.contains(&f.key()))
                .collect();
            if !new.is_empty() {
                println!(
                    "\n{} failing scenario(s) NOT in the committed snapshot (regressions or new tests):",
                    new.len()
                );
                for f in &new {
                    println!("  NEW FAIL {} ({}): {}", f.path, f.scenario, f.message);
                }
            }
            let fixed: Vec<_> = before.difference(&now).collect();
            if !fixed.is_empty() {
                println!(
                    "\n{} scenario(s) failing in the snapshot now pass or are gone (update the snapshot):",
                    fixed.len()
                );
                for k in fixed {
                    println!("  FIXED {k}");
                }
            }
        }
        Err(_) => println!(
            "no committed snapshot at {}: every failure is new",
            snap_path.display()
        ),
    }

    insta::assert_snapshot!("parse_mode", report.snapshot_text());
}
