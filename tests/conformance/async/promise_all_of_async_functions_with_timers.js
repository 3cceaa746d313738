// Promise.all over async functions that mix awaits on values and timers: each logs as it goes, the
// result keeps input order, and a .then on a sibling timer shows where the combined result lands.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function job(name, ms) {
  console.log(`${name} start`);
  await null;
  console.log(`${name} after first await`);
  await delay(ms);
  console.log(`${name} after ${ms} ms`);
  return name;
}
Promise.all([job('slow', 60), job('fast', 10), job('mid', 30)]).then((r) => console.log('all:', r));
delay(45).then(() => console.log('sibling timer at 45 ms'));
console.log('sync end');
