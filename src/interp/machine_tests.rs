//! Generator state machines end to end: source → lower → run, output compared with what
//! `node` v20 printed for the same programs (checked when the expectations were written).

use super::super::Interp;
use crate::host::{Host, Stream};
use crate::parser::{parse, ParseOptions};
use std::cell::RefCell;
use std::rc::Rc;

/// Captured lines, and a virtual clock that jumps to each deadline waited for.
struct Capture(Rc<RefCell<Vec<String>>>, f64);

impl Host for Capture {
    fn write_line(&mut self, stream: Stream, line: &str) {
        let prefix = if stream == Stream::Stderr { "!" } else { "" };
        self.0.borrow_mut().push(format!("{prefix}{line}"));
    }
    fn now_ms(&mut self) -> f64 {
        self.1
    }
    fn monotonic_ms(&mut self) -> f64 {
        self.1
    }
    fn wait_until(&mut self, t: f64) {
        self.1 = self.1.max(t);
    }
}

/// Run the script, then the event loop (microtasks and timers).
fn run_loop(src: &str) -> String {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let program = parse(src, &ParseOptions::default()).expect("parses");
    let script = crate::lower::lower_script(&program).expect("lowers");
    let mut interp = Interp::new(Box::new(Capture(lines.clone(), 0.0)));
    if interp.run_script(&script).is_err() || crate::event_loop::run_node(&mut interp).is_err() {
        lines.borrow_mut().push("uncaught".into());
    }
    let mut out = lines.borrow().join("\n");
    out.push('\n');
    out
}

fn run(src: &str) -> String {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let program = parse(src, &ParseOptions::default()).expect("parses");
    let script = crate::lower::lower_script(&program).expect("lowers");
    let mut interp = Interp::new(Box::new(Capture(lines.clone(), 0.0)));
    if let Err(e) = interp.run_script(&script) {
        let shown = crate::builtins::console::inspect(&mut interp, &e).unwrap_or_default();
        lines.borrow_mut().push(format!("uncaught {shown}"));
    }
    let mut out = lines.borrow().join("\n");
    out.push('\n');
    out
}

/// next/return/throw, try/finally on return, yield*, for-of over a generator, argument
/// evaluation order around a yield, re-entry.
#[test]
fn generator_basics() {
    let src = r#"function* g(a) {
  console.log('start', a);
  var x = yield 1;
  console.log('got', x);
  try {
    yield 2;
    yield 3;
  } finally {
    console.log('finally');
  }
  return 4;
}
var it = g(10);
var r = it.next('a'); console.log(r.value, r.done);
r = it.next('b'); console.log(r.value, r.done);
r = it.return(7); console.log(r.value, r.done);
r = it.next(); console.log(r.value, r.done);
function* h() { var s = 0; for (var i = 0; i < 3; i++) { s += yield i; } return s; }
var it2 = h(); it2.next(); it2.next(1); it2.next(2); r = it2.next(3); console.log(r.value, r.done);
function* d() { var v = yield* h(); console.log('inner returned', v); yield 'after'; }
var it3 = d(); var out = [];
for (var k = 0; k < 5; k++) { var rr = it3.next(k); out.push(rr.value + ':' + rr.done); }
console.log(out.join(' '));
function* fo() { for (var v of g(1)) { console.log("of", v); if (v == 2) break; } yield 0; } fo().next();
function f(a, b, c) { return a + b + c; }
function* e() { var n = 0; function a() { n++; return n; } console.log(f(a(), yield 'y', a())); }
var ie = e(); ie.next(); ie.next(100);
function* t() { try { yield 1; } catch (e) { console.log('caught', e); yield 2; } }
var ti = t(); ti.next(); r = ti.throw('boom'); console.log(r.value, r.done);
try { ti.throw('again'); } catch (e) { console.log('outer', e); }
function* re() { it5.next(); yield 1; }
var it5 = re(); try { it5.next(); } catch (e) { console.log(e.constructor.name, e.message); }
"#;
    assert_eq!(
        run(src),
        r#"start 10
1 false
got b
2 false
finally
7 true
undefined true
6 true
inner returned 6
0:false 1:false 2:false after:false undefined:true
start 1
of 1
got undefined
of 2
finally
103
caught boom
2 false
outer again
TypeError Generator is already running
"#
    );
}

