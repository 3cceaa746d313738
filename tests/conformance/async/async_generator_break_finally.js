// break out of for await calls the async generator's return(): its pending finally block runs (and may await)
// before the loop statement completes. The same holds for a throw in the loop body.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function* resource(name) {
  console.log(`  ${name}: open`);
  try {
    for (let i = 1; ; i++) yield i;
  } finally {
    await delay(2);
    console.log(`  ${name}: closed in finally`);
  }
}
async function main() {
  for await (const n of resource('A')) {
    console.log('A got', n);
    if (n === 2) break;
  }
  console.log('after loop A');
  try {
    for await (const n of resource('B')) { console.log('B got', n); throw new Error('body threw'); }
  } catch (e) { console.log('caught', e.message); }
}
main();
