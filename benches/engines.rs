//! tidejs against node on the shared benchmark programs: `cargo bench --bench engines [NAME…]`.
//!
//! Runs every program in `../shared/bench/{startup,cpu,async}` (or only those whose name
//! contains one of the NAME arguments) under `target/release/tidejs` and under `node`,
//! alternately, round by round (the order flips each round), `BENCH_ROUNDS` rounds (default 5;
//! 30 for startup, as the README measures it). Each run:
//! - must exit 0 and print exactly the line in `../shared/bench/expected/NAME.out`, else it
//!   does not count (a failing engine is reported with its exit status and last stderr line,
//!   and is not run again for that program);
//! - is timed by wall clock, and its peak RSS is read from `wait4`'s rusage;
//! - is killed after `BENCH_TIMEOUT` seconds (default 120).
//!
//! The table shows medians, the tidejs/node ratio of the medians, and the first-bar target read
//! from the README table (`tidejs/node first bar`; for `hello` the absolute `tidejs first bar`
//! in ms), and PASS only when every tidejs run was correct and within the first bar. Memory is
//! shown for both engines (the README's goal: below node on then_chain and many_async), not
//! judged. Not a test: never run by `cargo test` or CI.

use std::collections::HashMap;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Program {
    group: &'static str,
    name: String,
    path: PathBuf,
    expected: String,
}

/// One run of one engine.
struct Run {
    wall: Duration,
    max_rss_kib: i64,
    /// `None` when correct, else why it does not count.
    problem: Option<String>,
}

fn run_once(engine: &Path, script: &Path, expected: &str, timeout: Duration) -> Run {
    let start = Instant::now();
    let mut child = match Command::new(engine)
        .arg(script)
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            return Run {
                wall: start.elapsed(),
                max_rss_kib: 0,
                problem: Some(format!("cannot start {}: {e}", engine.display())),
            }
        }
    };
    let pid = child.id() as libc::pid_t;
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if done_rx.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
            // SAFETY: plain syscall. The child leads its own process group (so helpers it
            // started die too) and is not reaped until wait4 below returns.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
            true
        } else {
            false
        }
    });
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own unreaped child; the pointers are to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    let _ = done_tx.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    // The child is reaped by wait4; forget the handle so std never waits on the pid again.
    std::mem::forget(child);

    let problem = if waited != pid {
        Some(format!("wait4 failed: {}", std::io::Error::last_os_error()))
    } else if timed_out {
        Some(format!("timeout after {} s", timeout.as_secs()))
    } else if !libc::WIFEXITED(status) {
        Some(format!("killed by signal {}", libc::WTERMSIG(status)))
    } else if libc::WEXITSTATUS(status) != 0 {
        let first = String::from_utf8_lossy(&err)
            .lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or("")
            .chars()
            .take(80)
            .collect::<String>();
        Some(format!("exit {}: {first}", libc::WEXITSTATUS(status)))
    } else if String::from_utf8_lossy(&out).trim_end() != expected.trim_end() {
        let got: String = String::from_utf8_lossy(&out)
            .trim_end()
            .chars()
            .take(60)
            .collect();
        Some(format!("wrong output: {got:?}"))
    } else {
        None
    };
    Run {
        wall,
        max_rss_kib: usage.ru_maxrss,
        problem,
    }
}

fn median<T: Copy + Ord>(v: &[T]) -> Option<T> {
    let mut v = v.to_vec();
    v.sort();
    v.get(v.len() / 2).copied()
}

/// `program → tidejs/node first bar` from the README table, and the startup bar in ms.
fn targets(readme: &str) -> (HashMap<String, f64>, Option<f64>) {
    let mut map = HashMap::new();
    let mut col = None;
    for line in readme.lines() {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if let Some(i) = cells.iter().position(|c| *c == "tidejs/node first bar") {
            col = Some(i);
            continue;
        }
        if let Some(i) = col {
            if !line.trim_start().starts_with('|') {
                col = None;
                continue;
            }
            if let (Some(name), Some(v)) =
                (cells.first(), cells.get(i).and_then(|c| c.parse().ok()))
            {
                map.insert(name.to_string(), v);
            }
        }
    }
    let startup = readme
        .split("tidejs first bar")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next().and_then(|n| n.parse().ok()));
    (map, startup)
}

fn fmt_time(d: Option<Duration>) -> String {
    match d {
        Some(d) if d.as_secs_f64() < 1.0 => format!("{:.1} ms", d.as_secs_f64() * 1e3),
        Some(d) => format!("{:.3} s", d.as_secs_f64()),
        None => "-".to_string(),
    }
}

