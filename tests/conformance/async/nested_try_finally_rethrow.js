// Nested try/finally across awaits: inner finally runs before the outer catch, a rethrow keeps the original
// error, and the function's promise rejects only after every finally has finished.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function inner() {
  try { await delay(2); throw new Error('inner failure'); }
  finally { console.log('  inner finally'); await delay(2); console.log('  inner finally done'); }
}
async function outer() {
  try { await inner(); }
  catch (e) { console.log('  outer catch:', e.message); throw e; }
  finally { console.log('  outer finally'); }
}
outer().catch((e) => console.log('rejected with the same error:', e.message));
Promise.resolve().then(() => console.log('microtask runs while inner waits'));
