//! The results of a run and their rendering: the per-directory markdown table (two levels under
//! `test/`, e.g. `language/expressions`, plus totals), the sorted failing list (path and scenario),
//! and how many tests each exclusion hides.
//!
//! [`Report::snapshot_text`] is deterministic (no timings, no error messages, which change with
//! wording) so it can be committed as a snapshot; [`Report::failures`] carries the messages for
//! humans and CI logs. [`failure_keys`] reads the failing list back out of a rendered report, so a
//! caller can name the failures that are new relative to a committed snapshot.

use super::runner::{Outcome, Scenario};
use super::Exclusions;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::time::Duration;

/// What happened to one test file.
#[derive(Clone, Debug)]
pub enum TestStatus {
    /// Not run; every reason (`feature: Proxy`, `flag: module …`).
    Excluded(Vec<String>),
    /// Each scenario's outcome.
    Ran(Vec<(Scenario, Outcome)>),
    /// The file could not be run at all (unreadable, bad frontmatter, missing include): a failure.
    Broken(String),
}

#[derive(Clone, Debug)]
pub struct TestResult {
    /// Relative to `test/`.
    pub path: String,
    pub status: TestStatus,
}

impl TestResult {
    fn passed(&self) -> bool {
        matches!(&self.status, TestStatus::Ran(o) if o.iter().all(|(_, o)| *o == Outcome::Pass))
    }
}

/// One failing scenario.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Failure {
    pub path: String,
    /// `sloppy`, `strict`, `raw`, or `metadata` for a test that could not be run.
    pub scenario: String,
    pub message: String,
}

impl Failure {
    /// `path (scenario)`, the form the failing list uses.
    pub fn key(&self) -> String {
        format!("{} ({})", self.path, self.scenario)
    }
}

/// Test counts (a test passes when all its scenarios pass).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tests: usize,
    pub passed: usize,
    pub failed: usize,
    pub excluded: usize,
}

impl Counts {
    fn add(&mut self, r: &TestResult) {
        self.tests += 1;
        match &r.status {
            TestStatus::Excluded(_) => self.excluded += 1,
            _ if r.passed() => self.passed += 1,
            _ => self.failed += 1,
        }
    }
}

/// The results of a run.
#[derive(Clone, Debug)]
pub struct Report {
    pub executor: String,
    /// Sorted by path.
    pub results: Vec<TestResult>,
    /// The exclusion list in file order, to show entries that hide nothing too.
    exclusion_patterns: Vec<(String, String)>,
    pub elapsed: Duration,
}

/// The directory a test is reported under: two levels below `test/`.
pub fn directory_of(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.len() {
        0 | 1 => ".".to_string(),
        2 => parts[0].to_string(),
        _ => format!("{}/{}", parts[0], parts[1]),
    }
}

impl Report {
    pub fn new(
        executor: String,
        mut results: Vec<TestResult>,
        exclusions: &Exclusions,
        elapsed: Duration,
    ) -> Report {
        results.sort_by(|a, b| a.path.cmp(&b.path));
        Report {
            executor,
            results,
            exclusion_patterns: exclusions
                .entries
                .iter()
                .map(|e| (e.pattern.clone(), e.reason.clone()))
                .collect(),
            elapsed,
        }
    }

    pub fn by_directory(&self) -> BTreeMap<String, Counts> {
        let mut map: BTreeMap<String, Counts> = BTreeMap::new();
        for r in &self.results {
            map.entry(directory_of(&r.path)).or_default().add(r);
        }
        map
    }

    pub fn totals(&self) -> Counts {
        let mut c = Counts::default();
        for r in &self.results {
            c.add(r);
        }
        c
    }

    /// Every failing scenario, sorted by path then scenario.
    pub fn failures(&self) -> Vec<Failure> {
        let mut out = Vec::new();
        for r in &self.results {
            match &r.status {
                TestStatus::Excluded(_) => {}
                TestStatus::Broken(msg) => out.push(Failure {
                    path: r.path.clone(),
                    scenario: "metadata".to_string(),
                    message: msg.clone(),
                }),
                TestStatus::Ran(outcomes) => {
                    for (scenario, outcome) in outcomes {
                        if let Outcome::Fail(msg) = outcome {
                            out.push(Failure {
                                path: r.path.clone(),
                                scenario: scenario.name().to_string(),
                                message: msg.clone(),
                            });
                        }
                    }
                }
            }
        }
        out.sort();
        out
    }

