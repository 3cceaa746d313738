// Symbols print as Symbol(description); as keys they appear in brackets after string keys;
// well-known and registered symbols look the same as others.
const s = Symbol('tag');
console.log(s, Symbol(), Symbol(''), Symbol.iterator, Symbol.for('reg'));
console.log([s, Symbol.asyncIterator]);
const o = { plain: 1, [s]: 'sym value', [Symbol()]: 'anon', [Symbol.toPrimitive]: 2 };
console.log(o);
console.log(Object.getOwnPropertySymbols(o).length, s.description, Symbol().description);
console.log(String(s), s.toString(), typeof s);
const hidden = {};
Object.defineProperty(hidden, Symbol('hidden'), { value: 1, enumerable: false });
console.log(hidden);
