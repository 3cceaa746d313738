// try/catch/finally with await: a rejected await is caught, finally runs (and can await) before the function's
// promise settles, and an error thrown in catch propagates after finally.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function attempt(fail) {
  try {
    console.log(`  try (fail=${fail})`);
    await delay(2);
    if (fail) throw new Error('failed in try');
    return 'ok';
  } catch (e) {
    console.log('  catch:', e.message);
    throw new Error('rethrown from catch');
  } finally {
    await delay(2);
    console.log('  finally (after awaiting)');
  }
}
attempt(false)
  .then((v) => console.log('result:', v))
  .then(() => attempt(true))
  .catch((e) => console.log('rejected with:', e.message));
