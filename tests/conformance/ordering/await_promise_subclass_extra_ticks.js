// await of a promise whose constructor is not %Promise% (a subclass instance) is wrapped by PromiseResolve,
// so it costs the thenable path's 2 extra ticks; a native promise resumes after 1.
class MyPromise extends Promise {}
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 4) Promise.resolve().then(tick); };
Promise.resolve().then(tick);
(async () => { await MyPromise.resolve('sub'); console.log('resumed after await subclass promise'); })();
(async () => { await Promise.resolve('native'); console.log('resumed after await native promise'); })();