/// break/continue through finally, return() running finally blocks that yield, per-iteration
/// bindings, yield in conditionals/literals/logical/switch, iterator closing, yield* forwarding.
#[test]
fn generator_control_flow() {
    let src = r#"function show(it, inputs) { var out = []; for (var i = 0; i < inputs.length; i++) { var r = it.next(inputs[i]); out.push(String(r.value) + (r.done ? '!' : '')); } console.log(out.join(' ')); }
function* a() {
  outer: for (var i = 0; i < 3; i++) {
    for (var j = 0; j < 3; j++) {
      try {
        if (j == 1) continue outer;
        if (i == 2) break outer;
        yield i * 10 + j;
      } finally {
        console.log('fin', i, j);
      }
    }
  }
  return 'end';
}
show(a(), [0,0,0,0,0]);
function* b() {
  try {
    try { yield 1; return 'r1'; } finally { console.log('inner fin'); yield 2; }
  } finally { console.log('outer fin'); }
}
show(b(), [0,0,0,0]);
var it = b(); it.next(); console.log(JSON_stringify(it.return('R'))); console.log(JSON_stringify(it.next())); console.log(JSON_stringify(it.next()));
function JSON_stringify(r) { return '{' + r.value + ',' + r.done + '}'; }
function* c() {
  var fs = [];
  for (let i = 0; i < 3; i++) { fs.push(function () { return i; }); yield i; }
  console.log(fs.map(function (f) { return f(); }).join(','));
  var x = (yield 'q') ? (yield 'yes') : (yield 'no');
  console.log('x', x);
  var o = { a: yield 'oa', b: [1, yield 'ob', 3] };
  console.log(o.a, o.b.join('-'));
  var s = (yield 's1') || (yield 's2');
  console.log('s', s);
  switch (yield 'sw') { case 1: console.log('one'); case 2: console.log('two'); break; default: console.log('def'); }
  try { throw new Error('e1'); } catch (err) { let g = function () { return err.message; }; yield g(); }
}
show(c(), [0,0,0,0,true,'Y',5,'B',0,'S2',2,0,0,0]);
function* d() { try { yield 1; yield 2; } finally { console.log('d closed'); } }
function* e() { for (var v of d()) { yield v; } }
var ie = e(); ie.next(); ie.return(9); 
function* e2() { for (var v of d()) { throw new Error('x'); } }
try { e2().next(); } catch (er) { console.log('caught', er.message); }
function* inner() { try { yield 1; } catch (x) { console.log('inner caught', x); yield 'recovered'; } }
function* outer() { var r = yield* inner(); console.log('r', r); }
var io = outer(); io.next(); console.log(io.throw('T').value); console.log(io.next().done);
var io2 = outer(); io2.next(); var rr = io2.return('RR'); console.log(rr.value, rr.done);
function* args() { yield arguments.length; yield this === undefined; }
var ia = args(1,2,3); console.log(ia.next().value);
var obj = { *m(x) { yield x * 2; } }; console.log(obj.m(21).next().value);
function* w() { var i = 0; while (true) { var x = yield i++; if (x) return x; } }
show(w(), [0, 0, 0, 'stop', 0]);
function* dw() { var i = 0; do { yield i; } while (++i < 3); }
show(dw(), [0,0,0,0]);
function* fi() { var o = {a:1, b:2}; for (var k in o) { yield k; } }
show(fi(), [0,0,0]);
console.log(typeof Object.getPrototypeOf(a), Object.getPrototypeOf(a) === Object.getPrototypeOf(function*(){}));
console.log(a.prototype !== undefined, Object.getPrototypeOf(a()) === a.prototype);
"#;
    assert_eq!(
        run(src),
        r#"fin 0 0
fin 0 1
fin 1 0
fin 1 1
fin 2 0
0 10 end! undefined! undefined!
inner fin
outer fin
1 2 r1! undefined!
inner fin
{2,false}
outer fin
{R,true}
{undefined,true}
0,1,2
x Y
5 1-B-3
s S2
two
0 1 2 q yes oa ob s1 s2 sw e1 undefined! undefined! undefined!
d closed
d closed
caught x
inner caught T
recovered
r undefined
true
RR true
3
42
0 1 2 stop! undefined!
0 1 2 undefined!
a b undefined!
object true
true true
"#
    );
}

