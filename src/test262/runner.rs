//! Running tests: which scenarios a test needs, what is excluded, the [`Executor`] contract, the
//! parse-only executor, and the parallel driver.
//!
//! Scenarios follow INTERPRETING.md: sloppy and strict unless `onlyStrict`/`noStrict`/`raw`;
//! strict means the source gets `"use strict";\n` prepended; `raw` runs the file untouched,
//! sloppy, without harness. `module` tests are excluded until tidejs has modules.
//!
//! Parse mode ([`ParseOnly`]): a `negative: {phase: parse}` test passes iff parsing fails with
//! the expected error type; every other test (positive, `runtime`-negative) passes iff it parses,
//! in each scenario. Nothing is executed and nothing is claimed about execution.
//! `negative: {phase: resolution}` tests are module tests, excluded with them; `runtime`
//! negatives must parse.
//!
//! Execution mode is [`crate::test262::exec`]: each [`TestCase`] carries a `deadline` the executor
//! enforces through the interpreter's interrupt flag.
//!
//! Panics inside an executor are caught per scenario and reported as failures with the panic
//! message; the run goes on. A Rust stack overflow cannot be caught and aborts the process (the
//! front end's invariant is that user input never causes one); workers get `ENGINE_STACK_BYTES` of stack, the
//! size of the CLI's engine thread, so the runner sees what the CLI would.

use super::isolate::Worker;
use super::metadata::{parse_metadata, Flag, Metadata, Phase};
use super::report::{Report, TestResult, TestStatus};
use super::{Exclusions, Harness, Suite};
use crate::parser::{parse, ParseOptions};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// The [[CanBlock]] of the agent the tidejs test262 host runs tests in (a CLI main thread, like
/// the node and d8 shells): `CanBlockIsFalse` tests are excluded.
pub const HOST_CAN_BLOCK: bool = true;

/// How one test is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scenario {
    /// Non-strict, harness prepended.
    Sloppy,
    /// `"use strict";` prepended, harness prepended.
    Strict,
    /// `raw` flag: the file exactly as written, non-strict, no harness.
    Raw,
}

impl Scenario {
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Sloppy => "sloppy",
            Scenario::Strict => "strict",
            Scenario::Raw => "raw",
        }
    }

    pub fn from_name(name: &str) -> Option<Scenario> {
        match name {
            "sloppy" => Some(Scenario::Sloppy),
            "strict" => Some(Scenario::Strict),
            "raw" => Some(Scenario::Raw),
            _ => None,
        }
    }
}

/// The result of one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail(String),
}

/// One scenario of one test, as handed to an [`Executor`].
pub struct TestCase<'a> {
    /// Relative to `test/`, e.g. `language/asi/S7.9_A1.js`.
    pub path: &'a str,
    /// The test file as written.
    pub source: &'a str,
    pub metadata: &'a Metadata,
    pub scenario: Scenario,
    pub harness: &'a Harness,
    /// When an executing run must give up on this scenario (see the module docs).
    pub deadline: Instant,
}

impl TestCase<'_> {
    /// The test source for this scenario: strict gets `"use strict";\n` prepended.
    pub fn scenario_source(&self) -> Cow<'_, str> {
        match self.scenario {
            Scenario::Strict => Cow::Owned(format!("\"use strict\";\n{}", self.source)),
            Scenario::Sloppy | Scenario::Raw => Cow::Borrowed(self.source),
        }
    }
}

