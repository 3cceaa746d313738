// An interval that clears itself after 3 runs: microtasks queued by each run drain before the next timer,
// a timeout due between runs 1 and 2 (at 40 ms) is interleaved by deadline, and nothing runs after the clear.
let runs = 0;
const id = setInterval(() => {
  runs++;
  console.log('interval run', runs);
  Promise.resolve().then(() => console.log('  microtask after run', runs));
  if (runs === 3) {
    clearInterval(id);
    console.log('  cleared');
    setTimeout(() => console.log('25 ms after the clear: still', runs, 'runs'), 25);
  }
}, 30);
setTimeout(() => console.log('timeout at 40 ms'), 40);
