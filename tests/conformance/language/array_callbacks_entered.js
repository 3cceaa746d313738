// Array callbacks and comparators called once per element: arguments beyond the parameters, the array
// argument, a comparator reassigning its parameters, throwing mid-way, and side effects between calls.
const nums = [5, 3, 8, 1];
console.log(nums.map((v, i, arr) => v * i + arr.length), nums.filter(function (v) { return v > 2 && this.ok; }, { ok: true }));
console.log(nums.reduce((acc, v, i, arr) => acc + v * i + (arr === nums ? 1 : 0), 0), nums.reduce((acc, v) => ({ s: acc.s + v }), { s: 0 }).s);
console.log(nums.map(function () { return arguments.length; }), nums.map((v) => { let t; t = t === undefined ? v : 0; return t; }));
const objs = [];
for (let j = 0; j < 40; j++) objs.push({ key: (j * 7) % 5, id: j });
let seen = 0;
const sorted = objs.slice().sort((p, q) => { seen++; const d = p.key - q.key; p = q; return d || q.id - p.id; });
console.log(sorted.map((o) => o.key + ':' + o.id).join(' '), seen > 0);
console.log(objs.slice().sort((p, q) => p.key - q.key || q.id - p.id).map((o) => o.id).join(','));
const same = { v: 1 };
console.log([same, same, { v: 0 }, same].sort((a, b) => a.v - b.v).map((o) => o.v).join(','));
let count = 0;
try {
  objs.slice().sort((p, q) => { if (++count === 30) throw new Error('stop at ' + count); return p.id - q.id; });
} catch (e) { console.log(e.message); }
try { nums.map((v) => { if (v === 8) throw new TypeError('eight'); return v; }); } catch (e) { console.log(e.name, e.message); }
const grow = [1, 2, 3];
console.log(grow.map((v, i, arr) => { if (i === 0) { arr.push(99); arr[2] = 30; } return v; }), grow);
const holes = [1, , 3];
Object.prototype[1] = 'proto';
console.log(holes.map((v) => v), holes.filter(() => true));
delete Object.prototype[1];
const arr = [3, 1, 2];
Object.defineProperty(arr, 1, { get() { return 7; } });
console.log(arr.map((v) => v * 2), arr.reduce((a, v) => a + v));
console.log([3, 1, 2].sort((a, b) => ({ valueOf() { return a - b; } })));
