// await of a rejected promise throws at the await: caught by try/catch, by .catch on the call, or converted to
// a value with .catch before awaiting. Only messages are printed, never stacks.
const fail = (msg, ms = 0) => new Promise((_, reject) => setTimeout(() => reject(new Error(msg)), ms));
async function viaTry() {
  try { await fail('try/catch'); console.log('never'); } catch (e) { return 'caught ' + e.message; }
}
async function viaPromiseCatch() { return await fail('inline .catch').catch((e) => 'recovered ' + e.message); }
async function uncaughtInside() { await fail('propagates', 5); }
async function main() {
  console.log(await viaTry());
  console.log(await viaPromiseCatch());
  await uncaughtInside().catch((e) => console.log('caller .catch:', e.message));
  try { await Promise.reject('a string reason'); } catch (e) { console.log('non-Error reason:', e, typeof e); }
  try { await { then(_, reject) { reject(new TypeError('thenable rejected')); } }; } catch (e) { console.log(e.name, e.message); }
}
main();
