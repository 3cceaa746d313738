// Runaway recursion throws a catchable RangeError (through plain calls, methods, getters,
// constructors and callbacks of builtins); the program goes on normally afterwards.
function check(label, fn) {
  try {
    fn();
    console.log(label, 'returned');
  } catch (e) {
    console.log(label, e instanceof RangeError, e.name, e.message);
  }
}
check('plain', function f() { f(); });
check('mutual', () => { const a = () => b(); const b = () => a(); a(); });
check('method', () => { const o = { m() { return this.m(); } }; o.m(); });
check('getter', () => { const o = { get x() { return this.x; } }; return o.x; });
check('constructor', () => { class C { constructor() { new C(); } } new C(); });
check('builtin callback', () => { const f = () => [1].map(f); f(); });
check('toString', () => { const o = { toString() { return `${o}`; } }; String(o); });
let depth = 0;
function measured() { depth++; measured(); }
try { measured(); } catch (e) { console.log('deep enough:', depth > 1000); }
function sum(n) { return n === 0 ? 0 : n + sum(n - 1); }
console.log('moderate recursion still works:', sum(5000));
