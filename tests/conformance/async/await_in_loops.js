// await inside for, for-of, while and do-while: each iteration waits, so a timer due meanwhile runs between
// iterations, and the loop variable of each iteration is its own.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function main() {
  setTimeout(() => console.log('  timer at 45 ms fires between iterations'), 45);
  for (let i = 0; i < 3; i++) { console.log('for', i, await delay(30, i * 10)); }
  for (const s of ['a', 'b']) { await null; console.log('for-of', s); }
  let n = 0;
  while (await delay(1, n < 2)) { n++; console.log('while', n); }
  do { n--; console.log('do-while', n); } while (await Promise.resolve(n > 0));
}
main().then(() => console.log('done'));