/// Runs one scenario of one test. Implemented by [`ParseOnly`] today and by the interpreter later.
pub trait Executor: Sync {
    /// Shown in the report header, e.g. `parse-only`.
    fn name(&self) -> &str;
    fn run(&self, test: &TestCase<'_>) -> Outcome;
}

/// A per-run cache of whatever an executor derives from a harness file (its parsed and lowered
/// program), so each harness file is parsed once however many tests include it. Shared by the
/// worker threads; a value is computed outside the lock (two workers may race to compute the
/// same entry once; the first stored wins).
pub struct PreludeCache<T> {
    map: Mutex<std::collections::HashMap<String, std::sync::Arc<T>>>,
}

impl<T> Default for PreludeCache<T> {
    fn default() -> Self {
        PreludeCache {
            map: Mutex::new(std::collections::HashMap::new()),
        }
    }
}

impl<T> PreludeCache<T> {
    /// The cached value for harness file `name`, computing it from `source` on first use.
    pub fn get_or_insert_with<E>(
        &self,
        name: &str,
        source: &str,
        make: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<std::sync::Arc<T>, E> {
        if let Some(v) = self.lock().get(name) {
            return Ok(v.clone());
        }
        let value = std::sync::Arc::new(make(source)?);
        Ok(self.lock().entry(name.to_string()).or_insert(value).clone())
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, std::sync::Arc<T>>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Parse mode: checks syntax and early errors only. Executes nothing.
pub struct ParseOnly;

impl Executor for ParseOnly {
    fn name(&self) -> &str {
        "parse-only (syntax and early errors; nothing is executed)"
    }

    fn run(&self, test: &TestCase<'_>) -> Outcome {
        let source = test.scenario_source();
        let result = parse(
            &source,
            &ParseOptions {
                strict: false,
                eval: None,
            },
        );
        let expect_parse_error = test
            .metadata
            .negative
            .as_ref()
            .filter(|n| n.phase == Phase::Parse);
        match (expect_parse_error, result) {
            (None, Ok(_)) => Outcome::Pass,
            (None, Err(errors)) => Outcome::Fail(describe_errors(&source, &errors)),
            (Some(neg), Err(errors)) => {
                let got = errors.first().map(|e| e.kind.name()).unwrap_or("no error");
                if got == neg.error_type {
                    Outcome::Pass
                } else {
                    Outcome::Fail(format!(
                        "expected a {} at parse time, got {}",
                        neg.error_type,
                        describe_errors(&source, &errors)
                    ))
                }
            }
            (Some(neg), Ok(_)) => Outcome::Fail(format!(
                "expected a {} at parse time, but it parsed",
                neg.error_type
            )),
        }
    }
}

fn describe_errors(source: &str, errors: &[crate::SyntaxError]) -> String {
    let Some(first) = errors.first() else {
        return "parse failed with an empty error list".to_string();
    };
    let index = crate::span::LineIndex::new(source);
    let (line, col) = index.line_col(source, first.span.start);
    let more = if errors.len() > 1 {
        format!(" (+{} more)", errors.len() - 1)
    } else {
        String::new()
    };
    format!("{first} at {line}:{col}{more}")
}

/// What to run.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Directories or files, absolute or relative to `test/`; empty means all of `test/`.
    pub paths: Vec<PathBuf>,
    /// Keep only paths containing this.
    pub filter: Option<String>,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Per-scenario time limit for executing modes (parse mode needs none). Wall-clock time, so
    /// it is generous (60 s): on a loaded machine (CI, several whole-suite runs sharing two cores)
    /// a test that takes 1 s alone can take ten times that. No in-scope test comes near it today.
    pub timeout: Duration,
    /// Run each test in execution mode in worker processes of this `tidejs` binary
    /// (`isolate` module) instead of on the runner's threads; the executor argument is then
    /// unused. What a runaway builtin does (unbounded allocation, a loop with no interrupt
    /// check, a stack overflow) then fails one test instead of the whole run.
    pub isolate: Option<PathBuf>,
}

impl Default for RunConfig {
    fn default() -> RunConfig {
        RunConfig {
            paths: Vec::new(),
            filter: None,
            threads: 0,
            timeout: Duration::from_secs(60),
            isolate: None,
        }
    }
}

/// Why a test is not run, or `None` when it is in scope. Every reason is reported: `feature: X`
/// for each excluded feature the test uses, and the out-of-scope flags.
pub fn exclusion_reasons(meta: &Metadata, harness: &Harness, ex: &Exclusions) -> Vec<String> {
    let mut reasons: Vec<String> = harness
        .effective_features(meta)
        .into_iter()
        .filter(|f| ex.matching(f).is_some())
        .map(|f| format!("feature: {f}"))
        .collect();
    if meta.has_flag(&Flag::Module) {
        reasons.push("flag: module (no modules yet)".to_string());
    }
    if HOST_CAN_BLOCK && meta.has_flag(&Flag::CanBlockIsFalse) {
        reasons.push("flag: CanBlockIsFalse (the host agent can block)".to_string());
    }
    if !HOST_CAN_BLOCK && meta.has_flag(&Flag::CanBlockIsTrue) {
        reasons.push("flag: CanBlockIsTrue (the host agent cannot block)".to_string());
    }
    reasons
}

/// The scenarios a test needs.
pub fn scenarios(meta: &Metadata) -> Vec<Scenario> {
    if meta.has_flag(&Flag::Raw) {
        vec![Scenario::Raw]
    } else if meta.has_flag(&Flag::OnlyStrict) {
        vec![Scenario::Strict]
    } else if meta.has_flag(&Flag::NoStrict) {
        vec![Scenario::Sloppy]
    } else {
        vec![Scenario::Sloppy, Scenario::Strict]
    }
}

/// Run every selected test of `suite` through `executor`, in parallel.
pub fn run(
    suite: &Suite,
    harness: &Harness,
    exclusions: &Exclusions,
    executor: &dyn Executor,
    config: &RunConfig,
) -> Result<Report, String> {
    let paths = suite.collect(&config.paths, config.filter.as_deref())?;
    if paths.is_empty() {
        return Err("no test262 tests selected".to_string());
    }
    let threads = if config.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        config.threads
    };
    install_panic_hook();
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<TestResult>> = Mutex::new(Vec::with_capacity(paths.len()));
    let test_dir = suite.test_dir();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(paths.len()) {
            std::thread::Builder::new()
                .name("test262-worker".into())
                .stack_size(crate::interp::ENGINE_STACK_BYTES)
                .spawn_scoped(scope, || {
                    IN_WORKER.with(|w| w.set(true));
                    let mut local = Vec::new();
                    let mut worker = None;
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { break };
                        let file = test_dir.join(path);
                        let status = match &config.isolate {
                            Some(exe) => run_isolated(
                                exe,
                                &mut worker,
                                suite,
                                path,
                                harness,
                                exclusions,
                                config,
                            ),
                            None => run_one(&file, path, harness, exclusions, executor, config),
                        };
                        local.push(TestResult {
                            path: path.clone(),
                            status,
                        });
                    }
                    results
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .extend(local);
                })
                .expect("spawn a test262 worker");
        }
    });
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    Ok(Report::new(
        executor.name().to_string(),
        results,
        exclusions,
        started.elapsed(),
    ))
}

