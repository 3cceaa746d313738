// .then(undefined) and .catch on a fulfilled promise still take a tick each: the default handlers pass the
// value (or throw the reason) along. Chain X goes through two pass-through steps, chain Y through none.
Promise.resolve('x')
  .then(undefined)
  .catch(() => console.log('never'))
  .then((v) => console.log('X got', v));
Promise.resolve('y')
  .then((v) => console.log('Y1', v))
  .then(() => console.log('Y2'))
  .then(() => console.log('Y3'));
Promise.reject('r').then((v) => console.log('never', v)).then(null, (e) => console.log('Z caught', e));
