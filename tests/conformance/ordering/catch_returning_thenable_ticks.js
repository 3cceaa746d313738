// A catch handler that returns a thenable delays the chain by the thenable job plus the
// thenable's own resolution.
const log = [];
Promise.reject('e')
  .catch(() => ({ then(r) { log.push('thenable.then'); r('recovered'); } }))
  .then((v) => log.push(v));
Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3')).then(() => log.push('t4'));
setTimeout(() => console.log(log.join(' ')), 0);
