//! The node-checked snippet corpus (`tests/conformance/**/*.js`, see its README).
//!
//! Each file runs under the built `tidejs` (with `--virtual-time` once the CLI has it) and, when
//! `node` is on PATH, under `node -r tests/conformance/tools/virtual-time.cjs` (node on the same
//! virtual clock: deterministic). Then:
//!
//! - a file NOT in `tests/conformance/known-failures.txt` must print node's stdout and exit with
//!   node's code, and on an error exit report the same error as node (the line of the
//!   uncaught-exception report after its `file:line` / source / caret header; a mismatch fails
//!   with a diff); and its `insta` snapshot (stdout, that error line when the exit code is not
//!   0, exit code) must match the committed one;
//! - a file in the list is run and counted, never failed; one that matches node now is reported
//!   as newly matching (the list goes stale in that direction only, by design);
//! - a file whose first three lines say `// differs from node: <why>` is not compared with node
//!   (node 20 lags the spec there) and gets no snapshot: it is reported as unchecked.
//!
//! Without node the comparison is skipped with a notice (never silently) and only the committed
//! snapshots are checked. Snapshots exist only for files that matched node when they were written.
//!
//! Update the list and the snapshots (needs node): `TIDEJS_UPDATE_CONFORMANCE=1 cargo test
//! --release --test conformance` — it lists every file that does not match node, writes the
//! snapshots of the others and deletes the snapshots of listed files.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const KNOWN_FAILURES: &str = "tests/conformance/known-failures.txt";
const UPDATE_ENV: &str = "TIDEJS_UPDATE_CONFORMANCE";
const UPDATE_COMMAND: &str = "TIDEJS_UPDATE_CONFORMANCE=1 cargo test --release --test conformance";
/// A snippet waits at most a few hundred ms of timers; anything slower is a hang.
const RUN_LIMIT: Duration = Duration::from_secs(20);

/// How one engine ran one file.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Run {
    stdout: String,
    stderr: String,
    /// `None` when killed (timeout) or ended by a signal.
    code: Option<i32>,
}

impl Run {
    /// The snapshot text: stdout, the error line of stderr on an error exit, the exit code.
    fn snapshot(&self) -> String {
        let mut s = self.stdout.clone();
        if !s.is_empty() && !s.ends_with('\n') {
            s.push('\n');
        }
        if self.code != Some(0) {
            if let Some(line) = error_line(&self.stderr) {
                s.push_str(&format!("[stderr] {line}\n"));
            }
        }
        match self.code {
            Some(c) => s.push_str(&format!("[exit {c}]\n")),
            None => s.push_str("[killed: no exit code]\n"),
        }
        s
    }
}