/// Read a test and decide whether it runs: its source and metadata, or the status to report
/// without running it (excluded, unreadable, bad frontmatter, missing include).
fn prepare(
    file: &std::path::Path,
    harness: &Harness,
    exclusions: &Exclusions,
) -> Result<(String, Metadata), TestStatus> {
    let source = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => return Err(TestStatus::Broken("test file is not UTF-8".to_string())),
        },
        Err(e) => return Err(TestStatus::Broken(format!("cannot read: {e}"))),
    };
    let meta = parse_metadata(&source).map_err(TestStatus::Broken)?;
    let reasons = exclusion_reasons(&meta, harness, exclusions);
    if !reasons.is_empty() {
        return Err(TestStatus::Excluded(reasons));
    }
    harness.prelude(&meta).map_err(TestStatus::Broken)?;
    Ok((source, meta))
}

pub(crate) fn run_one(
    file: &std::path::Path,
    path: &str,
    harness: &Harness,
    exclusions: &Exclusions,
    executor: &dyn Executor,
    config: &RunConfig,
) -> TestStatus {
    let (source, meta) = match prepare(file, harness, exclusions) {
        Ok(p) => p,
        Err(status) => return status,
    };
    let outcomes = scenarios(&meta)
        .into_iter()
        .map(|scenario| {
            let case = TestCase {
                path,
                source: &source,
                metadata: &meta,
                scenario,
                harness,
                deadline: Instant::now() + config.timeout,
            };
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| executor.run(&case)))
                .unwrap_or_else(|payload| {
                    let msg = LAST_PANIC
                        .with(|p| p.borrow_mut().take())
                        .unwrap_or_else(|| panic_payload_text(payload.as_ref()));
                    Outcome::Fail(format!("panic: {}", msg.replace('\n', " ")))
                });
            (scenario, outcome)
        })
        .collect();
    TestStatus::Ran(outcomes)
}

/// Run one test in a worker process (starting one if needed); a crashed or killed worker fails
/// every scenario of the test in flight with the reason, and is replaced on the next test.
fn run_isolated(
    exe: &std::path::Path,
    worker: &mut Option<Worker>,
    suite: &Suite,
    path: &str,
    harness: &Harness,
    exclusions: &Exclusions,
    config: &RunConfig,
) -> TestStatus {
    let meta = match prepare(&suite.test_dir().join(path), harness, exclusions) {
        Ok((_, meta)) => meta,
        Err(status) => return status,
    };
    let scenarios = scenarios(&meta);
    if worker.is_none() {
        match Worker::start(exe, &suite.root, config.timeout) {
            Ok(w) => *worker = Some(w),
            Err(e) => return TestStatus::Broken(e),
        }
    }
    let Some(w) = worker.as_mut() else {
        return TestStatus::Broken("no worker".to_string());
    };
    // A scenario past its cooperative timeout (plus slack) is stuck where the interrupt check
    // never runs. One limit for the whole test: a test whose scenarios together take longer than
    // that is reported as a hard timeout too (each hung test costs the run this much time).
    let hard_limit = config.timeout + Duration::from_secs(5);
    match w.run(path, hard_limit) {
        Ok(status) => status,
        Err(reason) => {
            *worker = None;
            TestStatus::Ran(
                scenarios
                    .into_iter()
                    .map(|s| (s, Outcome::Fail(reason.clone())))
                    .collect(),
            )
        }
    }
}

/// Mark the current thread as a runner worker: panics there are recorded for the report
/// instead of printed.
pub(crate) fn enter_worker_thread() {
    install_panic_hook();
    IN_WORKER.with(|w| w.set(true));
}

