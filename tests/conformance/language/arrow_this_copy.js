// Arrows see the `this` of the function around them: made in methods, nested arrows, parameter defaults, async bodies, callbacks, new Promise executors, derived constructors (TDZ until super(), even from an arrow made before it), eval, fields.
class A {
  constructor() { this.v = 1; }
  m() { return () => this.v; }
  n() { return () => () => () => this.v + 1; }
  p() { const f = (a = this.v) => a; return f(); }
  async q() { await null; const g = () => this.v * 10; await null; return g(); }
  r() { return [1, 2, 3].map((x) => x + this.v); }
  s() { return new Promise((res) => res(this.v + 100)); }
  t() { const x = () => { const y = () => this; return y(); }; return x() === this; }
  u() { return (async () => { await 1; return this.v + 5; })(); }
  w() { return [3, 1, 2].sort((a, b) => (this.v ? a - b : b - a)); }
  x() { const f = () => this; return f.call(5) === this && f.apply(null) === this && f.bind(7)() === this; }
}
const a = new A();
console.log(a.m()(), a.n()()()(), a.p(), a.r(), a.t(), a.w(), a.x());
a.q().then((v) => console.log("q", v));
a.s().then((v) => console.log("s", v));
a.u().then((v) => console.log("u", v));
class B extends A {
  constructor() {
    const early = () => this;
    let e;
    try { early(); } catch (err) { e = err.constructor.name; }
    super();
    console.log("B", e, early().v, early() === this);
  }
}
new B();
class C extends A { constructor() { const f = () => super(); f(); console.log("C", this.v); } }
new C();
function sloppy() { return () => this; }
console.log(sloppy()() === globalThis, sloppy.call(3)() instanceof Number, typeof sloppy.call("s")());
function strict() { "use strict"; return () => this; }
console.log(strict()(), strict.call(3)());
function withEval() { const f = () => eval("this"); return f(); }
console.log(withEval.call(42) == 42);
function evalLater() { const f = () => this.z; eval("var q = 1"); return f(); }
console.log(evalLater.call({ z: 9 }));
const o = { f: 1, g() { return { h: () => this.f, [this.f + "k"]: (() => this.f)() }; } };
console.log(o.g().h(), o.g()["1k"]);
class D { x = 5; f = () => this.x; static s = 3; static sf = () => this.s; }
console.log(new D().f(), D.sf());
function* gen() { yield () => this.q; }
console.log(gen.call({ q: 8 }).next().value());
function Ctor() { this.a = 1; this.get = () => this.a; }
console.log(new Ctor().get());
const nf = new Function("return () => this.nn");
console.log(nf.call({ nn: 4 })());
function withArgs() { return () => arguments[0] + this.b; }
console.log(withArgs.call({ b: 2 }, 1)());
function captured() { let c = 3; return () => c + this.d; }
console.log(captured.call({ d: 4 })());
const made = [];
function many() { for (let i = 0; i < 3; i++) made.push(() => this.k + i); }
many.call({ k: 10 });
console.log(made.map((f) => f()));
