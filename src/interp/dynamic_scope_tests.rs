//! Tests of `eval` and `with` end to end. Expected outputs are what `node` v20 prints for the
//! same source (checked by running each snippet under node; where node's CommonJS wrapper would
//! differ, the snippets avoid script-level declarations).

use crate::host::{Host, Stream};
use crate::interp::Interp;
use crate::parser::{parse, ParseOptions};
use std::cell::RefCell;
use std::rc::Rc;

struct Capture(Rc<RefCell<Vec<String>>>);

impl Host for Capture {
    fn write_line(&mut self, stream: Stream, line: &str) {
        let prefix = if stream == Stream::Stderr { "!" } else { "" };
        self.0.borrow_mut().push(format!("{prefix}{line}"));
    }
    fn now_ms(&mut self) -> f64 {
        0.0
    }
    fn monotonic_ms(&mut self) -> f64 {
        0.0
    }
    fn wait_until(&mut self, _: f64) {}
}

fn run(src: &str) -> String {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let program = parse(src, &ParseOptions::default()).expect("parses");
    let script = crate::lower::lower_script(&program).expect("lowers");
    let mut interp = Interp::new(Box::new(Capture(lines.clone())));
    if let Err(e) = interp.run_script(&script) {
        let shown = crate::builtins::console::inspect(&mut interp, &e).unwrap_or_default();
        lines.borrow_mut().push(format!("uncaught {shown}"));
    }
    let out = lines.borrow().join("\n");
    out
}

#[test]
fn completion_values_of_eval_code() {
    let src = r#"console.log(eval("1; if(true){}"), eval("2; var zz = 3;"), eval("1+1"));
console.log(eval("for (var i = 0; i < 3; i++) i;"), eval("do { 5; break; } while(false)"),
  eval("try { 7 } finally { 8 }"), eval(42), eval());"#;
    assert_eq!(run(src), "undefined 2 2\n2 5 7 42 undefined");
}

#[test]
fn direct_eval_sees_and_extends_the_caller_scope() {
    let src = r#"(function () {
  function f(a) { var b = 2; eval("var c = a + b"); return c; }
  function g() { eval("var x = 10; function h(){ return x }"); return h() + x; }
  function k() { let y = 5; return eval("y * 2"); }
  function th() { return eval("this"); }
  function st() { "use strict"; eval("var s = 1"); return typeof s; }
  function del() { eval("var d = 1"); var r1 = delete d; return [r1, typeof d]; }
  console.log(f(1), g(), k(), th.call({a: 1}).a, st(), del());
})();"#;
    assert_eq!(run(src), "3 20 10 1 undefined [ true, 'undefined' ]");
}

#[test]
fn indirect_eval_is_global() {
    let src = r#"(function () {
  var local = 1;
  console.log((0, eval)("typeof local"), (0, eval)("var gv = 5; gv * 2"), gv);
  console.log(Object.getOwnPropertyDescriptor(globalThis, "gv").configurable);
})();"#;
    assert_eq!(run(src), "undefined 10 5\ntrue");
}

#[test]
fn eval_early_errors_are_syntax_errors() {
    let src = r#"(function () {
  try { eval("let a = 1; let a = 2;"); } catch (e) { console.log(e.name); }
  var a = () => { let x; eval('var x;'); };
  try { a(); } catch (e) { console.log(e.name); }
  try { class G { x = eval("arguments"); } new G(); } catch (e) { console.log(e.name); }
  function nt() { return eval("new.target"); }
  console.log(new nt() === undefined, nt());
})();"#;
    assert_eq!(
        run(src),
        "SyntaxError\nSyntaxError\nSyntaxError\nfalse undefined"
    );
}

#[test]
fn eval_in_classes_and_generators() {
    let src = r#"(function () {
  class C { #p = 7; m() { return eval("this.#p"); } }
  class D extends Object { constructor() { eval("super()"); this.v = 1; } }
  var obj = { m() { return eval("super.toString === Object.prototype.toString"); } };
  function* g() { var q = 1; yield eval("q + 1"); with ({q: 5}) { yield q; } }
  console.log(new C().m(), new D().v, obj.m(), [...g()]);
})();"#;
    assert_eq!(run(src), "7 1 true [ 2, 5 ]");
}

#[test]
fn with_statement_object_environment() {
    let src = r#"(function () {
  var o = {p: 1};
  with (o) { p = 2; var q = p + 1; }
  with ({x: 1, [Symbol.unscopables]: {x: true}}) { var x2 = typeof x; }
  var ww = { f() { return this === ww; } };
  var self;
  with (ww) { self = f(); }
  function cnt() { var n = 0; with ({}) { n++; n += 2; } return n; }
  console.log(o.p, q, x2, self, cnt());
})();"#;
    assert_eq!(run(src), "2 3 undefined true 3");
}
