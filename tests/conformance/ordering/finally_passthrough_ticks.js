// finally passes the original value (or reason) through, ignoring the callback's return value, but costs
// extra ticks: thenFinally calls PromiseResolve on the callback's result and chains on it (2 ticks more than .then).
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 5) Promise.resolve().then(tick); };
Promise.resolve().then(tick);
Promise.resolve('value')
  .finally(() => { console.log('  finally callback'); return 'ignored'; })
  .then((v) => console.log('  after finally:', v));
Promise.resolve('value')
  .then((v) => v)
  .then((v) => console.log('  after plain then:', v));
