// Binary operators and && / || on object fields (p.x - q.x, o.n * 2, i < a.length): getters, inherited
// fields, strings, missing fields, NaN/0 results, a null receiver and left-to-right evaluation.
const p = { x: 5, s: 'ab', get g() { console.log('getter'); return 3; } };
const q = Object.create({ x: 2, y: 7 });
q.z = 1;
function sub(a, b) { return a.x - b.x; }
console.log(sub(p, q), p.g * p.x, q.y + p.x, p.s + p.x, p.missing * 2, p.x * 2, 10 - p.x);
const a = [1, 2, 3];
let n = 0;
for (let i = 0; i < a.length; i++) n += a[i] * a.length;
console.log(n, 'abc'.length - p.x, a.length < p.x);
function cmp(u, v) { return u.k - v.k || v.id - u.id; }
console.log(cmp({ k: 1, id: 0 }, { k: 1, id: 4 }), cmp({ k: 2, id: 0 }, { k: 1, id: 4 }), cmp({ k: NaN, id: 1 }, { k: 1, id: 1 }));
console.log(cmp({ k: '3', id: 0 }, { k: 1, id: 0 }), cmp({ k: 1, id: 'x' }, { k: 1, id: 2 }));
function both(u, v) { return u.k < v.k && u.id > v.id; }
console.log(both({ k: 1, id: 2 }, { k: 2, id: 1 }), both({ k: 1, id: 0 }, { k: 2, id: 1 }), both({ k: 3 }, { k: 2 }));
function nul(u, v) { return u.k ?? v.k; }
console.log(nul({ k: 0 }, { k: 9 }), nul({}, { k: 9 }));
const o = { x: 1 };
console.log(o.x + (o.x = 10), o.x);
try { sub(null, p); } catch (e) { console.log(e.constructor.name); }
try { sub(p, undefined); } catch (e) { console.log(e.constructor.name); }
const w = { valueOf() { console.log('valueOf'); return 4; } };
console.log(sub({ x: w }, { x: 1 }), sub({ x: 2n }, { x: 1n }));
try { sub({ x: 2n }, { x: 1 }); } catch (e) { console.log(e.constructor.name); }
