//! Execution mode: the [`Executor`] that runs each scenario in the interpreter, as
//! INTERPRETING.md describes.
//!
//! Per scenario: a fresh `Interp` (a new realm) with `print` and `$262` ([`super::host`]), the
//! prelude's harness files run as separate global scripts, then the test. Harness files are
//! parsed and lowered once per worker thread and the lowered `Script`s reused (they are
//! `Rc`-based, so the cache is thread-local; the GC heap is thread-local too).
//!
//! Outcomes: a `negative` parse-phase test passes iff parsing fails with the named error; a
//! runtime-phase one iff the script throws an object whose constructor is named `type` (read
//! through the interpreter: `constructor.name`, else `name`). Other tests pass iff nothing is
//! thrown; an `async` test additionally needs `print('Test262:AsyncTestComplete')` and no
//! `Test262:AsyncTestFailure:` line. After the script, the event loop (`event_loop::run`: promise
//! jobs, timers on the host's virtual clock) runs to completion; an exception it reports (a throw
//! in a timer or microtask callback) fails the test like one thrown by the script.
//!
//! Timeout: each scenario's interpreter gets an interrupt flag; one watchdog thread raises the
//! flags whose deadline passed, and the interpreter unwinds at its next loop back-edge or call
//! (`Interp::interrupt`). Such a scenario fails with reason "timeout". A native loop that never
//! reaches a check cannot be stopped this way (the run then waits for it).

use super::host;
use super::metadata::{Flag, Phase};
use super::runner::{Executor, Outcome, TestCase};
use crate::host::{Host, Stream};
use crate::interp::Interp;
use crate::lower::tree::Script;
use crate::parser::{parse, ParseOptions};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Runs tests in the interpreter.
pub struct Execute;

/// The name execution-mode reports carry.
pub const EXECUTION: &str = "execution";

impl Executor for Execute {
    fn name(&self) -> &str {
        EXECUTION
    }

    fn run(&self, test: &TestCase<'_>) -> Outcome {
        run_case(test)
    }
}

fn run_case(test: &TestCase<'_>) -> Outcome {
    let source = test.scenario_source();
    let negative = test.metadata.negative.as_ref();
    let program = match parse(
        &source,
        &ParseOptions {
            strict: false,
            eval: None,
        },
    ) {
        Ok(p) => p,
        Err(errors) => {
            let first = &errors[0];
            return match negative {
                Some(n) if n.phase == Phase::Parse && first.kind.name() == n.error_type => {
                    Outcome::Pass
                }
                Some(n) if n.phase == Phase::Parse => Outcome::Fail(format!(
                    "expected a {} at parse time, got {}",
                    n.error_type,
                    locate(&source, first)
                )),
                _ => Outcome::Fail(format!("parse: {}", locate(&source, first))),
            };
        }
    };
    if let Some(n) = negative.filter(|n| n.phase == Phase::Parse) {
        return Outcome::Fail(format!(
            "expected a {} at parse time, but it parsed",
            n.error_type
        ));
    }
    let script = match crate::lower::lower_script(&program) {
        Ok(s) => s,
        Err(e) => {
            let index = crate::span::LineIndex::new(&source);
            let (line, col) = index.line_col(&source, e.span.start);
            return Outcome::Fail(format!("{} (at {line}:{col})", e.message));
        }
    };
    let prelude = match test.harness.prelude(test.metadata) {
        Ok(p) => p,
        Err(e) => return Outcome::Fail(e),
    };

    let printed = Rc::new(RefCell::new(Vec::new()));
    let mut interp = Interp::new(Box::new(CaptureHost::new(printed.clone())));
    host::install(&mut interp);
    let flag = Arc::new(AtomicBool::new(false));
    interp.interrupt = Some(flag.clone());
    watch(test.deadline, &flag);

    for (name, text) in prelude {
        let cached = harness_script(name, text);
        let harness_script = match &*cached {
            Ok(s) => s,
            Err(e) => return Outcome::Fail(format!("harness {name}: {e}")),
        };
        if let Err(thrown) = interp.run_script(harness_script) {
            if flag.load(Ordering::Relaxed) {
                return Outcome::Fail("timeout".to_string());
            }
            let shown = host::describe_thrown(&mut interp, &thrown);
            return Outcome::Fail(format!("harness {name} threw {shown}"));
        }
    }
    // The script, then its event loop (microtasks, timers on the virtual clock) to completion;
    // unhandled rejections are not errors in test262.
    let result = interp
        .run_script(&script)
        .and_then(|()| crate::event_loop::run(&mut interp));
    if flag.load(Ordering::Relaxed) {
        return Outcome::Fail("timeout".to_string());
    }
    let runtime_negative = negative.filter(|n| n.phase == Phase::Runtime);
    match (result, runtime_negative) {
        (Err(thrown), Some(n)) => {
            let name = host::error_constructor_name(&mut interp, &thrown);
            if name.as_deref() == Some(n.error_type.as_str()) {
                Outcome::Pass
            } else {
                let shown = host::describe_thrown(&mut interp, &thrown);
                Outcome::Fail(format!(
                    "expected a {} at runtime, got {shown}",
                    n.error_type
                ))
            }
        }
        (Ok(()), Some(n)) => Outcome::Fail(format!(
            "expected a {} at runtime, but nothing was thrown",
            n.error_type
        )),
        (Err(thrown), None) => Outcome::Fail(host::describe_thrown(&mut interp, &thrown)),
        (Ok(()), None) if test.metadata.has_flag(&Flag::Async) => {
            let lines = printed.borrow();
            if let Some(failure) = lines
                .iter()
                .find(|l| l.starts_with("Test262:AsyncTestFailure:"))
            {
                Outcome::Fail(failure.clone())
            } else if lines.iter().any(|l| l == "Test262:AsyncTestComplete") {
                Outcome::Pass
            } else {
                Outcome::Fail(
                    "async test ended without printing Test262:AsyncTestComplete".to_string(),
                )
            }
        }
        (Ok(()), None) => Outcome::Pass,
    }
}

