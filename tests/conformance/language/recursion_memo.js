// Recursion: naive vs memoized fibonacci (closure over a Map), mutual recursion, deep recursion (3000 frames),
// and tail-recursive style not needing TCO at this depth.
const memo = new Map();
function fib(n) { if (n < 2) return n; if (memo.has(n)) return memo.get(n); const v = fib(n - 1) + fib(n - 2); memo.set(n, v); return v; }
function slowFib(n) { return n < 2 ? n : slowFib(n - 1) + slowFib(n - 2); }
console.log(slowFib(20), fib(90), fib(78) === 8944394323791464);
const isEven = (n) => (n === 0 ? true : isOdd(n - 1));
const isOdd = (n) => (n === 0 ? false : isEven(n - 1));
console.log(isEven(100), isOdd(7));
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(3000));
function sumTo(n, acc = 0) { return n === 0 ? acc : sumTo(n - 1, acc + n); }
console.log(sumTo(5000));
const flatten = (x) => (Array.isArray(x) ? x.flatMap(flatten) : [x]);
console.log(flatten([1, [2, [3, [4, [5]]]], 6]));
