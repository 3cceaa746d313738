// Promise.all over async map callbacks with one failure: the catch sees the first rejection, the other
// callbacks keep running to completion, and finally runs once after the rejection.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function handle(id) {
  await delay(id * 25);
  if (id === 2) throw new Error(`item ${id} failed`);
  console.log('  processed', id);
  return id;
}
Promise.all([3, 1, 2, 4].map(handle))
  .then((r) => console.log('never', r))
  .catch((e) => console.log('caught:', e.message))
  .finally(() => console.log('finally (items 3 and 4 still pending)'));
