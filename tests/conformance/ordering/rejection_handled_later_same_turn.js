// A rejection that gets a handler later in the same turn (a few microtasks later) is not reported:
// the check happens only after the microtask queue drains. Exit code 0.
const p = Promise.reject(new Error('handled late'));
Promise.resolve()
  .then(() => console.log('tick 1: still unhandled'))
  .then(() => console.log('tick 2: still unhandled'))
  .then(() => p.catch((e) => console.log('caught:', e.message)));
setTimeout(() => console.log('timer: exit code stays 0'), 5);
