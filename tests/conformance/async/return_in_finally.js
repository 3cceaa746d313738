// return inside finally overrides both the try's return value and a thrown error in an async function; an
// await in finally delays the result but keeps the try's value when finally does not return.
async function overridesReturn() { try { return 'from try'; } finally { return 'from finally'; } }
async function swallowsThrow() { try { await Promise.reject(new Error('lost')); } finally { return 'finally wins'; } }
async function keepsValue() { try { return 'kept'; } finally { await null; console.log('  finally awaited, value unchanged'); } }
async function main() {
  console.log(await overridesReturn());
  console.log(await swallowsThrow());
  console.log(await keepsValue());
}
main();
