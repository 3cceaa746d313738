// Seed "all vs allSettled", mistake 4: passing non-promise values. 1 and 'hello' are treated as
// Promise.resolve(1) / Promise.resolve('hello'); fetch is replaced by a timer-based fake.
const fetch = (url) => new Promise(resolve => setTimeout(() => resolve({ url, status: 200 }), 5));

// Works, but mixing types hides intent
Promise.all([1, 'hello', fetch('/api/data')]).then(v => console.log('all:', v));
Promise.allSettled([1, 'hello', fetch('/api/data')]).then(v => console.log('allSettled:', v));
