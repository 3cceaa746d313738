//! The whole in-scope test262 suite, twice:
//!
//! - **Execution mode** ([`test262_execution`]): every scenario runs in the interpreter. The
//!   failures are held against the committed `tests/test262/known-failures.txt`: a failure NOT in
//!   the list fails this test (each one is printed with its error); listed scenarios that pass
//!   now are counted and reported, never a failure (the list goes stale in that direction as
//!   features land, by design). `TIDEJS_UPDATE_262=1 cargo test --release --test test262`
//!   rewrites the list and the per-area table in README.md.
//! - **Parse mode** ([`test262_parse_mode`]): syntax and early errors only, held against the
//!   committed snapshot `tests/snapshots/test262__parse_mode.snap` (a parse regression in a test
//!   that fails execution for another reason would hide behind the known-failures list; this
//!   check sees it). Accept a deliberate change with `INSTA_UPDATE=always cargo test --release
//!   --test test262` and review the diff.
//!
//! The suite comes from `$TEST262_DIR` or `../shared/test262`; if neither exists these tests fail
//! and say where they looked. The two run one after the other (a mutex), each using every core.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use tidejs::test262::known::{self, KNOWN_FAILURES_FILE, UPDATE_COMMAND};
use tidejs::test262::report::failure_keys;
use tidejs::test262::{run, Exclusions, Execute, Harness, ParseOnly, RunConfig, Suite};

/// One whole-suite run at a time: each already uses every core.
static SERIAL: Mutex<()> = Mutex::new(());

/// Straight to the stderr handle: libtest captures print!/eprint! of passing tests, and the
/// summary and tables belong in every CI log.
fn log(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

#[test]
fn test262_execution() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let suite = Suite::locate().unwrap_or_else(|e| panic!("{e}"));
    let harness = Harness::load(&suite).unwrap_or_else(|e| panic!("{e}"));
    let report = run(
        &suite,
        &harness,
        &Exclusions::committed(),
        &Execute,
        &RunConfig {
            // Worker processes of the built CLI: a runaway builtin fails one test, not the run.
            isolate: Some(env!("CARGO_BIN_EXE_tidejs").into()),
            ..RunConfig::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    log(&format!(
        "{}\n{}\n## Excluded\n\n{}",
        report.summary_line(),
        report.table_markdown(),
        report.exclusions_markdown()
    ));

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let list_path = root.join(KNOWN_FAILURES_FILE);
    if std::env::var_os("TIDEJS_UPDATE_262").is_some() {
        std::fs::write(&list_path, known::render(&report))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", list_path.display()));
        let readme_path = root.join("README.md");
        let readme = std::fs::read_to_string(&readme_path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", readme_path.display()));
        let updated = known::replace_readme_table(&readme, &known::readme_table(&report))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&readme_path, updated)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", readme_path.display()));
        log(&format!(
            "TIDEJS_UPDATE_262: wrote {} ({} failing scenarios) and the README table",
            list_path.display(),
            report.failures().len()
        ));
        return;
    }

    let listed = match std::fs::read_to_string(&list_path) {
        Ok(text) => known::parse(&text),
        Err(e) => {
            log(&format!(
                "cannot read {}: {e}; every failure counts as a regression",
                list_path.display()
            ));
            BTreeSet::new()
        }
    };
    let cmp = known::compare(&report, &listed);
    if !cmp.newly_passing.is_empty() {
        log(&format!(
            "\n{} scenario(s) in {KNOWN_FAILURES_FILE} pass now; to update the list and the \
             README table run:\n  {UPDATE_COMMAND}",
            cmp.newly_passing.len()
        ));
    }
    if !cmp.regressions.is_empty() {
        let mut text = format!(
            "\n{} failing scenario(s) NOT in {KNOWN_FAILURES_FILE} (regressions, or new tests):",
            cmp.regressions.len()
        );
        for f in &cmp.regressions {
            text.push_str(&format!("\n  REGRESSION {}: {}", f.key(), f.message));
        }
        log(&text);
        panic!(
            "{} test262 regression(s), listed above; fix them, or if a failure is expected \
             (e.g. a new test), rewrite the list with {UPDATE_COMMAND}",
            cmp.regressions.len()
        );
    }
}

#[test]
fn test262_parse_mode() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
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
    log(&report.summary_line());

    let snap_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/test262__parse_mode.snap");
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
