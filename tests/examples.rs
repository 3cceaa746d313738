//! Runs every embedding example (`cargo test` builds them into `target/<profile>/examples/`)
//! and checks what it prints, so the examples in `examples/` keep working. `async_host` needs
//! the `tokio` feature (`cargo test --release --all-features`, the CI command).

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/examples-<hash> → target/<profile>/examples/<name>
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>")
        .join("examples");
    dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

fn run(name: &str) -> String {
    let path = example(name);
    assert!(
        path.exists(),
        "{} was not built (run through cargo test)",
        path.display()
    );
    let out = Command::new(&path).output().expect("example runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{name} failed: {}\n{stdout}{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn hello() {
    assert_eq!(run("hello"), "js: hello, world\nsum = 6\n");
}

#[test]
fn host_function() {
    assert_eq!(
        run("host_function"),
        "add(2, 3) = 5\nport 8080\nError: bad port \"http\": invalid digit found in string\n\
         TypeError: add: argument 1: expected a number, got string\nplatform is a string\ntotal 7\n"
    );
}

#[test]
fn limits() {
    let out = run("limits");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("interrupted: stopped "), "{out}");
    let ms: f64 = lines[0]
        .trim_start_matches("interrupted: stopped ")
        .split(' ')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("latency figure");
    assert!(ms < 100.0, "interrupt latency {ms} ms");
    assert_eq!(
        &lines[1..],
        [
            "fuel: script stopped after 100000 ticks",
            "call depth: maximum call depth exceeded",
            "runtime still usable: 42"
        ]
    );
}

#[test]
fn custom_loop() {
    assert_eq!(
        run("custom_loop"),
        "[js] microtask before the first frame\n[js] interval at 50 ms\n[js] interval at 100 ms\n\
         [js] interval at 150 ms\nframe 10: engine idle, stopping\n"
    );
}

#[test]
fn stack_probe() {
    let out = run("stack_probe");
    let figures: Vec<f64> = out
        .rsplit(": ")
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    assert_eq!(figures.len(), 10, "{out}");
    // The runtime reserves 16 KiB per level in release builds; every probed shape must fit.
    let limit = if cfg!(debug_assertions) { 96.0 } else { 16.0 } * 1024.0;
    assert!(figures.iter().all(|&b| b > 0.0 && b < limit), "{out}");
}

#[test]
#[cfg_attr(not(feature = "tokio"), ignore = "needs --features tokio")]
fn async_host() {
    let out = run("async_host");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        &lines[..3],
        [
            "20 users, first user-1 last user-20",
            "rejected from Rust: user 0 does not exist",
            "checksum 3165967814"
        ],
        "{out}"
    );
    assert!(lines[3].starts_with("elapsed "), "{out}");
}
