// Chaining async steps with reduce and a promise accumulator runs them strictly in sequence; an async reducer
// would also be sequential because each step awaits the previous accumulator.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const steps = [['fetch', 10], ['parse', 2], ['save', 5]];
steps.reduce((p, [name, ms]) => p.then(async (log) => {
  console.log('  start', name);
  await delay(ms);
  return [...log, name];
}), Promise.resolve([]))
  .then((log) => console.log('done in order:', log))
  .then(() => [1, 2, 3].reduce(async (accP, x) => (await accP) + (await delay(1, x)), 0))
  .then((sum) => console.log('async reduce sum:', sum));
