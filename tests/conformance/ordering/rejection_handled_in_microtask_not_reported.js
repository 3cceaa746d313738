// A rejection that gets a handler later in the same microtask drain is not reported, even
// if the handler is attached a few ticks later.
const p = Promise.reject(new Error('late handled'));
Promise.resolve()
  .then(() => {})
  .then(() => {})
  .then(() => p.catch((e) => console.log('handled:', e.message)));
setTimeout(() => console.log('process still alive'), 10);
