// Seed "all vs allSettled", mistake 2: allSettled wraps results in objects. The wrong loop passes
// { status, value } to processData; the fix checks status and unwraps value / reason.
const delay = (ms, v) => new Promise(resolve => setTimeout(() => resolve(v), ms));
const promises = () => [delay(5, { id: 1 }), Promise.reject('row 2 missing'), delay(1, { id: 3 })];
const processData = (d) => console.log('processData', d);
const logError = (e) => console.log('logError', e);

async function main() {
  // Wrong: result is an object, not the actual value
  for (const result of await Promise.allSettled(promises())) {
    processData(result);
  }
  // Fix: check status before accessing the value
  for (const result of await Promise.allSettled(promises())) {
    if (result.status === 'fulfilled') processData(result.value);
    else logError(result.reason);
  }
}
main();
