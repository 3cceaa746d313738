// Two .then chains started in the same turn interleave one link per tick: each link is one
// microtask, so the logs alternate a1 b1 a2 b2 ... and a third chain started a tick later lags.
const log = [];
Promise.resolve().then(() => log.push('a1')).then(() => log.push('a2')).then(() => log.push('a3'));
Promise.resolve().then(() => log.push('b1')).then(() => log.push('b2')).then(() => log.push('b3'));
Promise.resolve().then(() => {
  log.push('c0');
  Promise.resolve().then(() => log.push('c1')).then(() => log.push('c2'));
});
setTimeout(() => console.log(log.join(' ')), 0);
