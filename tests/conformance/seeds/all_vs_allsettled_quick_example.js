// Seed "difference between promise.all and promise.allsettled", quick example: all bails on p2 ('DB error'),
// allSettled waits 10 ms for p3 and reports all three. The 'all:' line comes first: it needs no timer.
const p1 = Promise.resolve('user data');
const p2 = Promise.reject('DB error');
const p3 = new Promise(resolve => setTimeout(() => resolve('cache data'), 10));
// Bails on p2, p3 result is discarded
Promise.all([p1, p2, p3]).catch(err => console.log('all:', err));
// Waits for all three, always resolves
Promise.allSettled([p1, p2, p3]).then(results => console.log(results));
