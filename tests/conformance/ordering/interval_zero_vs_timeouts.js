// setInterval(…, 0) is clamped to 1 ms like setTimeout(…, 0): its first run takes its place among the 0 ms
// timeouts by insertion order; it re-arms after its callback, so a 0 ms timeout created inside run 1 runs
// before run 2; microtasks from every run drain before the next timer.
let runs = 0;
setTimeout(() => console.log('timeout A (0 ms, registered before the interval)'), 0);
const id = setInterval(() => {
  runs++;
  console.log('interval run', runs);
  queueMicrotask(() => console.log('  microtask of run', runs));
  if (runs === 1) setTimeout(() => console.log('timeout B (0 ms, created inside run 1)'), 0);
  if (runs === 3) clearInterval(id);
}, 0);
Promise.resolve().then(() => console.log('promise before any timer'));
setTimeout(() => console.log('timeout C (100 ms), after the interval is cleared'), 100);
