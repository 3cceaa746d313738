// Resolving a promise with a native promise costs 2 extra ticks: a NewPromiseResolveThenableJob calls
// inner.then, and only that reaction resolves the outer promise. The ticker shows when 'outer' fires.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 5) Promise.resolve().then(tick); };
const inner = Promise.resolve('inner');
new Promise((resolve) => resolve(inner)).then((v) => console.log('outer resolved with', v));
inner.then(() => console.log('direct then on inner'));
Promise.resolve().then(tick);
