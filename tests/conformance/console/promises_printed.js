// Promises print their state: Promise { <pending> }, Promise { value }, Promise { <rejected> reason };
// an async function's result while it awaits is pending.
const pending = new Promise(() => {});
const fulfilled = Promise.resolve({ a: 1 });
const rejected = Promise.reject('reason string');
rejected.catch(() => {});
async function f() { await null; return 'done'; }
const r = f();
console.log(pending, fulfilled, rejected, r);
setTimeout(() => console.log(r, [Promise.resolve(1)], { p: Promise.resolve(undefined) }), 0);
