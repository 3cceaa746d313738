// Promise.all rejects with the first rejection in time, not in input order, and ignores later ones;
// the other inputs keep running and their timers still fire.
const later = (ms, ok, v) => new Promise((res, rej) => setTimeout(() => { console.log('settling', v); ok ? res(v) : rej(new Error(v)); }, ms));
Promise.all([later(60, false, 'slow failure'), later(10, false, 'fast failure'), later(35, true, 'success')])
  .then((v) => console.log('fulfilled?!', v))
  .catch((e) => console.log('all rejected with:', e.message));
