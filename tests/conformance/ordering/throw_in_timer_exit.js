// A throw inside a timer callback is an uncaught exception: Node prints it to stderr and exits 1;
// microtasks already queued do not run, nor do later timers.
// expect exit 1
setTimeout(() => console.log('timer at 1 ms runs'), 1);
setTimeout(() => {
  console.log('timer at 5 ms throws');
  Promise.resolve().then(() => console.log('never: microtask queued before the throw'));
  throw new Error('boom');
}, 5);
setTimeout(() => console.log('never: timer at 10 ms'), 10);
