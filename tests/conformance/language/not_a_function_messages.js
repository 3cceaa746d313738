// V8 names the callee in "… is not a function" / "… is not a constructor" as its source
// prints: identifiers, member chains, `this`, literals, calls as `f(...)`, and
// "(intermediate value)" for anything it cannot name.
const cases = [
  () => { let f = 1; f(); },
  () => { const o = {}; o.m(); },
  () => { const o = { a: {} }; o.a.b(); },
  () => { const o = {}; o['x'](); },
  () => { const o = {}; const k = 'z'; o[k](); },
  () => { const o = {}; o[1](); },
  () => { const o = {}; o[o.x](); },
  () => { (1, 2)(); },
  () => { [1][0](); },
  () => { (function () { return 1; })()(); },
  () => { const o = { m() { return 1; } }; o.m()(); },
  () => { new (class A {})().foo(); },
  () => { let g; g?.(); g(); },
  () => { const o = {}; o?.m(); },
  () => { Math.nope(); },
  () => { 'str'.nope(); },
  () => { (5).x(); },
  () => { null(); },
  () => { (void 0)(); },
  () => { ({}).x(); },
  () => { const arr = [1]; arr[arr.length - 1](); },
  () => { let x = 1; new x(); },
  () => { const o = {}; new o.m(); },
  () => { const o = { m: 1 }; new o.m; },
  () => { new Math.max(); },
];
for (const c of cases) {
  try {
    c();
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
}
// An uncaught one reports the same text.
const channel = { waiting: [] };
channel.waiting.shift()(1);