thread_local! {
    static IN_WORKER: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Panics on worker threads are recorded (message and location) instead of printed; panics
/// elsewhere go to the previous hook as before.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if IN_WORKER.with(|w| w.get()) {
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                previous(info);
            }
        }));
    });
}

fn panic_payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(src: &str) -> Metadata {
        parse_metadata(src).unwrap()
    }

    #[test]
    fn scenarios_follow_flags() {
        use Scenario::*;
        assert_eq!(scenarios(&meta("/*---\n---*/")), vec![Sloppy, Strict]);
        assert_eq!(
            scenarios(&meta("/*---\nflags: [onlyStrict]\n---*/")),
            vec![Strict]
        );
        assert_eq!(
            scenarios(&meta("/*---\nflags: [noStrict]\n---*/")),
            vec![Sloppy]
        );
        assert_eq!(scenarios(&meta("/*---\nflags: [raw]\n---*/")), vec![Raw]);
    }

    #[test]
    fn strict_scenario_prepends_the_directive() {
        let m = meta("/*---\n---*/");
        let h = Harness::default();
        let case = TestCase {
            path: "x.js",
            source: "var x;",
            metadata: &m,
            scenario: Scenario::Strict,
            harness: &h,
            deadline: Instant::now(),
        };
        assert_eq!(case.scenario_source(), "\"use strict\";\nvar x;");
    }

    #[test]
    fn exclusions_report_every_reason() {
        let ex = Exclusions::parse("Proxy # r\nBigInt # r\n").unwrap();
        let h = Harness::default();
        let m = meta("/*---\nfeatures: [BigInt, class, Proxy]\nflags: [module]\n---*/");
        assert_eq!(
            exclusion_reasons(&m, &h, &ex),
            vec![
                "feature: BigInt",
                "feature: Proxy",
                "flag: module (no modules yet)"
            ]
        );
        assert!(exclusion_reasons(&meta("/*---\nfeatures: [class]\n---*/"), &h, &ex).is_empty());
    }

    #[test]
    fn prelude_cache_computes_once() {
        let cache: PreludeCache<usize> = PreludeCache::default();
        let mut calls = 0;
        for _ in 0..3 {
            let v = cache
                .get_or_insert_with("assert.js", "abc", |src| {
                    calls += 1;
                    Ok::<_, ()>(src.len())
                })
                .unwrap();
            assert_eq!(*v, 3);
        }
        assert_eq!(calls, 1);
        assert_eq!(cache.len(), 1);
        assert!(cache
            .get_or_insert_with("bad.js", "", |_| Err::<usize, _>("no"))
            .is_err());
        assert_eq!(cache.len(), 1);
    }

    struct Panicky;
    impl Executor for Panicky {
        fn name(&self) -> &str {
            "panicky"
        }
        fn run(&self, _: &TestCase<'_>) -> Outcome {
            panic!("boom")
        }
    }

    /// A throwaway suite on disk, so the whole driver (walk, metadata, workers, report) runs.
    fn temp_suite(tests: &[(&str, &str)]) -> Suite {
        let root = std::env::temp_dir().join(format!(
            "tidejs-t262-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("harness")).unwrap();
        for h in ["assert.js", "sta.js", "doneprintHandle.js"] {
            std::fs::write(root.join("harness").join(h), "").unwrap();
        }
        for (path, src) in tests {
            let p = root.join("test").join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, src).unwrap();
        }
        Suite::at(root).unwrap()
    }

    #[test]
    fn executor_panics_become_failures_and_the_run_goes_on() {
        let suite = temp_suite(&[
            ("a/b/one.js", "/*---\nflags: [raw]\n---*/"),
            ("a/b/two.js", "/*---\n---*/"),
            ("a/b/dep_FIXTURE.js", ""),
            ("a/c/three.js", "/*---\nfeatures: [Proxy]\n---*/"),
            ("a/c/four.js", "no frontmatter"),
        ]);
        let harness = Harness::load(&suite).unwrap();
        let ex = Exclusions::parse("Proxy # r\n").unwrap();
        let report = run(&suite, &harness, &ex, &Panicky, &RunConfig::default()).unwrap();
        std::fs::remove_dir_all(&suite.root).unwrap();
        let failures = report.failures();
        let names: Vec<String> = failures
            .iter()
            .map(|f| format!("{} ({})", f.path, f.scenario))
            .collect();
        assert_eq!(
            names,
            vec![
                "a/b/one.js (raw)",
                "a/b/two.js (sloppy)",
                "a/b/two.js (strict)",
                "a/c/four.js (metadata)"
            ]
        );
        assert!(
            failures[0].message.contains("boom"),
            "{}",
            failures[0].message
        );
        assert_eq!(report.totals().excluded, 1);
    }
}
