// Promise.all rejects as soon as one input rejects; the other inputs keep running and
// their later settlements are ignored by all.
const later = (v, ms, fail) => new Promise((res, rej) => setTimeout(() => {
  console.log('settle', v);
  (fail ? rej : res)(v);
}, ms));
Promise.all([later('a', 20), later('b', 40, true), later('c', 60)])
  .then((v) => console.log('resolved', v), (e) => console.log('rejected with', e));
