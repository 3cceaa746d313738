// queueMicrotask callbacks and promise reactions share one FIFO queue.
const log = [];
queueMicrotask(() => log.push('q1'));
Promise.resolve().then(() => log.push('p1'));
queueMicrotask(() => {
  log.push('q2');
  queueMicrotask(() => log.push('q2-inner'));
  Promise.resolve().then(() => log.push('p2-inner'));
});
Promise.resolve().then(() => log.push('p2'));
setTimeout(() => console.log(log.join(' ')), 0);
