// Cooperative cancellation without AbortController: a token checked after every await stops a long task at its
// next checkpoint; the canceller runs from a timer.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
class CancelError extends Error { constructor() { super('cancelled'); this.name = 'CancelError'; } }
async function longTask(token) {
  for (let step = 1; step <= 10; step++) {
    await delay(20);
    if (token.cancelled) throw new CancelError();
    console.log('step', step);
  }
  return 'finished';
}
const token = { cancelled: false };
longTask(token).then(console.log, (e) => console.log(`${e.name}: ${e.message}`));
setTimeout(() => { console.log('cancel requested'); token.cancelled = true; }, 50);
