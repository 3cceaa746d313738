// Seed "Async & concurrency", gotcha: async/await is sugar over .then(). The same three steps written both
// ways give the same results; run side by side, each await step and each .then step takes one tick.
const step = (label, v) => { console.log(label, v); return v + 1; };
async function withAwait(v) {
  v = step('await 1', await v);
  v = step('await 2', await v);
  return step('await 3', await v);
}
function withThen(v) {
  return Promise.resolve(v)
    .then((x) => step('then 1', x))
    .then((x) => step('then 2', x))
    .then((x) => step('then 3', x));
}
Promise.all([withAwait(10), withThen(20)]).then((r) => console.log('results', r));
