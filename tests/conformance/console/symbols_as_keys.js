// Symbols print as Symbol(desc); symbol-keyed properties appear after string keys as [Symbol(desc)]: value;
// well-known symbols print as Symbol(Symbol.iterator).
const s = Symbol('secret');
console.log(s, Symbol(), Symbol.iterator, Symbol.for('registered'));
console.log({ visible: 1, [s]: 'hidden from keys but shown here', [Symbol()]: 2, [Symbol.iterator]: null });
console.log([s, Symbol('in array')], { nested: { [s]: [s] } });