fn run_limited(mut cmd: Command) -> Run {
    let mut child = match cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            return Run {
                stdout: String::new(),
                stderr: format!("cannot start: {e}"),
                code: None,
            }
        }
    };
    // Drain the pipes on threads so a chatty child never blocks on a full pipe.
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let err_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let started = Instant::now();
    let mut killed = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > RUN_LIMIT => {
                let _ = child.kill();
                killed = true;
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
    let mut stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    if killed {
        stderr = format!("killed after {} s\n{stderr}", RUN_LIMIT.as_secs());
    }
    Run {
        stdout,
        stderr,
        code: if killed {
            None
        } else {
            status.and_then(|s| s.code())
        },
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether this build's CLI has `--virtual-time` (the event loop's deterministic clock).
fn tidejs_has_virtual_time() -> bool {
    let out = Command::new(env!("CARGO_BIN_EXE_tidejs"))
        .arg("--help")
        .output()
        .expect("run tidejs --help");
    String::from_utf8_lossy(&out.stderr).contains("--virtual-time")
        || String::from_utf8_lossy(&out.stdout).contains("--virtual-time")
}

fn node_available() -> bool {
    Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn differs_from_node(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .map(|s| {
            s.lines()
                .take(3)
                .any(|l| l.contains("// differs from node"))
        })
        .unwrap_or(false)
}

/// The corpus files, relative to `tests/conformance/`.
fn corpus() -> Vec<String> {
    let base = root().join("tests/conformance");
    let mut out = Vec::new();
    let mut stack = vec![base.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read tests/conformance") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                let rel = path.strip_prefix(&base).expect("inside");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

struct Results {
    tidejs: BTreeMap<String, Run>,
    /// `None` when node is not on PATH.
    node: Option<BTreeMap<String, Run>>,
}

/// Run every file under both engines, in parallel (one worker per core).
fn run_all(files: &[String], with_node: bool) -> Results {
    let virtual_time = tidejs_has_virtual_time();
    let base = root().join("tests/conformance");
    let preload = base.join("tools/virtual-time.cjs");
    let jobs: Vec<(String, bool)> = files
        .iter()
        .flat_map(|f| {
            let mut v = vec![(f.clone(), false)];
            if with_node && !differs_from_node(&base.join(f)) {
                v.push((f.clone(), true));
            }
            v
        })
        .collect();
    let next = Mutex::new(0usize);
    let done: Mutex<Vec<(String, bool, Run)>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some((file, is_node)) = jobs.get(i) else {
                    break;
                };
                let path = base.join(file);
                let cmd = if *is_node {
                    let mut c = Command::new("node");
                    c.arg("-r").arg(&preload).arg(&path);
                    c
                } else {
                    let mut c = Command::new(env!("CARGO_BIN_EXE_tidejs"));
                    if virtual_time {
                        c.arg("--virtual-time");
                    }
                    c.arg(&path);
                    c
                };
                let run = run_limited(cmd);
                done.lock().unwrap().push((file.clone(), *is_node, run));
            });
        }
    });
    let mut tidejs = BTreeMap::new();
    let mut node = BTreeMap::new();
    for (file, is_node, run) in done.into_inner().unwrap() {
        if is_node {
            node.insert(file, run);
        } else {
            tidejs.insert(file, run);
        }
    }
    Results {
        tidejs,
        node: with_node.then_some(node),
    }
}

fn log(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// The line of an uncaught-exception report that names the error: node's report starts with the
/// throw point (`file:line`, the source line, a caret) and a blank line, which are skipped (they
/// hold the file's absolute path); what follows is the error's first line (`TypeError: msg`, the
/// thrown value, or node's `UnhandledPromiseRejection: …`).
fn error_line(stderr: &str) -> Option<&str> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut i = 0;
    while lines.get(i).is_some_and(|l| l.trim().is_empty()) {
        i += 1;
    }
    let is_location = |l: &str| {
        l.rsplit_once(':').is_some_and(|(file, n)| {
            !file.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        })
    };
    if lines.get(i).is_some_and(|l| is_location(l)) {
        i += 1;
        // The source line and its caret (absent when V8 has no position).
        if lines.get(i + 1).is_some_and(|l| l.trim() == "^") {
            i += 2;
        }
        while lines.get(i).is_some_and(|l| l.trim().is_empty()) {
            i += 1;
        }
    }
    lines.get(i).copied()
}

/// On an error exit, the error tidejs reports (the line of its report that names the error) must
/// be the one node reports: the same stdout and exit code for a different error is no match.
fn same_error(node: &Run, tide: &Run) -> bool {
    if tide.code == Some(0) {
        return true;
    }
    error_line(&tide.stderr) == error_line(&node.stderr)
}

fn diff(node: &Run, tide: &Run) -> String {
    let mut s = String::new();
    if node.code != tide.code {
        s.push_str(&format!(
            "  exit code: node {:?}, tidejs {:?}\n",
            node.code, tide.code
        ));
    }
    let (n, t): (Vec<&str>, Vec<&str>) =
        (node.stdout.lines().collect(), tide.stdout.lines().collect());
    for i in 0..n.len().max(t.len()) {
        let (a, b) = (n.get(i), t.get(i));
        if a != b {
            s.push_str(&format!(
                "  first stdout difference at line {}:\n    node:   {}\n    tidejs: {}\n",
                i + 1,
                a.unwrap_or(&"<no line>"),
                b.unwrap_or(&"<no line>")
            ));
            break;
        }
    }
    if let Some(first) = error_line(&tide.stderr) {
        s.push_str(&format!("  tidejs error: {first}\n"));
        if !same_error(node, tide) {
            s.push_str("  (node's stderr does not report that error)\n");
        }
    }
    s
}

