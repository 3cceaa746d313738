// Resolving with a thenable that calls resolve synchronously still costs one job
// (NewPromiseResolveThenableJob) before the promise settles; its then is looked up at resolve time.
const log = [];
const thenable = {
  get then() { log.push('get then'); return (res) => { log.push('then called'); res('T'); }; },
};
const p = new Promise((resolve) => { resolve(thenable); log.push('after resolve'); });
p.then((v) => log.push('settled ' + v));
Promise.resolve().then(() => log.push('m1')).then(() => log.push('m2')).then(() => log.push('m3'));
log.push('sync end');
setTimeout(() => console.log(log.join('\n')), 0);
