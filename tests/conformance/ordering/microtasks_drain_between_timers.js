// After each timer callback, all microtasks drain before the next timer runs, even when both timers are
// due at the same time.
setTimeout(() => {
  console.log('timer A');
  Promise.resolve().then(() => console.log('  microtask from A'))
    .then(() => console.log('  second microtask from A'));
  queueMicrotask(() => console.log('  queueMicrotask from A'));
}, 5);
setTimeout(() => {
  console.log('timer B');
  Promise.resolve().then(() => console.log('  microtask from B'));
}, 5);