fn fmt_mem(kib: Option<i64>) -> String {
    kib.map_or("-".to_string(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let env_num = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let rounds = env_num("BENCH_ROUNDS", 5).max(1) as usize;
    let timeout = Duration::from_secs(env_num("BENCH_TIMEOUT", 120));
    let bench_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench");
    let tidejs = std::env::var_os("TIDEJS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_tidejs")));
    let readme = std::fs::read_to_string(bench_dir.join("README.md")).unwrap_or_else(|e| {
        eprintln!(
            "engines: cannot read {}/README.md: {e}",
            bench_dir.display()
        );
        std::process::exit(2)
    });
    let (bars, startup_bar_ms) = targets(&readme);

    let mut programs = Vec::new();
    for group in ["startup", "cpu", "async"] {
        let dir = bench_dir.join(group);
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(e) => e.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                eprintln!("engines: cannot read {}: {e}", dir.display());
                std::process::exit(2)
            }
        };
        paths.retain(|p| p.extension().is_some_and(|e| e == "js"));
        paths.sort();
        for path in paths {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
                continue;
            }
            let expected_path = bench_dir.join("expected").join(format!("{name}.out"));
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
                eprintln!("engines: {}: {e}", expected_path.display());
                std::process::exit(2)
            });
            programs.push(Program {
                group,
                name,
                path,
                expected,
            });
        }
    }
    let node_version = Command::new("node").arg("--version").output().ok();
    let node = PathBuf::from("node");
    let have_node = node_version.as_ref().is_some_and(|o| o.status.success());
    println!(
        "tidejs: {}\nnode: {}\nrounds: {rounds} (startup: {}), timeout {} s\n",
        tidejs.display(),
        node_version
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|| "not found".into()),
        rounds.max(30),
        timeout.as_secs()
    );

    println!("| program | group | tidejs median | node median | tidejs/node | first bar | tidejs peak RSS | node peak RSS | result |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---|");
    let (mut passed, mut failed) = (0, 0);
    for p in &programs {
        let n_rounds = if p.group == "startup" {
            rounds.max(30)
        } else {
            rounds
        };
        let mut tide: Vec<Run> = Vec::new();
        let mut nd: Vec<Run> = Vec::new();
        let mut tide_problem: Option<String> = None;
        let mut node_problem: Option<String> = if have_node {
            None
        } else {
            Some("node not found".into())
        };
        for round in 0..n_rounds {
            let order: [bool; 2] = if round % 2 == 0 {
                [true, false]
            } else {
                [false, true]
            };
            for is_tide in order {
                if is_tide && tide_problem.is_none() {
                    let r = run_once(&tidejs, &p.path, &p.expected, timeout);
                    tide_problem = r.problem.clone();
                    tide.push(r);
                } else if !is_tide && node_problem.is_none() {
                    let r = run_once(&node, &p.path, &p.expected, timeout);
                    node_problem = r.problem.clone();
                    nd.push(r);
                }
            }
        }
        let good = |runs: &[Run]| -> (Option<Duration>, Option<i64>) {
            let ok: Vec<&Run> = runs.iter().filter(|r| r.problem.is_none()).collect();
            (
                median(&ok.iter().map(|r| r.wall).collect::<Vec<_>>()),
                median(&ok.iter().map(|r| r.max_rss_kib).collect::<Vec<_>>()),
            )
        };
        let (t_med, t_mem) = if tide_problem.is_none() {
            good(&tide)
        } else {
            (None, None)
        };
        let (n_med, n_mem) = if node_problem.is_none() {
            good(&nd)
        } else {
            (None, None)
        };
        let ratio = match (t_med, n_med) {
            (Some(t), Some(n)) if !n.is_zero() => Some(t.as_secs_f64() / n.as_secs_f64()),
            _ => None,
        };
        let (bar_text, verdict) = if p.group == "startup" {
            let bar = startup_bar_ms;
            let within = match (t_med, bar) {
                (Some(t), Some(b)) => Some(t.as_secs_f64() * 1e3 <= b),
                _ => None,
            };
            (bar.map_or("?".into(), |b| format!("{b} ms")), within)
        } else {
            let bar = bars.get(&p.name).copied();
            let within = match (ratio, bar) {
                (Some(r), Some(b)) => Some(r <= b),
                _ => None,
            };
            (bar.map_or("?".into(), |b| format!("{b:.2}")), within)
        };
        let result = match (&tide_problem, verdict) {
            (Some(problem), _) => format!("FAIL: tidejs {problem}"),
            (None, Some(true)) => "PASS".to_string(),
            (None, Some(false)) => "FAIL: slower than the first bar".to_string(),
            (None, None) => match &node_problem {
                Some(np) => format!("no verdict: node {np}"),
                None => "no verdict: no target in the README".to_string(),
            },
        };
        if result == "PASS" {
            passed += 1;
        } else {
            failed += 1;
        }
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            p.name,
            p.group,
            fmt_time(t_med),
            fmt_time(n_med),
            ratio.map_or("-".into(), |r| format!("{r:.2}")),
            bar_text,
            fmt_mem(t_mem),
            fmt_mem(n_mem),
            result.replace('|', "\\|")
        );
    }
    println!("\nfirst bar: {passed} passed, {failed} failed");
}
