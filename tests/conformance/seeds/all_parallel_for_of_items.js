// Seed "Does Promise.all() run in parallel or sequential?": for (let item of items) await doSomething(item).
// Sequential: each item begins only after the previous one is done.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const items = ['a', 'b', 'c'];
const delays = { a: 20, b: 5, c: 10 };
async function doSomething(item) {
  console.log('begin', item);
  await delay(delays[item]);
  console.log('done', item);
}

async function main() {
  for (let item of items) {
    await doSomething(item);
  }
  console.log('all items processed');
}
main();
