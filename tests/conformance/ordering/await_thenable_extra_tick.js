// await of a thenable costs an extra tick: PromiseResolve wraps it, NewPromiseResolveThenableJob calls its then
// one tick later, then the await reaction runs. Compare with the await of a native promise.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 4) Promise.resolve().then(tick); };
Promise.resolve().then(tick);
const thenable = { then(r) { console.log('  thenable.then called'); r('T'); } };
(async () => { const v = await thenable; console.log('resumed after await thenable:', v); })();
(async () => { const v = await Promise.resolve('N'); console.log('resumed after await native:', v); })();