#[test]
fn conformance_snippets_match_node() {
    let update = std::env::var_os(UPDATE_ENV).is_some();
    let with_node = node_available();
    if !with_node {
        log("conformance: `node` is not on PATH: the comparison with node is SKIPPED; only the committed snapshots are checked");
        assert!(!update, "{UPDATE_ENV} needs node on PATH");
    }
    let files = corpus();
    assert!(!files.is_empty(), "no snippets under tests/conformance");
    let results = run_all(&files, with_node);
    let base = root().join("tests/conformance");
    let listed: BTreeSet<String> = std::fs::read_to_string(root().join(KNOWN_FAILURES))
        .map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();

    // Which files match node (None: not compared).
    let matches: BTreeMap<&String, Option<bool>> = files
        .iter()
        .map(|f| {
            let m = results.node.as_ref().and_then(|node| {
                node.get(f).map(|n| {
                    let t = &results.tidejs[f];
                    n.code.is_some() && n.stdout == t.stdout && n.code == t.code && same_error(n, t)
                })
            });
            (f, m)
        })
        .collect();
    let unchecked: Vec<&String> = files
        .iter()
        .filter(|f| differs_from_node(&base.join(f)))
        .collect();

    if update {
        let failing: Vec<&String> = files.iter().filter(|f| matches[f] != Some(true)).collect();
        let mut text = format!(
            "# Conformance snippets whose tidejs stdout or exit code do not match node's yet (or, marked\n\
             # `// differs from node`, cannot be compared). Generated by: {UPDATE_COMMAND}\n# {} of {} files.\n",
            failing.len(),
            files.len()
        );
        for f in &failing {
            text.push_str(f);
            text.push('\n');
        }
        std::fs::write(root().join(KNOWN_FAILURES), text).expect("write known-failures.txt");
        // No snapshot may hold output that differs from node's: drop the listed files' ones.
        let snap_dir = root().join("tests/snapshots");
        for f in &failing {
            let snap = snap_dir.join(snapshot_file_name(f));
            let _ = std::fs::remove_file(snap);
        }
        // The matching files' snapshots are (re)written by the assertions below.
        std::env::set_var("INSTA_UPDATE", "always");
        std::env::set_var("INSTA_FORCE_PASS", "0");
    }

    let mut regressions = Vec::new();
    let mut newly_matching = Vec::new();
    let mut known_failing = 0usize;
    let listed_now: BTreeSet<String> = if update {
        files
            .iter()
            .filter(|f| matches[f] != Some(true))
            .cloned()
            .collect()
    } else {
        listed.clone()
    };
    insta::glob!("conformance/**/*.js", |path| {
        let rel = path
            .strip_prefix(&base)
            .expect("inside tests/conformance")
            .to_string_lossy()
            .replace('\\', "/");
        if unchecked.contains(&&rel) {
            return;
        }
        let tide = &results.tidejs[&rel];
        if listed_now.contains(&rel) {
            known_failing += 1;
            if matches[&rel] == Some(true) {
                newly_matching.push(rel);
            }
            return;
        }
        if matches[&rel] == Some(false) {
            let node = &results.node.as_ref().expect("compared")[&rel];
            regressions.push(format!("{rel}:\n{}", diff(node, tide)));
            return;
        }
        insta::assert_snapshot!(tide.snapshot());
    });

    let compared = matches.values().filter(|m| m.is_some()).count();
    let matching = matches.values().filter(|m| **m == Some(true)).count();
    log(&format!(
        "conformance: {} files; {matching} of {compared} compared with node match it; {} in {KNOWN_FAILURES} \
         (run, not failed); {} not compared (`// differs from node`)",
        files.len(),
        known_failing,
        unchecked.len()
    ));
    for f in &unchecked {
        log(&format!("  unchecked (differs from node): {f}"));
    }
    if !newly_matching.is_empty() {
        log(&format!(
            "conformance: {} listed file(s) match node now: {}\n  update the list and snapshots with: {UPDATE_COMMAND}",
            newly_matching.len(),
            newly_matching.join(", ")
        ));
    }
    if !regressions.is_empty() {
        panic!(
            "{} conformance snippet(s) not in {KNOWN_FAILURES} differ from node:\n{}",
            regressions.len(),
            regressions.join("\n")
        );
    }
}

/// The snapshot file insta's `glob!` writes for a corpus file (`conformance__<test>@<file>.snap`).
fn snapshot_file_name(rel: &str) -> PathBuf {
    PathBuf::from(format!(
        "conformance__conformance_snippets_match_node@{rel}.snap",
    ))
}
