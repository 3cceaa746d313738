// Symbols: uniqueness, descriptions, Symbol.for registry, symbol keys hidden from keys/JSON; a custom iterable
// via Symbol.iterator consumed by for-of, spread and destructuring, with return() on early exit.
const s1 = Symbol('id'), s2 = Symbol('id');
console.log(s1 === s2, s1.description, s1.toString(), Symbol.for('app') === Symbol.for('app'), Symbol.keyFor(Symbol.for('app')));
const o = { [s1]: 'secret', visible: 1 };
console.log(Object.keys(o), JSON.stringify(o), Object.getOwnPropertySymbols(o).length, o[s1]);
class Range {
  constructor(from, to) { this.from = from; this.to = to; }
  [Symbol.iterator]() {
    let cur = this.from; const to = this.to;
    return {
      next: () => (cur <= to ? { value: cur++, done: false } : { value: undefined, done: true }),
      return: () => { console.log('  iterator closed early'); return { done: true }; },
    };
  }
}
console.log([...new Range(1, 4)]);
for (const n of new Range(1, 10)) { if (n === 2) break; console.log('got', n); }
const [first, second] = new Range(5, 9);
console.log(first, second);
