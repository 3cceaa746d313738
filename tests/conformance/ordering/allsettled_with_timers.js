// allSettled waits for every input, fulfilled or rejected, and reports them in input order.
const later = (v, ms, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej : res)(v), ms));
Promise.allSettled([later('x', 70), later('y', 20, true), 'z'])
  .then((rs) => rs.forEach((r) => console.log(r.status, r.value !== undefined ? r.value : r.reason)));
setTimeout(() => console.log('45 ms'), 45);
