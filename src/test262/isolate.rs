//! Process isolation for execution mode: each runner thread drives one worker process
//! (`tidejs test262 --worker`), sends it one test path at a time on stdin and reads the result
//! line back. The run survives what threads cannot: a builtin that allocates without bound
//! (the worker has an address-space limit, so the allocation fails and the process aborts), a
//! native loop that never reaches the interpreter's interrupt check (the parent kills the worker
//! after a hard deadline), a Rust stack overflow. The test in flight is then reported as a
//! failure ("worker crashed: …" / "hard timeout") and a fresh worker takes over.
//!
//! Inside the worker everything is as in-process: one engine thread with `ENGINE_STACK_BYTES` of
//! stack, `catch_unwind` per scenario, the thread-local harness cache, the cooperative timeout.
//! The parent decides exclusions (the worker runs what it is sent).
//!
//! Wire format, one line per test: `R\t<scenario>\t<P|F>\t<message>…` (repeated per scenario) or
//! `B\t<message>`; messages have tabs and newlines replaced by spaces.

use super::report::TestStatus;
use super::runner::{run_one, Outcome, RunConfig, Scenario};
use super::{Exclusions, Execute, Harness, Suite};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Address-space limit of a worker (KiB, for `ulimit -v`): the engine thread's stack reservation
/// plus a generous heap; a test needing more is a bug, reported as a crash.
const WORKER_ADDRESS_SPACE_KB: u64 = 6 << 20;

fn clean(msg: &str) -> String {
    msg.replace(['\t', '\n', '\r'], " ")
}

pub fn encode(status: &TestStatus) -> String {
    match status {
        TestStatus::Ran(outcomes) => {
            let mut s = String::from("R");
            for (scenario, outcome) in outcomes {
                s.push('\t');
                s.push_str(scenario.name());
                match outcome {
                    Outcome::Pass => s.push_str("\tP\t"),
                    Outcome::Fail(m) => {
                        s.push_str("\tF\t");
                        s.push_str(&clean(m));
                    }
                }
            }
            s
        }
        TestStatus::Broken(m) => format!("B\t{}", clean(m)),
        TestStatus::Excluded(reasons) => {
            let mut s = String::from("E");
            for r in reasons {
                s.push('\t');
                s.push_str(&clean(r));
            }
            s
        }
    }
}

