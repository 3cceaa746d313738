// Each interval callback is its own macrotask: the microtasks it queues run before the next
// timer callback, and the interval stops itself on the third run.
let n = 0;
const id = setInterval(() => {
  n++;
  console.log('interval', n);
  Promise.resolve().then(() => console.log('  microtask of run', n));
  if (n === 3) clearInterval(id);
}, 30);
setTimeout(() => console.log('timeout 75'), 75);