fn locate(source: &str, error: &crate::SyntaxError) -> String {
    let index = crate::span::LineIndex::new(source);
    let (line, col) = index.line_col(source, error.span.start);
    format!("{error} at {line}:{col}")
}

type Lowered = Rc<Result<Script, String>>;

thread_local! {
    /// Harness file name → (its source, its lowered script or why it cannot be lowered).
    static HARNESS_CACHE: RefCell<HashMap<String, (Arc<str>, Lowered)>> =
        RefCell::new(HashMap::new());
}

/// The lowered script of a harness file, from this thread's cache (re-lowered if a different
/// suite's file of the same name shows up).
fn harness_script(name: &str, source: &Arc<str>) -> Lowered {
    let hit = HARNESS_CACHE.with(|c| {
        c.borrow().get(name).and_then(|(src, lowered)| {
            (Arc::ptr_eq(src, source) || **src == **source).then(|| lowered.clone())
        })
    });
    if let Some(lowered) = hit {
        return lowered;
    }
    let lowered: Lowered = Rc::new(
        parse(source, &ParseOptions::default())
            .map_err(|e| locate(source, &e[0]))
            .and_then(|program| {
                crate::lower::lower_script(&program).map_err(|e| {
                    let index = crate::span::LineIndex::new(source);
                    let (line, col) = index.line_col(source, e.span.start);
                    format!("{} (at {line}:{col})", e.message)
                })
            }),
    );
    HARNESS_CACHE.with(|c| {
        c.borrow_mut()
            .insert(name.to_string(), (source.clone(), lowered.clone()))
    });
    lowered
}

/// A host that captures output lines (what `print` writes) and runs timers on a virtual clock.
pub struct CaptureHost {
    lines: Rc<RefCell<Vec<String>>>,
    clock_ms: f64,
    epoch_ms: f64,
}

impl CaptureHost {
    pub fn new(lines: Rc<RefCell<Vec<String>>>) -> CaptureHost {
        CaptureHost {
            lines,
            clock_ms: 0.0,
            epoch_ms: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0.0, |d| d.as_millis() as f64),
        }
    }
}

impl Host for CaptureHost {
    fn write_line(&mut self, stream: Stream, line: &str) {
        if stream == Stream::Stdout {
            self.lines.borrow_mut().push(line.to_string());
        }
    }

    fn now_ms(&mut self) -> f64 {
        self.epoch_ms + self.clock_ms.floor()
    }

    fn monotonic_ms(&mut self) -> f64 {
        self.clock_ms
    }

    fn wait_until(&mut self, deadline_ms: f64) {
        if deadline_ms > self.clock_ms {
            self.clock_ms = deadline_ms;
        }
    }
}

/// Flags to raise at their deadlines; a dropped flag (scenario finished) is forgotten.
static WATCHES: Mutex<Vec<(Instant, Weak<AtomicBool>)>> = Mutex::new(Vec::new());

