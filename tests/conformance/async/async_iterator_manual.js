// A hand-written async iterable (Symbol.asyncIterator returning { next, return }): for await calls next
// until done, and calls return on break; a sync iterator method is not used by for await when the async one exists.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const countdown = {
  from: 3,
  [Symbol.asyncIterator]() {
    let n = this.from;
    return {
      async next() { await delay(2); return n > 0 ? { value: n--, done: false } : { value: 'ignored', done: true }; },
      async return() { console.log('  return() called'); return { done: true }; },
    };
  },
  [Symbol.iterator]() { throw new Error('sync iterator not used'); },
};
async function main() {
  for await (const n of countdown) console.log('countdown', n);
  for await (const n of countdown) { console.log('first only', n); break; }
  const it = countdown[Symbol.asyncIterator]();
  console.log(await it.next(), await it.next());
}
main();
