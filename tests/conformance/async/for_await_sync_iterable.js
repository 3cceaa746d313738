// for await over a sync iterable of promises awaits each element in order: a slow first element holds back
// fast later ones (they are all already running), and plain values are awaited too.
const delay = (ms, v) => new Promise((r) => setTimeout(() => { console.log('  settled', v); r(v); }, ms));
async function main() {
  const items = [delay(60, 'slow'), delay(10, 'fast'), 'plain', delay(35, 'mid')];
  for await (const v of items) console.log('loop got', v);
  function* gen() { yield Promise.resolve(1); yield 2; }
  for await (const v of gen()) console.log('from sync generator', v);
}
main();