/// Async functions: ordering against `.then` chains (1 tick per await, 3 for `return p`, the
/// extra thenable job), try/catch/finally around awaits, methods, loops, `arguments`.
#[test]
fn async_function_ordering() {
    let src = r#"async function f(x) { console.log('f start', x); var y = await x; console.log('f got', y); return y * 2; }
f(21).then(v => console.log('f ->', v));
console.log('sync end');
const log = [];
async function a1() { log.push('a1:0'); await null; log.push('a1:1'); await null; log.push('a1:2'); }
async function a2() { log.push('a2:0'); await null; log.push('a2:1'); await null; log.push('a2:2'); }
Promise.resolve().then(() => log.push('p1')).then(() => log.push('p2')).then(() => log.push('p3'));
a1(); a2();
async function ret() { return Promise.resolve('r'); }
async function retAwait() { return await Promise.resolve('ra'); }
ret().then(v => log.push('ret ' + v));
retAwait().then(v => log.push('retAwait ' + v));
const thenable = { then(res) { log.push('then called'); res('T'); } };
(async () => { const v = await thenable; log.push('thenable ' + v); })();
setTimeout(() => console.log(log.join(', ')), 0);
async function thrower() { await null; throw new Error('boom'); }
thrower().catch(e => console.log('caught', e.message));
async function tc() { try { await Promise.reject(new Error('rej')); } catch (e) { console.log('tc caught', e.message); } finally { console.log('tc finally'); } return 'tc done'; }
tc().then(console.log);
class K { async m(v) { return (await v) + 1; } static async s() { return 's'; } }
new K().m(Promise.resolve(1)).then(v => console.log('method', v));
K.s().then(v => console.log('static', v));
const o = { async m() { return this === o; } }; o.m().then(v => console.log('obj method this', v));
async function loop() { let s = 0; for (let i = 0; i < 5; i++) { s += await i; } return s; }
loop().then(v => console.log('loop', v));
async function args() { return [arguments.length, await arguments[1]]; }
args(1, Promise.resolve(2)).then(v => console.log('args', v));
console.log(Object.getPrototypeOf(f) === Object.getPrototypeOf(async () => {}), typeof f.prototype, f.length, f.name);
"#;
    assert_eq!(
        run_loop(src),
        r#"f start 21
sync end
true undefined 1 f
f got 21
tc caught rej
tc finally
static s
obj method this true
f -> 42
caught boom
tc done
method 2
args [ 2, 2 ]
loop 10
a1:0, a2:0, p1, a1:1, a2:1, then called, p2, a1:2, a2:2, retAwait ra, thenable T, p3, ret r
"#
    );
}

#[test]
fn yield_and_await_inside_destructuring() {
    // Expected output printed by node v20 for the same program.
    let src = r#"
function* g() {
  var x, y, z, o = {};
  [x = yield 'a', [y] = [yield 'b'], ...o.r] = [undefined, undefined, 5, 6];
  console.log(x, y, o.r);
  ({ a: x = yield 'c', [yield 'd']: y, ...z } = { a: undefined, k: 2, m: 3 });
  console.log(x, y, z);
  var [p = yield 'e'] = [];
  console.log(p);
  for ([x = yield 'f'] of [[], [1]]) console.log('loop', x);
  try { throw [undefined]; } catch ([q = yield 'g']) { console.log('q', q); }
  [(yield 'h').prop] = [42];
}
const it = g();
let r = it.next(); let n = 0; const tgt = {};
while (!r.done) { console.log('yielded', r.value); r = it.next(r.value === 'd' ? 'k' : r.value === 'h' ? tgt : n++); }
console.log(tgt);
function* h() { var a; [a = yield] = { [Symbol.iterator]() { return { next() { return {value: undefined, done: false}; }, return() { console.log('closed'); return {}; } }; } }; }
const i2 = h(); i2.next(); console.log(i2.return(9));
async function af() { let a, b; [a, b = await Promise.resolve('B')] = ['A']; console.log(a, b); ({x: a = await 1} = {}); console.log(a); }
af();
"#;
    assert_eq!(
        run_loop(src),
        "yielded a\nyielded b\n0 1 [ 5, 6 ]\nyielded c\nyielded d\n2 2 { m: 3 }\nyielded e\n3\n\
         yielded f\nloop 4\nloop 1\nyielded g\nq 5\nyielded h\n{ prop: 42 }\nclosed\n\
         { value: 9, done: true }\nA B\n1\n"
    );
}

#[test]
fn yield_in_logical_assignment_templates_delete_update_new_and_super() {
    // Expected output printed by node v20 for the same program.
    let src = r#"
function tag(s, ...v) { return s.raw.join('|') + ':' + v.join(','); }
class Base { m(...a) { return 'base' + a.join(''); } }
class K extends Base {
  *gm() { return super.m(yield 's1', 2) + super[yield 's2'](3); }
}
function* g() {
  let x = 0, o = { a: 1, b: null, c: 5 };
  x ||= yield 'l1'; console.log('x', x);
  o.b ??= yield 'l2'; console.log('o.b', o.b);
  o[yield 'l3'] &&= 7; console.log('o.a', o.a);
  console.log(tag`a${yield 't1'}b${yield 't2'}c`);
  console.log(delete o[yield 'd1'], o.c);
  o[yield 'u1']++; console.log('o.a', o.a);
  console.log(new Array(...[yield 'n1', 9]));
  const k = new K(); const it = k.gm(); console.log(it.next().value); console.log(it.next(1).value); console.log(it.next('m').value);
}
const it = g(); let r = it.next(); const ans = { l1: 3, l2: 4, l3: 'a', t1: 'T1', t2: 'T2', d1: 'c', u1: 'a', n1: 8 };
while (!r.done) { console.log('y', r.value); r = it.next(ans[r.value]); }
"#;
    assert_eq!(run_loop(src), "y l1\nx 3\ny l2\no.b 4\ny l3\no.a 7\ny t1\ny t2\na|b|c:T1,T2\ny d1\ntrue undefined\ny u1\no.a 8\ny n1\n[ 8, 9 ]\ns1\ns2\nbase12base3\n");
}
