// A promise rejected inside a timer callback with no handler is reported after that callback's microtasks
// drain; the process exits 1 before the next timer.
// expect exit 1
setTimeout(() => {
  console.log('timer 1');
  Promise.reject(new Error('rejected in timer 1'));
  queueMicrotask(() => console.log('timer 1 microtask'));
}, 5);
setTimeout(() => console.log('timer 2 never runs'), 10);
