// finally on a rejected promise runs its callback (no argument) and re-throws the original reason; a throw
// inside the callback replaces it, and a rejected promise returned from it replaces it too.
Promise.reject(new Error('original'))
  .finally((...args) => console.log('finally got', args.length, 'arguments'))
  .catch((e) => console.log('1:', e.message));
Promise.reject(new Error('original'))
  .finally(() => { throw new Error('from finally'); })
  .catch((e) => console.log('2:', e.message));
Promise.resolve('ok')
  .finally(() => Promise.reject(new Error('returned rejection')))
  .then((v) => console.log('3 fulfilled?!', v), (e) => console.log('3:', e.message));
