// Seed "Async & concurrency", gotchas: Promise.resolve().then(...) runs before setTimeout(..., 0), and
// setTimeout(fn, 0) runs only after the current code and all pending microtasks.
setTimeout(() => console.log('4. setTimeout 0'), 0);
Promise.resolve().then(() => console.log('2. promise callback'));
queueMicrotask(() => console.log('3. queueMicrotask'));
console.log('1. synchronous code');
