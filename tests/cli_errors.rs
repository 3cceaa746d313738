//! The CLI's error paths, run through the built `tidejs` binary: node's uncaught-exception report
//! (absolute `file:line`, the source line with a caret, then the error's stack), exit code 1 with
//! the output printed before kept, and deep recursion / deep nesting ending in a RangeError
//! (caught or reported) instead of a Rust stack overflow.
//!
//! Every expected text below was checked against `node` v20 (`node file.js`): node prints the
//! same lines, followed by its own internal frames (`at Module._compile (node:internal/…)`),
//! which tidejs does not have, and its closing `Node.js v20…` line, which tidejs does not print.

use std::path::PathBuf;
use std::process::Command;

/// Write `source` to a fresh file and run `tidejs` on it: (stdout, stderr, exit code, the
/// file's absolute path).
fn run(name: &str, source: &str) -> (String, String, Option<i32>, String) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_errors");
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write script");
    let abs = std::fs::canonicalize(&path).expect("canonical path");
    let out = Command::new(env!("CARGO_BIN_EXE_tidejs"))
        .arg("--virtual-time")
        .arg(&path)
        .output()
        .expect("run tidejs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
        abs.to_string_lossy().into_owned(),
    )
}

#[test]
fn uncaught_error_at_top_level() {
    let (out, err, code, p) = run(
        "top.js",
        "console.log(\"before\");\nthrow new TypeError(\"top level\");\n",
    );
    assert_eq!(out, "before\n");
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        format!(
            "{p}:2\nthrow new TypeError(\"top level\");\n^\n\nTypeError: top level\n    at Object.<anonymous> ({p}:2:7)\n"
        )
    );
}

#[test]
fn uncaught_error_in_nested_function() {
    let (_, err, code, p) = run(
        "nested.js",
        "class E extends Error { constructor(m) { super(m); this.name = \"E\"; this.code = 7; } }\nfunction go() { throw new E(\"custom\"); }\ngo();\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        format!(
            "{p}:2\nfunction go() {{ throw new E(\"custom\"); }}\n                ^\n\nE: custom\n    at go ({p}:2:23)\n    at Object.<anonymous> ({p}:3:1) {{\n  code: 7\n}}\n"
        )
    );
}

#[test]
fn uncaught_non_error_value() {
    let (_, err, code, p) = run(
        "value.js",
        "function f() {\n    throw {a: 1, b: \"x\"};\n}\nf();\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        format!("\n{p}:2\n    throw {{a: 1, b: \"x\"}};\n    ^\n{{ a: 1, b: 'x' }}\n")
    );
}

#[test]
fn uncaught_error_in_timer_callback() {
    let (out, err, code, p) = run(
        "timer.js",
        "console.log(\"a\");\nsetTimeout(() => { throw new Error(\"in timer\"); }, 1);\n",
    );
    assert_eq!(out, "a\n");
    assert_eq!(code, Some(1));
    // node names the frame `Timeout._onTimeout` (its timer object is the receiver).
    let head = format!(
        "{p}:2\nsetTimeout(() => {{ throw new Error(\"in timer\"); }}, 1);\n                   ^\n\nError: in timer\n    at "
    );
    assert!(err.starts_with(&head), "{err}");
    assert!(
        err.ends_with(&format!("({p}:2:26)\n")) || err.ends_with(&format!("{p}:2:26\n")),
        "{err}"
    );
}

#[test]
fn unhandled_rejection_with_an_error_points_at_its_creation() {
    let (_, err, code, p) = run(
        "reject.js",
        "async function f() { throw new RangeError(\"bad\"); }\nf();\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        format!(
            "{p}:1\nasync function f() {{ throw new RangeError(\"bad\"); }}\n                           ^\n\nRangeError: bad\n    at f ({p}:1:28)\n    at Object.<anonymous> ({p}:2:1)\n"
        )
    );
}

#[test]
fn unhandled_rejection_with_a_primitive() {
    let (_, err, code, _) = run("reject42.js", "Promise.reject(42);\n");
    assert_eq!(code, Some(1));
    assert!(err.starts_with(
        "UnhandledPromiseRejection: This error originated either by throwing inside of an async \
         function without a catch block, or by rejecting a promise which was not handled with \
         .catch(). The promise rejected with the reason \"42\".\n"
    ), "{err}");
}

#[test]
fn runaway_recursion_is_a_catchable_range_error() {
    let (out, err, code, _) = run(
        "recurse.js",
        "function f() { f(); }\ntry { f(); } catch (e) { console.log(e instanceof RangeError, e.message); }\nconsole.log(\"still running\");\n",
    );
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        (
            "true Maximum call stack size exceeded\nstill running\n",
            "",
            Some(0)
        )
    );
}

/// Deep expressions in every one of many calls use more native stack per call than the
/// depth limit budgets for: the native stack check throws the RangeError first.
#[test]
fn recursion_through_deep_expressions_is_a_catchable_range_error() {
    let nest = 200;
    let (out, err, code, _) = run(
        "recurse_nested.js",
        &format!(
            "function f(k) {{ if (k === 0) return 0; return {}f(k - 1){}; }}\n\
             try {{ f(1e6); }} catch (e) {{ console.log(e instanceof RangeError, e.message); }}\n",
            "(1 + ".repeat(nest),
            ")".repeat(nest)
        ),
    );
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        ("true Maximum call stack size exceeded\n", "", Some(0))
    );
}

