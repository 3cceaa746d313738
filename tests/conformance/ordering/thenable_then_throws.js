// A thenable whose then throws rejects the promise with the thrown value, unless it already called resolve,
// in which case the throw is ignored.
const bad = { then() { throw new Error('then exploded'); } };
const okThenThrow = { then(resolve) { resolve('resolved first'); throw new Error('ignored'); } };
Promise.resolve(bad).then(
  (v) => console.log('bad fulfilled?!', v),
  (e) => console.log('bad rejected:', e.message));
Promise.resolve(okThenThrow).then(
  (v) => console.log('okThenThrow fulfilled:', v),
  (e) => console.log('okThenThrow rejected?!', e.message));
