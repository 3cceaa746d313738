// Promise.resolve returns a native promise unchanged (it reads its constructor once) but wraps
// a thenable, whose then getter is read once when the new promise is resolved.
const p = Promise.resolve(1);
console.log(Promise.resolve(p) === p);
let reads = 0;
const thenable = { get then() { reads++; return (r) => r('from thenable'); } };
const wrapped = Promise.resolve(thenable);
console.log(wrapped === thenable, 'then reads:', reads);
wrapped.then((v) => console.log(v, 'then reads:', reads));
