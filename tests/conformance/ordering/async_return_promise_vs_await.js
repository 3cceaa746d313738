// `return p` in an async function resolves the function's promise with p: 2 extra ticks, 3 in all before a
// .then on the result runs. `return await p` takes 1 tick to resume plus 1 for the result: 2. Plain value: 1.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 5) Promise.resolve().then(tick); };
const p = Promise.resolve('x');
async function returnsValue() { return 'x'; }
async function returnsPromise() { return p; }
async function returnsAwait() { return await p; }
Promise.resolve().then(tick);
returnsPromise().then(() => console.log('  return p'));
returnsAwait().then(() => console.log('  return await p'));
returnsValue().then(() => console.log('  return value'));
