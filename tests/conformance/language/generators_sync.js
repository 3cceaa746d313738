// Sync generators: lazy evaluation, values passed in through next(v), return() running finally blocks,
// throw() into a generator, yield* delegation (and its return value), and an infinite generator taken lazily.
function* counter() {
  try {
    const got = yield 1;
    console.log('  received', got);
    yield 2;
    yield 3;
  } finally {
    console.log('  finally in counter');
  }
}
const g = counter();
console.log(g.next('ignored'), g.next('hello'), g.return('early'), g.next());
function* inner() { yield 'a'; yield 'b'; return 'inner result'; }
function* outer() { const r = yield* inner(); yield r; yield* [1, 2]; }
console.log([...outer()]);
function* naturals() { let n = 0; while (true) yield n++; }
const firstFive = [];
for (const n of naturals()) { if (n >= 5) break; firstFive.push(n); }
console.log(firstFive);
const t = counter(); t.next();
try { t.throw(new Error('thrown in')); } catch (e) { console.log('caught outside:', e.message); }
console.log(t.next(), Object.prototype.toString.call(t), typeof t[Symbol.iterator]);
