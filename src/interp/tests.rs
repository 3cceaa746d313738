//! End-to-end tests of the vertical slice: source → parse → lower → run, output captured by a
//! `VirtualHost`. Expected outputs are what `node` v20 prints for the same source.

use super::Interp;
use crate::host::{Host, Stream};
use crate::parser::{parse, ParseOptions};
use std::cell::RefCell;
use std::rc::Rc;

/// A host that shares its captured lines with the test.
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
fn fib_and_string_concat() {
    let src = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n\
               console.log('fib: ' + fib(20));";
    assert_eq!(run(src), "fib: 6765");
}

#[test]
fn closures_capture_per_iteration_bindings() {
    let src = "var fs = [];\n\
               for (let i = 0; i < 3; i++) fs.push(() => i);\n\
               function counter() { let c = 0; return { inc: () => ++c, get: () => c }; }\n\
               var k = counter(); k.inc(); k.inc();\n\
               console.log(fs.map(f => f()).join(','), k.get());";
    assert_eq!(run(src), "0,1,2 2");
}

#[test]
fn objects_arrays_and_console_formatting() {
    let src = "var o = { a: 1, 'b-c': 'x', n: { d: [1, 2, { e: { f: 1 } }] } };\n\
               console.log(o);\n\
               console.log([1, 'two', null, undefined, -0]);\n\
               console.log('top', 'level', 42);";
    assert_eq!(
        run(src),
        "{ a: 1, 'b-c': 'x', n: { d: [ 1, 2, [Object] ] } }\n\
         [ 1, 'two', null, undefined, -0 ]\n\
         top level 42"
    );
}

#[test]
fn exceptions_try_catch_finally_and_tdz() {
    let src = "function f() { try { throw new TypeError('bad'); } catch (e) { return e.name + ': ' + e.message; } finally { console.log('finally'); } }\n\
               console.log(f());\n\
               try { x; let x = 1; } catch (e) { console.log(e instanceof ReferenceError, e.message); }\n\
               try { null.p; } catch (e) { console.log(e.message); }";
    assert_eq!(
        run(src),
        "finally\nTypeError: bad\ntrue Cannot access 'x' before initialization\n\
         Cannot read properties of null (reading 'p')"
    );
}

#[test]
fn deep_recursion_is_a_catchable_range_error() {
    // Run on a thread with the stack the engine documents for its depth limit.
    let out = std::thread::Builder::new()
        .stack_size(super::ENGINE_STACK_BYTES)
        .spawn(|| {
            run("function f() { return f(); }\n\
                 try { f(); } catch (e) { console.log(e instanceof RangeError, e.message); }")
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    assert_eq!(out, "true Maximum call stack size exceeded");
}

#[test]
fn loops_labels_switch_and_for_in() {
    let src = "var s = 0;\n\
               outer: for (var i = 0; i < 5; i++) { for (var j = 0; j < 5; j++) { if (j == 3) continue outer; if (i == 4) break outer; s += j; } }\n\
               var keys = []; for (var k in { a: 1, b: 2 }) keys.push(k);\n\
               function sw(x) { switch (x) { case 1: return 'one'; case 2: case 3: return 'few'; default: return 'many'; } }\n\
               console.log(s, keys.join(''), sw(1), sw(3), sw(9));";
    assert_eq!(run(src), "12 ab one few many");
}

#[test]
fn getters_setters_this_and_prototypes() {
    let src = "function P(x) { this.x = x; }\n\
               P.prototype.double = function () { return this.x * 2; };\n\
               var p = new P(21);\n\
               var o = { v: 1, get twice() { return this.v * 2; }, set twice(n) { this.v = n / 2; } };\n\
               o.twice = 10;\n\
               console.log(p.double(), p instanceof P, o.v, o.twice, [3, 1, 2].sort((a, b) => a - b));";
    assert_eq!(run(src), "42 true 5 10 [ 1, 2, 3 ]");
}

#[test]
fn function_declarations_are_hoisted() {
    let src = "console.log(h(), typeof later);\n\
               function h() { return inner(); function inner() { return 'hoisted'; } }\n\
               var later = 1;";
    assert_eq!(run(src), "hoisted undefined");
}

#[test]
fn deep_proxy_chains_are_a_catchable_range_error() {
    // Targets and handlers nested 100,000 deep forward without calling JS: the depth guard
    // counts each proxy level, so no Rust stack overflow.
    let out = std::thread::Builder::new()
        .stack_size(super::ENGINE_STACK_BYTES)
        .spawn(|| {
            run(
                "let p = {}; for (let i = 0; i < 100000; i++) p = new Proxy(p, {});\n\
                 let h = {}; for (let i = 0; i < 100000; i++) h = new Proxy({}, h);\n\
                 for (const f of [() => p.x, () => new Proxy({}, h).x, () => Object.keys(p)]) {\n\
                   try { f(); } catch (e) { console.log(e instanceof RangeError); }\n\
                 }\n\
                 console.log(Array.isArray(p), typeof p);",
            )
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    assert_eq!(out, "true\ntrue\ntrue\nfalse object");
}

#[test]
fn proxy_traps_and_invariants() {
    let src = "const log = [];\n\
               const p = new Proxy({ a: 1 }, { get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },\n\
                 has(t, k) { log.push('has ' + k); return k in t; } });\n\
               console.log(p.a, 'a' in p, log.join());\n\
               const frozen = Object.freeze({ x: 1 });\n\
               try { new Proxy(frozen, { get: () => 2 }).x; } catch (e) { console.log(e.constructor.name); }\n\
               const { proxy, revoke } = Proxy.revocable({}, {}); revoke();\n\
               try { proxy.x; } catch (e) { console.log(e.message); }";
    assert_eq!(
        run(src),
        "1 true get a,has a\nTypeError\nCannot perform 'get' on a proxy that has been revoked"
    );
}
