// Parameters captured by closures (they live in the function's record, not registers):
// repeated names, missing and extra arguments, TDZ of later lets, per-iteration copies.
function f(a, a) { return () => a; }
console.log(f(1, 2)(), f(1)());
function g(x, y) { const h = () => x + y; let z = x * 2; { let w = z; x = w; } return [h(), z]; }
console.log(g(3, 4), g(3));
function c(k) { let t = k; const fs = []; for (let i = 0; i < 2; i++) fs.push(() => k + i + t); k = 10; return fs.map(q => q()); }
console.log(c(1));
function tdz(p) { const q = () => p + r; let r = 5; return q(); }
console.log(tdz(2));
function tdz2(p) { const q = () => p + r; try { return q(); } finally { } let r = 5; }
try { tdz2(1) } catch (e) { console.log(e.name, e.message) }
function many(a, b, c, d) { return () => [a, b, c, d]; }
console.log(many(1, 2, 3, 4, 5)(), many(1)());
const o = { m(v) { return () => [this === o, v]; } };
console.log(o.m(7)());
function rec(n) { return n <= 0 ? () => 0 : (() => n + rec(n - 1)()); }
console.log(rec(50)());
function ns(v) { 'use strict'; return () => [v, typeof this]; }
console.log(ns(1)());
