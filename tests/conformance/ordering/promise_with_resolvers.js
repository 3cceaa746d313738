// Promise.withResolvers() (ES2024) returns { promise, resolve, reject }; resolve is one-shot and can be called later from a timer.
// differs from node: node 20 has no Promise.withResolvers (added in node 22), so node 20 throws a TypeError on line 3.
const { promise, resolve, reject } = Promise.withResolvers();
console.log(Object.keys(Promise.withResolvers()), promise);
promise.then((v) => console.log('resolved with', v));
setTimeout(() => { resolve('from a timer'); reject(new Error('ignored')); }, 5);
const r2 = Promise.withResolvers();
r2.reject(new Error('early'));
r2.promise.catch((e) => console.log('caught', e.message));
