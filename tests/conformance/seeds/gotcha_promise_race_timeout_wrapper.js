// Seed "Async & concurrency", gotcha: Promise.race returns the first to settle; the others keep running
// and their results are ignored (the slow fetch still logs when it finishes).
const fetch = (url, ms) => new Promise((resolve) => setTimeout(() => { console.log(`${url} finished`); resolve(url); }, ms));
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
async function main() {
  console.log(await Promise.race([fetch('/fast', 5), timeout(30)]));
  await Promise.race([fetch('/slow', 60), timeout(30)]).catch(e => console.log(e.message));
}
main();