/// Raise `flag` once `deadline` has passed (checked every 50 ms by one watchdog thread).
fn watch(deadline: Instant, flag: &Arc<AtomicBool>) {
    static START: Once = Once::new();
    START.call_once(|| {
        let _ = std::thread::Builder::new()
            .name("test262-watchdog".into())
            .spawn(|| loop {
                std::thread::sleep(Duration::from_millis(50));
                let now = Instant::now();
                let mut watches = WATCHES.lock().unwrap_or_else(|p| p.into_inner());
                watches.retain(|(deadline, flag)| match flag.upgrade() {
                    Some(f) if now >= *deadline => {
                        f.store(true, Ordering::Relaxed);
                        false
                    }
                    Some(_) => true,
                    None => false,
                });
            });
    });
    WATCHES
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push((deadline, Arc::downgrade(flag)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test262::report::TestStatus;
    use crate::test262::{run, Exclusions, Harness, RunConfig, Suite};

    /// A suite on disk with a small harness (the real `doneprintHandle.js` logic) and `tests`.
    fn suite(name: &str, tests: &[(&str, &str)]) -> Suite {
        let root = std::env::temp_dir().join(format!("tidejs-exec-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("harness")).unwrap();
        let harness = [
            (
                "assert.js",
                "function assert(c, m) { if (c !== true) throw new Test262Error(m); }\n\
                 assert.sameValue = function (a, b, m) { if (a !== b) throw new Test262Error(m); };",
            ),
            (
                "sta.js",
                "function Test262Error(m) { this.message = m || ''; }\n\
                 Test262Error.prototype.toString = function () { return 'Test262Error: ' + this.message; };",
            ),
            (
                "doneprintHandle.js",
                "function $DONE(e) { if (e) print('Test262:AsyncTestFailure:' + e); \
                 else print('Test262:AsyncTestComplete'); }",
            ),
        ];
        for (h, src) in harness {
            std::fs::write(root.join("harness").join(h), src).unwrap();
        }
        for (path, src) in tests {
            let p = root.join("test").join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, src).unwrap();
        }
        Suite::at(root).unwrap()
    }

    fn outcomes(tests: &[(&str, &str)], name: &str) -> Vec<(String, String)> {
        let suite = suite(name, tests);
        let harness = Harness::load(&suite).unwrap();
        let config = RunConfig {
            timeout: Duration::from_millis(300),
            ..RunConfig::default()
        };
        let report = run(&suite, &harness, &Exclusions::default(), &Execute, &config).unwrap();
        std::fs::remove_dir_all(&suite.root).unwrap();
        let mut out = Vec::new();
        for r in &report.results {
            match &r.status {
                TestStatus::Ran(o) => {
                    for (s, o) in o {
                        let o = match o {
                            Outcome::Pass => "pass".to_string(),
                            Outcome::Fail(m) => m.clone(),
                        };
                        out.push((format!("{} {}", r.path, s.name()), o));
                    }
                }
                other => out.push((r.path.clone(), format!("{other:?}"))),
            }
        }
        out
    }

    #[test]
    fn scenarios_negatives_async_and_timeouts() {
        let got = outcomes(
            &[
                // `this` in a plain call: undefined only in the strict scenario.
                (
                    "t/strictness.js",
                    "/*---\n---*/\nvar t = (function () { return this; })();\nassert(t === undefined, 'sloppy this');",
                ),
                ("t/raw.js", "/*---\nflags: [raw]\n---*/\nif (typeof assert !== 'undefined') throw 1;"),
                (
                    "t/neg-ok.js",
                    "/*---\nnegative:\n  phase: runtime\n  type: TypeError\nflags: [noStrict]\n---*/\nnull.x;",
                ),
                (
                    "t/neg-wrong.js",
                    "/*---\nnegative:\n  phase: runtime\n  type: TypeError\nflags: [noStrict]\n---*/\nundefinedName;",
                ),
                (
                    "t/neg-parse.js",
                    "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\nflags: [noStrict]\n---*/\nvar = 1;",
                ),
                (
                    "t/async.js",
                    "/*---\nflags: [async, noStrict]\n---*/\nPromise.resolve(1).then(function (v) { assert.sameValue(v, 1); }).then($DONE, $DONE);",
                ),
                (
                    "t/async-fail.js",
                    "/*---\nflags: [async, noStrict]\n---*/\nPromise.reject(new Test262Error('no')).then($DONE, $DONE);",
                ),
                (
                    "t/eval-script.js",
                    "/*---\nflags: [noStrict]\n---*/\n$262.evalScript('var fromEval = 7;');\nassert.sameValue(fromEval, 7);",
                ),
                (
                    "t/loop.js",
                    "/*---\nflags: [noStrict]\n---*/\ntry { for (;;) {} } catch (e) {} finally { while (true) {} }",
                ),
            ],
            "mixed",
        );
        let expected = [
            (
                "t/async-fail.js sloppy",
                "Test262:AsyncTestFailure:Test262Error: no",
            ),
            ("t/async.js sloppy", "pass"),
            ("t/eval-script.js sloppy", "pass"),
            ("t/loop.js sloppy", "timeout"),
            ("t/neg-ok.js sloppy", "pass"),
            ("t/neg-parse.js sloppy", "pass"),
            (
                "t/neg-wrong.js sloppy",
                "expected a TypeError at runtime, got ReferenceError: undefinedName is not defined",
            ),
            ("t/raw.js raw", "pass"),
            ("t/strictness.js sloppy", "Test262Error: sloppy this"),
            ("t/strictness.js strict", "pass"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected);
    }
}
