// Seed "Does Promise.all() run in parallel or sequential?": Promise.all(items.map(async item => ...)).
// Every doSomething starts before any finishes; results come back in item order, not finish order.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const items = ['a', 'b', 'c'];
const delays = { a: 60, b: 10, c: 35 };
async function doSomething(item) {
  console.log('begin', item);
  await delay(delays[item]);
  console.log('done', item);
  return item.toUpperCase();
}

async function main() {
  const out = await Promise.all(items.map(async (item) => {
    return await doSomething(item);
  }));
  console.log(out);
}
main();
