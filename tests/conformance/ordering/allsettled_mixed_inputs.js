// Promise.allSettled over a rejected promise, a plain value, a rejecting thenable and a timer: it never rejects
// and reports each outcome in input order.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const badThenable = { then(_, reject) { reject('thenable said no'); } };
Promise.allSettled([Promise.reject('rejected'), 7, badThenable, delay(5, 'timer')])
  .then((results) => console.log(results));
