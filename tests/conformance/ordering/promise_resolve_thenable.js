// Promise.resolve(thenable) does not call then synchronously: a NewPromiseResolveThenableJob calls it on
// the next tick, and the result reaches .then one tick after the thenable calls resolve.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 4) Promise.resolve().then(tick); };
const thenable = {
  then(resolve, reject) {
    console.log('thenable.then called, resolve is a', typeof resolve);
    resolve('from thenable');
  },
};
const p = Promise.resolve(thenable);
console.log('sync: after Promise.resolve(thenable)');
p.then((v) => console.log('got', v));
Promise.resolve().then(tick);