    /// How many tests each exclusion reason hides (a test with two excluded features counts for
    /// both), with every entry of the exclusion list, also those that hide nothing.
    pub fn exclusion_counts(&self) -> Vec<(String, usize, String)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for r in &self.results {
            if let TestStatus::Excluded(reasons) = &r.status {
                for reason in reasons {
                    *counts.entry(reason.clone()).or_default() += 1;
                }
            }
        }
        let mut rows: Vec<(String, usize, String)> = Vec::new();
        let mut seen = BTreeSet::new();
        // Flag reasons first, then the list's entries (a prefix entry sums its matches).
        for (reason, n) in &counts {
            if !reason.starts_with("feature: ") {
                rows.push((reason.clone(), *n, String::new()));
                seen.insert(reason.clone());
            }
        }
        for (pattern, why) in &self.exclusion_patterns {
            let prefix = pattern.strip_suffix('*');
            let mut n = 0;
            for (reason, c) in &counts {
                if let Some(feature) = reason.strip_prefix("feature: ") {
                    let hit = match prefix {
                        Some(p) => feature.starts_with(p),
                        None => feature == pattern,
                    };
                    if hit {
                        n += c;
                        seen.insert(reason.clone());
                    }
                }
            }
            rows.push((format!("feature: {pattern}"), n, why.clone()));
        }
        for (reason, n) in &counts {
            if !seen.contains(reason) {
                rows.push((reason.clone(), *n, "(not in the list)".to_string()));
            }
        }
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    }

    /// The per-directory table with totals.
    pub fn table_markdown(&self) -> String {
        let mut s = String::new();
        s.push_str("| directory | tests | passed | failed | excluded | passed % of run |\n");
        s.push_str("|---|---:|---:|---:|---:|---:|\n");
        let row = |s: &mut String, name: &str, c: &Counts| {
            let run = c.passed + c.failed;
            let pct = if run == 0 {
                "-".to_string()
            } else {
                format!("{:.1}", 100.0 * c.passed as f64 / run as f64)
            };
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} | {} | {pct} |",
                c.tests, c.passed, c.failed, c.excluded
            );
        };
        for (dir, c) in self.by_directory() {
            row(&mut s, &dir, &c);
        }
        row(&mut s, "**total**", &self.totals());
        s
    }

    pub fn exclusions_markdown(&self) -> String {
        let mut s = String::from("| excluded by | tests | reason |\n|---|---:|---|\n");
        for (what, n, why) in self.exclusion_counts() {
            let _ = writeln!(s, "| {what} | {n} | {why} |");
        }
        s
    }

    /// The failing list, one `` - `path` (scenario) `` line each; with messages if asked.
    pub fn failures_markdown(&self, with_messages: bool) -> String {
        let mut s = String::new();
        for f in self.failures() {
            if with_messages {
                let _ = writeln!(s, "- `{}` ({}): {}", f.path, f.scenario, f.message);
            } else {
                let _ = writeln!(s, "- `{}` ({})", f.path, f.scenario);
            }
        }
        s
    }

    /// The deterministic report committed as the snapshot: header, table, exclusions, failures.
    pub fn snapshot_text(&self) -> String {
        let t = self.totals();
        let mut s = String::new();
        let _ = writeln!(s, "# test262 — {}\n", self.executor);
        let _ = writeln!(
            s,
            "{} tests: {} passed, {} failed, {} excluded; {} failing scenarios.\n",
            t.tests,
            t.passed,
            t.failed,
            t.excluded,
            self.failures().len()
        );
        s.push_str(&self.table_markdown());
        s.push_str("\n## Excluded\n\n");
        s.push_str(&self.exclusions_markdown());
        s.push_str("\n## Failing (path, scenario)\n\n");
        s.push_str(&self.failures_markdown(false));
        s
    }

    /// One line for logs, with the wall time.
    pub fn summary_line(&self) -> String {
        let t = self.totals();
        format!(
            "test262 ({}): {} tests, {} passed, {} failed, {} excluded in {:.1} s",
            self.executor,
            t.tests,
            t.passed,
            t.failed,
            t.excluded,
            self.elapsed.as_secs_f64()
        )
    }
}

/// The failing `path (scenario)` keys listed in a rendered report (or a snapshot file holding one).
pub fn failure_keys(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("- `")?;
            let (path, rest) = rest.split_once('`')?;
            let scenario = rest.trim().strip_prefix('(')?.split(')').next()?;
            Some(format!("{path} ({scenario})"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(path: &str, status: TestStatus) -> TestResult {
        TestResult {
            path: path.to_string(),
            status,
        }
    }

    #[test]
    fn table_failures_and_keys_round_trip() {
        let ex = Exclusions::parse("Proxy # no proxies\nIntl.* # no 402\n").unwrap();
        let report = Report::new(
            "test".into(),
            vec![
                result(
                    "language/expressions/b.js",
                    TestStatus::Ran(vec![
                        (Scenario::Sloppy, Outcome::Pass),
                        (Scenario::Strict, Outcome::Fail("SyntaxError: x".into())),
                    ]),
                ),
                result(
                    "language/expressions/a.js",
                    TestStatus::Ran(vec![(Scenario::Raw, Outcome::Pass)]),
                ),
                result(
                    "built-ins/Proxy/c.js",
                    TestStatus::Excluded(vec!["feature: Proxy".into()]),
                ),
                result(
                    "built-ins/Array/d.js",
                    TestStatus::Broken("bad yaml".into()),
                ),
            ],
            &ex,
            Duration::ZERO,
        );
        let dirs = report.by_directory();
        assert_eq!(
            dirs["language/expressions"],
            Counts {
                tests: 2,
                passed: 1,
                failed: 1,
                excluded: 0
            }
        );
        assert_eq!(report.totals().excluded, 1);
        let text = report.snapshot_text();
        assert!(
            text.contains("| **total** | 4 | 1 | 2 | 1 | 33.3 |"),
            "{text}"
        );
        assert!(
            text.contains("| feature: Proxy | 1 | no proxies |"),
            "{text}"
        );
        assert!(text.contains("| feature: Intl.* | 0 | no 402 |"), "{text}");
        let keys: Vec<String> = failure_keys(&text).into_iter().collect();
        assert_eq!(
            keys,
            vec![
                "built-ins/Array/d.js (metadata)",
                "language/expressions/b.js (strict)"
            ]
        );
        assert!(!text.contains("SyntaxError: x"));
    }

    #[test]
    fn directories_are_two_levels_deep() {
        assert_eq!(directory_of("language/asi/S7.js"), "language/asi");
        assert_eq!(directory_of("built-ins/Array/from/x.js"), "built-ins/Array");
        assert_eq!(directory_of("top.js"), ".");
    }
}
