// Seed "Async & concurrency", gotcha: throwing inside an async function rejects its promise; the error is
// caught with .catch() or try/catch around await, like a sync throw at the surface.
async function risky(n) {
  if (n > 1) throw new RangeError(`too big: ${n}`);
  return n;
}
risky(5).catch(e => console.log('.catch:', e.name, e.message));
(async () => {
  try {
    await risky(9);
  } catch (e) {
    console.log('try/catch:', String(e));
  }
  console.log('value:', await risky(1));
})();
console.log('risky(5) did not throw synchronously');
