// Promise.all with a timer-backed promise, a plain value, a thenable and a resolved promise: the result keeps
// input order; the combined promise fulfills only when the 5 ms timer does.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const thenable = { then(res) { console.log('thenable.then called'); res('thenable'); } };
Promise.all([delay(5, 'timer'), 'plain', thenable, Promise.resolve('resolved')])
  .then((values) => console.log('all:', values));
console.log('sync end');
