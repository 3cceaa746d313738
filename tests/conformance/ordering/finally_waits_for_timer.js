// A finally callback returning a pending promise delays the chain until it settles; the
// original value then passes through.
const log = [];
const start = Promise.resolve('original');
start
  .finally(() => new Promise((r) => setTimeout(() => { log.push('cleanup done'); r('cleanup value'); }, 20)))
  .then((v) => { log.push('then got ' + v); console.log(log.join(' | ')); });
setTimeout(() => log.push('timer 10'), 10);
setTimeout(() => log.push('timer 40'), 40);
setTimeout(() => console.log('end', log.length), 60);
