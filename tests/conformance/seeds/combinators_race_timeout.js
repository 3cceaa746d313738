// Seed "differences between approaches": await Promise.race([fetchData(), timeout(ms)]), the timeout pattern.
// First run: data arrives first. Second run: the timeout rejects first and the late data is ignored.
const fetchData = (ms) => new Promise((resolve) => setTimeout(() => { console.log(`data ready after ${ms}`); resolve('data'); }, ms));
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms}`)), ms));

async function attempt(dataMs, limitMs) {
  try {
    const v = await Promise.race([fetchData(dataMs), timeout(limitMs)]);
    console.log('got', v);
  } catch (e) {
    console.log('failed:', e.message);
  }
}
async function main() {
  await attempt(10, 40);
  await attempt(40, 10);
  console.log('main done');
}
main();
