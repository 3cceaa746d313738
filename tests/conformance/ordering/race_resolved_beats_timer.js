// race settles with the first input to settle; an already resolved input wins over any timer,
// but still only after a microtask tick.
const timer = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.race([timer('timer', 1), Promise.resolve('resolved')]).then((v) => console.log('race 1:', v));
Promise.race([timer('t50', 50), timer('t20', 20)]).then((v) => console.log('race 2:', v));
Promise.race([Promise.reject(new Error('first')), Promise.resolve('second')])
  .catch((e) => console.log('race 3 rejected:', e.message));
console.log('sync');
