// then on already settled promises queues the reaction at once, so reactions run in the order
// the then calls were made, whatever order the promises settled in.
const a = Promise.resolve('a');
const b = Promise.reject('b');
const c = new Promise((r) => r('c'));
c.then((v) => console.log(v));
b.catch((v) => console.log(v));
a.then((v) => console.log(v));
b.then(null, (v) => console.log(v + ' again'));
