//! The CLI's test262 entry points, end to end through the built binary: `tidejs test262` on a
//! small suite made on the fly (selected through `$TEST262_DIR`), its failure when no suite is
//! found, and the `--test262-host` stub, which must never report success since it executes
//! nothing.

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
        dir.join("proxy.js"),
        "/*---\nfeatures: [Proxy]\n---*/\nnew Proxy({}, {});\n",
    )
    .unwrap();
    let out = tidejs()
        .args(["test262", "--filter", "language/demo"])
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
    assert!(stdout.contains("| feature: Proxy | 1 |"), "{stdout}");
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
fn test262_host_stub_never_claims_a_pass() {
    let dir = scratch("cli-host");
    let good = dir.join("good.js");
    let bad = dir.join("bad.js");
    std::fs::write(&good, "var x = 1;\n").unwrap();
    std::fs::write(&bad, "var = ;\n").unwrap();
    let out = tidejs().arg("--test262-host").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SyntaxError"));
    // A file that parses is "not executed" (3), and the stub says so.
    let out = tidejs().arg("--test262-host").arg(&good).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not implemented"));
}
