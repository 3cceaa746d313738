// Cooperative cancellation without AbortController: a token checked after every await stops a long task at its
// next checkpoint. The canceller is a 5 ms timer set after step 2, so it fires while step 3's 20 ms wait is pending.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
class CancelError extends Error { constructor() { super('cancelled'); this.name = 'CancelError'; } }
async function longTask(token, onStep) {
  for (let step = 1; step <= 10; step++) {
    await delay(20);
    if (token.cancelled) throw new CancelError();
    console.log('step', step);
    onStep(step);
  }
  return 'finished';
}
const token = { cancelled: false };
longTask(token, (step) => {
  if (step === 2) setTimeout(() => { console.log('cancel requested'); token.cancelled = true; }, 5);
}).then(console.log, (e) => console.log(`${e.name}: ${e.message}`));
