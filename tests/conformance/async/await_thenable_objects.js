// await works on any thenable: its then is called with resolve/reject functions in a later job; a then that
// never calls back leaves the function suspended forever (and the program still ends).
const lazy = { then(resolve) { console.log('  then called'); setTimeout(() => resolve('thenable value'), 2); } };
const rejecting = { then(_, reject) { reject(new Error('thenable reject')); } };
const never = { then() { console.log('  never-settling then called'); } };
async function main() {
  console.log('before await lazy');
  console.log(await lazy);
  try { await rejecting; } catch (e) { console.log('caught', e.message); }
  (async () => { await never; console.log('never printed'); })();
  console.log('main done');
}
main();
console.log('sync after main()');
