// Promise.all over already-fulfilled promises still needs ticks: one per element reaction, then the combined
// promise's reaction. The ticker shows exactly when the result arrives; a non-promise input costs the same.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 4) Promise.resolve().then(tick); };
Promise.resolve().then(tick);
Promise.all([Promise.resolve(1), Promise.resolve(2)]).then((v) => console.log('  all promises', v));
Promise.all([1, 2]).then((v) => console.log('  all plain values', v));
Promise.all([]).then((v) => console.log('  all empty', v));