pub fn decode(line: &str) -> Option<TestStatus> {
    let mut fields = line.trim_end_matches(['\n', '\r']).split('\t');
    match fields.next()? {
        "R" => {
            let rest: Vec<&str> = fields.collect();
            if !rest.len().is_multiple_of(3) {
                return None;
            }
            let outcomes = rest
                .chunks(3)
                .map(|c| {
                    let scenario = Scenario::from_name(c[0])?;
                    let outcome = match c[1] {
                        "P" => Outcome::Pass,
                        "F" => Outcome::Fail(c[2].to_string()),
                        _ => return None,
                    };
                    Some((scenario, outcome))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(TestStatus::Ran(outcomes))
        }
        "B" => Some(TestStatus::Broken(fields.next().unwrap_or("").to_string())),
        "E" => Some(TestStatus::Excluded(fields.map(String::from).collect())),
        _ => None,
    }
}

/// The worker side: read test paths (relative to `test/`) from stdin, run each in execution mode,
/// write one result line each. Returns when stdin closes.
pub fn worker_main(timeout: Duration) -> Result<(), String> {
    let suite = Suite::locate()?;
    let harness = Harness::load(&suite)?;
    let config = RunConfig {
        timeout,
        ..RunConfig::default()
    };
    let test_dir = suite.test_dir();
    let engine = std::thread::Builder::new()
        .name("test262-worker".into())
        .stack_size(crate::interp::ENGINE_STACK_BYTES)
        .spawn(move || {
            super::runner::enter_worker_thread();
            let none = Exclusions::default();
            let stdin = std::io::stdin();
            let mut out = std::io::stdout().lock();
            for line in stdin.lock().lines() {
                let Ok(path) = line else { break };
                let status = run_one(
                    &test_dir.join(&path),
                    &path,
                    &harness,
                    &none,
                    &Execute,
                    &config,
                );
                if writeln!(out, "{}", encode(&status))
                    .and_then(|()| out.flush())
                    .is_err()
                {
                    break;
                }
            }
        })
        .map_err(|e| format!("cannot start the engine thread: {e}"))?;
    engine
        .join()
        .map_err(|_| "the engine thread panicked".to_string())
}

/// One worker process as seen from a runner thread.
pub struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
}

impl Worker {
    /// Start `exe test262 --worker` on the suite at `suite_root`, under an address-space limit.
    pub fn start(exe: &Path, suite_root: &Path, timeout: Duration) -> Result<Worker, String> {
        let mut cmd = if Path::new("/bin/sh").exists() {
            let mut c = Command::new("/bin/sh");
            c.arg("-c")
                .arg(format!(
                    "ulimit -v {WORKER_ADDRESS_SPACE_KB} 2>/dev/null; exec \"$0\" test262 --worker --timeout \"$1\""
                ))
                .arg(exe)
                .arg(timeout.as_secs_f64().to_string());
            c
        } else {
            let mut c = Command::new(exe);
            c.args(["test262", "--worker", "--timeout"])
                .arg(timeout.as_secs_f64().to_string());
            c
        };
        let mut child = cmd
            .env("TEST262_DIR", suite_root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
        let stdin = child.stdin.take().ok_or("no worker stdin")?;
        let stdout = child.stdout.take().ok_or("no worker stdout")?;
        let (tx, lines) = mpsc::channel();
        std::thread::Builder::new()
            .name("test262-worker-reader".into())
            .spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| format!("cannot start a reader thread: {e}"))?;
        Ok(Worker {
            child,
            stdin,
            lines,
        })
    }

    /// Run one test. `Err` means this worker is gone (crashed, or killed at `hard_limit`) and
    /// says why; the caller fails the test's scenarios with it and starts a new worker.
    pub fn run(&mut self, path: &str, hard_limit: Duration) -> Result<TestStatus, String> {
        if writeln!(self.stdin, "{path}")
            .and_then(|()| self.stdin.flush())
            .is_err()
        {
            return Err(self.died("it closed its input"));
        }
        match self.lines.recv_timeout(hard_limit) {
            Ok(line) => decode(&line).ok_or_else(|| {
                self.kill();
                format!("unreadable worker reply: {line}")
            }),
            Err(RecvTimeoutError::Timeout) => {
                self.kill();
                Err(format!(
                    "hard timeout: the worker was killed after {:.0} s (stuck where the \
                     interrupt check never runs)",
                    hard_limit.as_secs_f64()
                ))
            }
            Err(RecvTimeoutError::Disconnected) => Err(self.died("it exited")),
        }
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn died(&mut self, what: &str) -> String {
        let how = match self.child.wait() {
            Ok(s) => describe_exit(s),
            Err(e) => e.to_string(),
        };
        format!(
            "worker crashed: {what} ({how}; usually an allocation beyond the worker's {} GiB \
             address-space limit, or a stack overflow)",
            WORKER_ADDRESS_SPACE_KB >> 20
        )
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}

fn describe_exit(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    status.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format_round_trips() {
        let statuses = [
            TestStatus::Ran(vec![
                (Scenario::Sloppy, Outcome::Pass),
                (Scenario::Strict, Outcome::Fail("a\tb\nc".into())),
            ]),
            TestStatus::Ran(vec![(Scenario::Raw, Outcome::Fail(String::new()))]),
            TestStatus::Broken("bad".into()),
            TestStatus::Excluded(vec!["feature: Proxy".into(), "flag: module".into()]),
        ];
        for s in &statuses {
            let back = decode(&encode(s)).unwrap();
            assert_eq!(encode(&back), encode(s));
        }
        let TestStatus::Ran(o) = decode(&encode(&statuses[0])).unwrap() else {
            panic!()
        };
        assert_eq!(o[1].1, Outcome::Fail("a b c".into()));
        assert!(decode("X\tno").is_none());
        assert!(decode("R\tsloppy\tP").is_none());
    }
}
