// finally costs more ticks than then: thenFinally calls PromiseResolve on the callback's result
// and chains a then on it, so a plain then chain overtakes it.
const log = [];
Promise.resolve('v').finally(() => log.push('finally cb')).then(() => log.push('after finally'));
Promise.resolve('v').then(() => log.push('then cb')).then(() => log.push('after then'));
Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3')).then(() => log.push('t4')).then(() => log.push('t5'));
setTimeout(() => console.log(log.join(' ')), 0);
