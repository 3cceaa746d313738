// An interval that clears itself after 3 runs: microtasks queued by each run drain before the next timer,
// and a timeout due between runs 2 and 3 (at 25 ms) is interleaved by deadline.
let runs = 0;
const id = setInterval(() => {
  runs++;
  console.log('interval run', runs);
  Promise.resolve().then(() => console.log('  microtask after run', runs));
  if (runs === 3) { clearInterval(id); console.log('  cleared'); }
}, 10);
setTimeout(() => console.log('timeout at 25 ms'), 25);
setTimeout(() => console.log('timeout at 50 ms: interval is gone, runs =', runs), 50);
