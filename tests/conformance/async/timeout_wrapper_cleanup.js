// A timeout wrapper that clears its timer when the operation wins, so the program ends as soon as the work is
// done; when the timer wins, the late operation's result is ignored.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => { clearTimeout(timer); console.log('  timer cleared'); });
}
async function main() {
  console.log(await withTimeout(delay(5, 'fast result'), 1000));
  try { await withTimeout(delay(30, 'slow result'), 10); } catch (e) { console.log(e.message); }
  console.log('main done (the 1000 ms timer does not keep the program alive)');
}
main();
