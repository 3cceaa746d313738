// The engine's own error messages, as V8 words them: a user printing e.message sees exactly these in node.
// (The rest of the corpus prints only the error type for engine-made errors; this file pins the messages.)
const show = (f) => { try { f(); } catch (e) { console.log(`${e.name}: ${e.message}`); } };
show(() => { x; let x; });
show(() => { const c = 1; c = 2; });
show(() => undefinedName);
show(() => { const o = undefined; o.prop; });
show(() => { const o = null; o.prop; });
show(() => { const o = {}; o.method(); });
show(() => { null(); });
show(() => { new (() => {})(); });
show(() => { [].reduce((a, b) => a + b); });
show(() => { new Array(-1); });
show(() => { (1).toFixed(101); });
show(() => { JSON.parse('{bad'); });
show(() => { 'use strict'; Object.freeze({ a: 1 }).a = 2; });
show(() => { Symbol() + ''; });
show(() => { BigInt(1.5); });
show(() => { class A {} A(); });
show(() => { class A {} class B extends A { constructor() { this.x = 1; } } new B(); });
show(() => { class A {} class B extends A { constructor() {} } new B(); });
show(() => { class A {} class B extends A { constructor() { return 1; } } new B(); });
show(() => { class A {} class B extends A { constructor() { super(); super(); } } new B(); });
show(() => { class B extends null {} new B(); });
show(() => { class A {} class B extends A { constructor() { super(); } } Object.setPrototypeOf(B, Math.max); new B(); });
show(() => { class A {} const B = (() => class extends A {})(); Object.setPrototypeOf(B, {}); new B(); });
