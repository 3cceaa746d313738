// A promise rejected inside a timer callback with no handler ends the process (exit 1) after
// that callback's microtasks ran; later timers never run.
// expect exit 1
setTimeout(() => {
  console.log('timer 1');
  Promise.reject(new Error('nobody handles this'));
  Promise.resolve().then(() => console.log('microtask still runs'));
}, 10);
setTimeout(() => console.log('timer 2 never runs'), 20);
