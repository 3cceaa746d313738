// Seed "Async & concurrency", gotcha: useEffect(async () => {}) returns a Promise, not a cleanup function.
// React is faked: the effect's return value is kept as the cleanup only if it is a function.
function useEffect(effect) {
  const ret = effect();
  console.log('effect returned', ret, '-> cleanup is', typeof ret === 'function' ? 'set' : 'ignored');
}
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
useEffect(async () => { await delay(5); console.log('async effect body finished'); });
useEffect(() => {
  const run = async () => { await delay(10); console.log('wrapped run() finished'); };
  run();
  return () => console.log('cleanup');
});
