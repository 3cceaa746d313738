// Seed "all vs allSettled", senior question: polyfill allSettled by wrapping each promise with
// .then(value => ...).catch(reason => ...) and passing the wrappers to Promise.all.
function allSettledPolyfill(promises) {
  return Promise.all(promises.map(p => Promise.resolve(p)
    .then(value => ({ status: 'fulfilled', value }))
    .catch(reason => ({ status: 'rejected', reason }))));
}
const delay = (ms, v) => new Promise(resolve => setTimeout(() => resolve(v), ms));
const input = () => [delay(10, 'a'), Promise.reject('b failed'), 'c'];

allSettledPolyfill(input()).then(r => {
  console.log('polyfill', r);
  return Promise.allSettled(input());
}).then(r => {
  console.log('native  ', r);
});
