//! Rendered syntax errors (code frames) for typical mistakes, as `insta` snapshots.
//!
//! Every expected message and line:column was checked by hand against `node` v20 (`node
//! file.js`); `node_agrees` re-checks message, line and caret column automatically when `node`
//! is on PATH. One deliberate deviation: an unterminated template literal, where V8 says
//! "Unexpected end of input" at the end of the file and we name the problem and point at the
//! opening backtick.
//!
//! Regenerate after an intended change with `cargo insta review` (review every frame by hand).

use tidejs::{parse, ParseOptions};

/// (snapshot name, source, node prints the same message and position).
const CASES: &[(&str, &str, bool)] = &[
    (
        "missing_closing_brace",
        "function f() {\n  if (x) {\n    return 1;\n}\n",
        true,
    ),
    ("stray_paren", "let a = 1;\nfoo(a));\n", true),
    (
        "await_outside_async",
        "function load() {\n  const data = await fetch(url);\n}\n",
        true,
    ),
    (
        "unterminated_string",
        "const msg = \"hello;\nconsole.log(msg);\n",
        true,
    ),
    (
        "unterminated_template",
        "const s = `line one\nline two;\n",
        false,
    ),
    (
        "unterminated_regex",
        "const re = /abc;\nre.test(s);\n",
        true,
    ),
    ("missing_paren_in_call", "console.log(\"a\", \"b\";\n", true),
    ("invalid_assignment_target", "let x;\n1 = 2;\n", true),
    (
        "unexpected_end_of_input",
        "const f = (a, b) => {\n  return a +\n",
        true,
    ),
    (
        "missing_comma_in_object",
        "const o = {\n  a: 1\n  b: 2\n};\n",
        true,
    ),
];

fn render(src: &str) -> String {
    match parse(src, &ParseOptions::default()) {
        Ok(_) => panic!("expected a syntax error for {src:?}"),
        Err(errors) => errors[0].render("file.js", src),
    }
}

#[test]
fn error_frames() {
    for (name, src, _) in CASES {
        insta::assert_snapshot!(*name, render(src));
    }
}

/// Compare message, line and caret column with node's own report, when node is installed.
#[test]
fn node_agrees() {
    let Ok(out) = std::process::Command::new("node").arg("--version").output() else {
        eprintln!("node not found: skipping the comparison");
        return;
    };
    if !out.status.success() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("tidejs-parse-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, src, same) in CASES {
        if !same {
            continue;
        }
        let path = dir.join(format!("{name}.js"));
        std::fs::write(&path, src).unwrap();
        let out = std::process::Command::new("node")
            .arg("--check")
            .arg(&path)
            .output()
            .unwrap();
        let node = String::from_utf8_lossy(&out.stderr).to_string();
        let node_lines: Vec<&str> = node.lines().collect();
        // node: "<path>:<line>", source line, caret line, "", "SyntaxError: message".
        let node_line = node_lines[0].rsplit(':').next().unwrap().to_string();
        let node_caret = node_lines[2].find('^');
        let node_msg = node_lines
            .iter()
            .find(|l| l.starts_with("SyntaxError:"))
            .unwrap()
            .to_string();
        let ours = render(src);
        let our_lines: Vec<&str> = ours.lines().collect();
        let our_pos = our_lines[0].trim_start_matches("file.js:");
        let our_line = our_pos.split(':').next().unwrap().to_string();
        assert_eq!(our_line, node_line, "{name}: line differs from node");
        assert_eq!(
            *our_lines.last().unwrap(),
            node_msg,
            "{name}: message differs"
        );
        if let Some(c) = node_caret {
            assert_eq!(
                our_lines[2].find('^'),
                Some(c),
                "{name}: caret column differs"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
