// Resolving with an already rejected promise takes the same two extra ticks as a fulfilled
// one before the rejection handler runs.
const log = [];
new Promise((r) => r(Promise.reject(new Error('x')))).catch(() => log.push('adopted rejection'));
Promise.reject(new Error('y')).catch(() => log.push('direct rejection'));
Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3'));
setTimeout(() => console.log(log.join(' ')), 0);
