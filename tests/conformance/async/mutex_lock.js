// A promise-based mutex: critical sections that await inside would interleave without the lock; with it
// they run one at a time in request order.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
class Mutex {
  #last = Promise.resolve();
  lock() { let release; const next = new Promise((r) => { release = r; }); const ready = this.#last.then(() => release); this.#last = next; return ready; }
}
let balance = 100;
async function withdrawUnsafe(name, amount) { const seen = balance; await delay(2); balance = seen - amount; console.log(`  ${name} unsafe -> ${balance}`); }
const m = new Mutex();
async function withdrawSafe(name, amount) {
  const release = await m.lock();
  try { const seen = balance; await delay(2); balance = seen - amount; console.log(`  ${name} safe -> ${balance}`); } finally { release(); }
}
async function main() {
  await Promise.all([withdrawUnsafe('a', 10), withdrawUnsafe('b', 20)]);
  console.log('unsafe final', balance, '(lost update)');
  balance = 100;
  await Promise.all([withdrawSafe('a', 10), withdrawSafe('b', 20), withdrawSafe('c', 30)]);
  console.log('safe final', balance);
}
main();
