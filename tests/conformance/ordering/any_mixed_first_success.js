// Promise.any ignores rejections until one input fulfills: a fast rejection, a thenable and a timer.
// The thenable fulfills on an early tick, before the timer.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const thenable = { then(r) { r('thenable') } };
Promise.any([Promise.reject(new Error('x')), delay(5, 'timer'), thenable]).then((v) => console.log('any:', v));
Promise.any([Promise.reject(new Error('x')), delay(5, 'timer')]).then((v) => console.log('any without thenable:', v));
