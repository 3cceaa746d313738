// Two timers due at the same moment: the microtasks queued by the first (even a chain of them)
// all run before the second timer's callback.
setTimeout(() => {
  console.log('timer 1');
  Promise.resolve().then(() => console.log('  then 1')).then(() => console.log('  then 2'));
  queueMicrotask(() => console.log('  microtask'));
}, 5);
setTimeout(() => console.log('timer 2'), 5);
