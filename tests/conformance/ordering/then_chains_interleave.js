// Two .then chains started in the same turn interleave one step per microtask tick: a1 b1 a2 b2 a3 b3.
// Each callback's return fulfills the next promise, which queues the next reaction behind the other chain's.
Promise.resolve()
  .then(() => console.log('a1'))
  .then(() => console.log('a2'))
  .then(() => console.log('a3'));
Promise.resolve()
  .then(() => console.log('b1'))
  .then(() => console.log('b2'))
  .then(() => console.log('b3'));
console.log('sync');
