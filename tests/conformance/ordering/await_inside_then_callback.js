// A .then callback that is an async function returns a promise, so the chain waits for it (plus the 2-tick
// cost of resolving with a promise); a sibling chain keeps going meanwhile.
Promise.resolve()
  .then(async () => { console.log('A1 start'); await null; console.log('A1 after await'); return 'A'; })
  .then((v) => console.log('A2 got', v));
Promise.resolve()
  .then(() => console.log('B1'))
  .then(() => console.log('B2'))
  .then(() => console.log('B3'))
  .then(() => console.log('B4'))
  .then(() => console.log('B5'));
