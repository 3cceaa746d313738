// Map and Set: insertion order, SameValueZero keys (NaN equals NaN, -0 is +0), object keys by identity,
// iteration APIs, and conversions; WeakMap basics.
const m = new Map([['a', 1]]);
m.set(NaN, 'nan').set(-0, 'zero').set('a', 'overwritten keeps position');
const objKey = {};
m.set(objKey, 'by identity');
console.log(m.get(NaN), m.get(0), m.get({}), m.get(objKey), m.size);
console.log([...m.keys()], [...m.values()].length);
m.delete(NaN);
for (const [k, v] of m) console.log('entry', typeof k, v);
const s = new Set([3, 1, 3, 2, 1]);
s.add(1).add(4);
console.log([...s], s.has(2), s.size, [...s.entries()][0]);
s.forEach((v, v2, set) => { if (v === 3) console.log('forEach value twice:', v, v2, set === s); });
const wm = new WeakMap();
wm.set(objKey, 42);
console.log(wm.get(objKey), wm.has({}));
console.log(Object.fromEntries(new Map([['x', 1], ['y', 2]])), new Map(Object.entries({ p: 1 })).get('p'));
