// A promise returned from a finally callback is waited for (here a 10 ms timer) before the original value
// passes through; a timer scheduled in the meantime runs first.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
Promise.resolve('kept')
  .finally(() => { console.log('finally starts waiting'); return delay(10).then(() => 'discarded'); })
  .then((v) => console.log('then got', v));
setTimeout(() => console.log('5 ms timer'), 5);
