// A worker pool running at most 2 tasks at a time: each worker awaits the next task from a shared queue,
// so a third task starts only when one finishes. Results keep task order.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function runPool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker(id) {
    while (next < tasks.length) {
      const i = next++;
      console.log(`  worker ${id} starts task ${i}`);
      results[i] = await tasks[i]();
      console.log(`  worker ${id} finished task ${i}`);
    }
  }
  await Promise.all(Array.from({ length: limit }, (_, k) => worker(k)));
  return results;
}
const make = (v, ms) => async () => { await delay(ms); return v; };
runPool([make('a', 100), make('b', 5), make('c', 5), make('d', 5)], 2).then((r) => console.log(r));
