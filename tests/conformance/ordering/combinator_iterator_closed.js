// When Promise.all's iteration completes abruptly (here the resolve function throws on the 2nd element), it
// closes the iterator (calls return) and rejects; when the iterator itself throws, return is not called.
const iterable = (label, throwAt) => ({
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() { i++; if (i === throwAt) throw new Error(`${label}: next threw`); return { value: i, done: i > 3 }; },
      return() { console.log(`${label}: iterator closed at ${i}`); return {}; },
    };
  },
});
class Fussy extends Promise {
  static resolve(v) { if (v === 2) throw new Error('resolve threw on 2'); return super.resolve(v); }
}
Fussy.all(iterable('A', 0)).catch((e) => console.log('A rejected:', e.message));
Promise.all(iterable('B', 2)).catch((e) => console.log('B rejected:', e.message));
Promise.all(iterable('C', 0)).then((v) => console.log('C fulfilled:', v));
