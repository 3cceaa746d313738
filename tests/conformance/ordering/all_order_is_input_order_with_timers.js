// Promise.all resolves with values in input order, not completion order, once the slowest
// input settles; plain values count as already resolved.
const later = (v, ms) => new Promise((r) => setTimeout(() => { console.log('settled', v); r(v); }, ms));
Promise.all([later('slow', 60), 'plain', later('fast', 20), Promise.resolve('ready')])
  .then((values) => console.log('all:', values.join(',')));
setTimeout(() => console.log('timer at 40'), 40);
