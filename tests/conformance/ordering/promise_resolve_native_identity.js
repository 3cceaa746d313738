// Promise.resolve(p) returns p itself when p is a native promise with the same constructor: no wrapping, no
// extra ticks. new Promise(r => r(p)) is a different object and settles 2 ticks later.
const p = Promise.resolve(1);
console.log(Promise.resolve(p) === p);
const wrapped = new Promise((r) => r(p));
console.log(wrapped === p);
wrapped.then(() => console.log('wrapped (2 ticks later)'));
Promise.resolve(p).then(() => console.log('Promise.resolve(p) (first tick)'));
p.then(() => console.log('p (first tick)')).then(() => console.log('tick 2')).then(() => console.log('tick 3'));
