// Seed "Async & concurrency", gotcha: array.forEach(async x => await doThing(x)) does not wait.
// 'after forEach' prints before any doThing finishes; for...of + await and Promise.all(map) do wait.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function doThing(x) { await delay(x); console.log('  did', x); }

async function main() {
  const array = [60, 10, 35];
  array.forEach(async x => await doThing(x));
  console.log('after forEach (nothing done yet)');
  await delay(80);
  for (const x of array) await doThing(x);
  console.log('after for...of (all done, in array order)');
  await Promise.all(array.map(doThing));
  console.log('after Promise.all(map) (all done, in delay order)');
}
main();
