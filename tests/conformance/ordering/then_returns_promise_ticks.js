// A .then callback that returns a promise delays the chain by 2 extra ticks compared with returning a value.
// Chain A returns a plain value, chain B returns Promise.resolve(value); B's next step lands 2 ticks later.
Promise.resolve()
  .then(() => { console.log('A1'); return 'a'; })
  .then((v) => console.log('A2 got', v))
  .then(() => console.log('A3'))
  .then(() => console.log('A4'))
  .then(() => console.log('A5'));
Promise.resolve()
  .then(() => { console.log('B1'); return Promise.resolve('b'); })
  .then((v) => console.log('B2 got', v));
