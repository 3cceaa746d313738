// Promise.reject does not unwrap: the reason is the promise object itself, while
// Promise.resolve adopts the promise's state.
const inner = Promise.resolve(42);
Promise.reject(inner).catch((r) => {
  console.log('reason is the promise:', r === inner);
  return r;
}).then((v) => console.log('returned from catch, adopted:', v));
Promise.resolve(Promise.reject(new Error('adopted rejection'))).catch((e) => console.log(e.message));
