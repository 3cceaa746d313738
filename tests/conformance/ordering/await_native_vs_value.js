// await of a native promise and await of a plain value both take exactly 1 tick (ES2019+ Await uses
// PromiseResolve, which does not wrap a native promise). Both resume right after 'tick 1'.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 3) Promise.resolve().then(tick); };
Promise.resolve().then(tick);
(async () => { await Promise.resolve('p'); console.log('resumed after await promise'); })();
(async () => { await 42; console.log('resumed after await 42'); })();
(async () => { await undefined; console.log('resumed after await undefined'); })();
console.log('sync done');
