// Seed "Async & concurrency", gotchas: an async function runs synchronously until its first await, and
// always returns a Promise, even for `return 42`.
async function foo() { console.log("a"); console.log("b"); }
async function answer() { return 42; }
console.log('before foo');
const p = foo();
console.log('after foo', p);
const q = answer();
console.log(q, q instanceof Promise);
q.then(v => console.log('answer is', v));