#[test]
fn runaway_recursion_uncaught_is_reported() {
    let (out, err, code, p) = run("recurse2.js", "console.log(1);\nfunction f(){f()}\nf();\n");
    assert_eq!(out, "1\n");
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with(&format!(
            "{p}:2\nfunction f(){{f()}}\n             ^\n\nRangeError: Maximum call stack size exceeded\n    at f ({p}:2:14)\n"
        )),
        "{err}"
    );
}

/// 100,000 levels of nesting end in a clean RangeError (node: `RangeError: Maximum call stack
/// size exceeded`), whichever construct nests.
#[test]
fn deep_nesting_is_a_range_error() {
    let n = 100_000;
    let cases = [
        (
            "parens.js",
            format!("console.log({}1{});\n", "(".repeat(n), ")".repeat(n)),
        ),
        (
            "arrays.js",
            format!("console.log({}{});\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "negate.js",
            format!("console.log({}1{});\n", "-(".repeat(n), ")".repeat(n)),
        ),
        (
            "objects.js",
            format!("console.log({}1{});\n", "{a:".repeat(n), "}".repeat(n)),
        ),
        ("blocks.js", format!("{}{}\n", "{".repeat(n), "}".repeat(n))),
        (
            "arrows.js",
            format!("console.log({}1{});\n", "(()=>".repeat(n), ")".repeat(n)),
        ),
    ];
    for (name, src) in cases {
        let (out, err, code, _) = run(name, &src);
        assert_eq!((out.as_str(), code), ("", Some(1)), "{name}: {err}");
        assert!(
            err.contains("RangeError: Maximum call stack size exceeded"),
            "{name}: {err}"
        );
    }
}

/// Structures built at run time, 100,000 levels deep: the algorithms that recurse on them end
/// in a RangeError or print node's interruption marker, never crash.
#[test]
fn deep_runtime_structures() {
    let (out, err, code, _) = run(
        "deep_values.js",
        "let a = []; for (let i = 0; i < 100000; i++) a = [a];\n\
         try { String(a); } catch (e) { console.log('join', e.name); }\n\
         try { a.flat(Infinity); } catch (e) { console.log('flat', e.name); }\n\
         let o = {}; for (let i = 0; i < 100000; i++) o = {o};\n\
         console.dir(o, {depth: null});\n",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("join RangeError\nflat RangeError\n{\n  o: {\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "o: [Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]"
        ),
        "{out}"
    );
}

/// Async stack traces: a call resumed from a job shows its own frame, then one
/// `at async f (file:line:col)` line (the position of its `await`) per async call waiting on it,
/// methods named by their receiver's class. The expected lines are node 20's for this file
/// (node prints no internal frames here).
#[test]
fn async_stack_traces() {
    let src = "class Svc {\n  async load(id) { await null; throw new Error('load ' + id); }\n  async run() { return await this.load(7); }\n}\nasync function main() {\n  try { await new Svc().run(); } catch (e) { console.log(e.stack); }\n  const f = async () => { await null; return new Error('arrow').stack; };\n  console.log(await (async function named() { return await f(); })());\n}\nmain();\n";
    let (out, err, code, p) = run("async_stack.js", src);
    assert_eq!(code, Some(0), "stderr: {err}");
    assert_eq!(
        out,
        format!(
            "Error: load 7\n    at Svc.load ({p}:2:38)\n    at async Svc.run ({p}:3:24)\n    at async main ({p}:6:9)\nError: arrow\n    at f ({p}:7:46)\n    at async named ({p}:8:54)\n    at async main ({p}:8:15)\n"
        )
    );
}

/// An uncaught rejection from an awaited async call reports the async frames too.
#[test]
fn async_stack_in_unhandled_rejection() {
    let src = "async function inner() {\n  await null;\n  throw new Error('deep');\n}\nasync function outer() {\n  await inner();\n}\nouter();\n";
    let (_, err, code, p) = run("async_reject.js", src);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(&format!(
            "Error: deep\n    at inner ({p}:3:9)\n    at async outer ({p}:6:3)"
        )),
        "stderr: {err}"
    );
}

/// A getter's caller is reported at the property it read (`o.x`: the `x`; `o["x"]`: the `[`),
/// and class methods are named `Class.method` through lean method calls. Expected lines are
/// node 20's for this file; the getter's own frame is left out (node names it
/// `get x [as x]`, tidejs `A.get x`: a known difference).
#[test]
fn getter_callers_and_method_frames() {
    let src = "class A { get x() { return this.f(); } f() { return this.g(); } g() { throw new Error('deep'); } }\nconst a = new A();\nfunction read(o) { return o.x; }\ntry { read(a); } catch (e) { console.log(e.stack.split('\\n').filter(l => !l.includes('get x')).join('\\n')); }\nconst o = { m() { return a['x']; } };\ntry { o.m(); } catch (e) { console.log(e.stack.split('\\n').filter(l => !l.includes('get x')).slice(3).join('\\n')); }\n";
    let (out, err, code, p) = run("getter_stack.js", src);
    assert_eq!(code, Some(0), "stderr: {err}");
    assert_eq!(
        out,
        format!(
            "Error: deep\n    at A.g ({p}:1:77)\n    at A.f ({p}:1:58)\n    at read ({p}:3:29)\n    at Object.<anonymous> ({p}:4:7)\n    at Object.m ({p}:5:27)\n    at Object.<anonymous> ({p}:6:9)\n"
        )
    );
}
