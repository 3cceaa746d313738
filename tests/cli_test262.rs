//! The CLI's test262 entry points, end to end through the built binary: `tidejs test262` on
//! small suites made on the fly (selected through `$TEST262_DIR`) in parse and execution mode,
//! its failure when no suite is found, and `--test262-host`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn tidejs() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tidejs"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn test262_subcommand_runs_a_suite_from_test262_dir() {
    let root = scratch("cli-suite");
    std::fs::create_dir_all(root.join("harness")).unwrap();
    for h in ["assert.js", "sta.js", "doneprintHandle.js"] {
        std::fs::write(root.join("harness").join(h), "").unwrap();
    }
    let dir = root.join("test/language/demo");
    std::fs::create_dir_all(&dir).unwrap();
    // A parse-negative test (passes iff parsing fails) and an excluded one.
    std::fs::write(
        dir.join("neg.js"),
        "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\nvar = ;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("realm.js"),
        "/*---\nfeatures: [ShadowRealm]\n---*/\nnew ShadowRealm();\n",
    )
    .unwrap();
    let out = tidejs()
        .args(["test262", "--parse-only", "--filter", "language/demo"])
        .env("TEST262_DIR", &root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("| language/demo | 2 | 1 | 0 | 1 |"),
        "{stdout}"
    );
    assert!(stdout.contains("| feature: ShadowRealm | 1 |"), "{stdout}");
}

#[test]
fn test262_subcommand_fails_without_a_suite() {
    let missing = scratch("cli-no-suite").join("nothing-here");
    let out = tidejs()
        .arg("test262")
        .env("TEST262_DIR", &missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nothing-here"), "{stderr}");
    assert!(stderr.contains("shared/test262"), "{stderr}");
}

#[test]
fn test262_subcommand_executes_tests() {
    let root = scratch("cli-exec-suite");
    std::fs::create_dir_all(root.join("harness")).unwrap();
    std::fs::write(
        root.join("harness/assert.js"),
        "function assert(c, m) { if (!c) throw new Error(m); }\n",
    )
    .unwrap();
    for h in ["sta.js", "doneprintHandle.js"] {
        std::fs::write(root.join("harness").join(h), "").unwrap();
    }
    let dir = root.join("test/language/exec");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("pass.js"),
        "/*---\n---*/\nassert(1 + 1 === 2, 'math');\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("fail.js"),
        "/*---\n---*/\nassert(1 + 1 === 3, 'oops');\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("neg.js"),
        "/*---\nnegative:\n  phase: runtime\n  type: TypeError\n---*/\nnull.x;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("loop.js"),
        "/*---\nflags: [noStrict]\n---*/\nwhile (true) {}\n",
    )
    .unwrap();
    let out = tidejs()
        .args(["test262", "--filter", "language/exec", "--timeout", "0.5"])
        .env("TEST262_DIR", &root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("| language/exec | 4 | 2 | 2 | 0 |"),
        "{stdout}"
    );
    assert!(
        stdout.contains("- `language/exec/fail.js` (sloppy): Error: oops"),
        "{stdout}"
    );
    assert!(
        stdout.contains("- `language/exec/loop.js` (sloppy): timeout"),
        "{stdout}"
    );
}

#[test]
fn test262_host_runs_a_file_with_print_and_262() {
    let dir = scratch("cli-host");
    let good = dir.join("good.js");
    let bad = dir.join("bad.js");
    let throws = dir.join("throws.js");
    std::fs::write(
        &good,
        "$262.evalScript('var fromEval = 42;');\nprint(fromEval);\nprint($262.global === this);\n",
    )
    .unwrap();
    std::fs::write(&bad, "var = ;\n").unwrap();
    std::fs::write(&throws, "print('before');\nthrow new TypeError('nope');\n").unwrap();
    let out = tidejs().arg("--test262-host").arg(&good).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\ntrue\n");
    let out = tidejs().arg("--test262-host").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SyntaxError"));
    let out = tidejs()
        .arg("--test262-host")
        .arg(&throws)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "before\n");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Uncaught TypeError: nope"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
