// Returning a promise from a then handler adopts it through NewPromiseResolveThenableJob:
// two extra ticks compared with returning a plain value, so 'value' overtakes 'promise'.
const log = [];
Promise.resolve().then(() => Promise.resolve('x')).then(() => log.push('promise'));
Promise.resolve().then(() => 'x').then(() => log.push('value'));
let t = 0;
function tick() { if (t++ < 5) { log.push('tick' + t); return Promise.resolve().then(tick); } }
tick();
setTimeout(() => console.log(log.join(' ')), 0);
