// Own property order: integer-like keys ascending first, then string keys in insertion order, then symbols;
// the same order is used by keys, JSON.stringify, for-in, Object.entries and spread.
const o = { b: 1, 2: 'two', a: 2, 1: 'one', [Symbol('s')]: 3, '-1': 'neg', '01': 'lead', 10: 'ten' };
o.c = 4;
o[0] = 'zero';
console.log(Object.keys(o));
console.log(JSON.stringify(o));
const seen = []; for (const k in o) seen.push(k);
console.log(seen.join(','), Reflect.ownKeys(o).length);
delete o.b; o.b = 'readded';
console.log(Object.entries(o).map(([k]) => k).join(','));
console.log(Object.keys(['x', 'y']), Object.keys('ab'), Object.assign({}, { z: 1 }, { a: 2 }, { z: 3 }));
