// A thenable whose then resolves and then throws: the throw is ignored because the
// resolving functions are already used ([[AlreadyResolved]]).
const thenable = { then(resolve, reject) { resolve('first'); reject('second'); throw new Error('third'); } };
Promise.resolve(thenable).then(
  (v) => console.log('fulfilled with', v),
  (e) => console.log('rejected with', e),
);
const bad = { then() { throw new Error('boom'); } };
Promise.resolve(bad).catch((e) => console.log('thenable threw:', e.message));
