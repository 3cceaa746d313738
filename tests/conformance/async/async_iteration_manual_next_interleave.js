// Calling next() several times on an async generator without waiting: the requests queue up and settle
// in order, one generator step at a time, interleaving with an independent async function.
async function* numbers() {
  console.log('gen start');
  yield 1;
  console.log('gen after 1');
  await null;
  yield 2;
  console.log('gen after 2');
  return 3;
}
const it = numbers();
const a = it.next();
const b = it.next();
const c = it.next();
const d = it.next();
[a, b, c, d].forEach((p, i) => p.then((r) => console.log(`request ${i}:`, r)));
(async () => {
  for (let i = 0; i < 4; i++) { await null; console.log(`side ${i}`); }
})();
console.log('sync end');
