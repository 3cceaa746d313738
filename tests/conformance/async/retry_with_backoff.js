// Retrying a flaky async operation with growing delays between attempts: it fails twice and then succeeds;
// a second call gives up after the maximum number of attempts.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
function flaky(failures) { let calls = 0; return async () => { calls++; if (calls <= failures) throw new Error(`attempt ${calls} failed`); return `ok on attempt ${calls}`; }; }
async function retry(fn, attempts, baseMs) {
  for (let i = 0; i < attempts; i++) {
    try { return await fn(); } catch (e) {
      console.log('  ' + e.message + (i + 1 < attempts ? `, waiting ${baseMs * 2 ** i} ms` : ', giving up'));
      if (i + 1 === attempts) throw new Error('all attempts failed', { cause: e });
      await delay(baseMs * 2 ** i);
    }
  }
}
async function main() {
  console.log(await retry(flaky(2), 4, 2));
  try { await retry(flaky(5), 3, 2); } catch (e) { console.log(e.message, '| cause:', e.cause.message); }
}
main();
