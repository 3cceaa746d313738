// An async generator delegating with yield* to another async generator and to a sync iterable: values pass
// through in order, and the inner async generator's return value becomes the value of the yield* expression.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function* pages() { for (const p of [1, 2]) { await delay(3); yield `page ${p}`; } return 'pages done'; }
async function* all() {
  yield 'header';
  const r = yield* pages();
  yield r;
  yield* ['sync a', 'sync b'];
}
async function main() {
  const out = [];
  for await (const v of all()) out.push(v);
  console.log(out);
}
main();
