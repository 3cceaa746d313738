// An async generator consumed by for await, a .then chain and a plain async function run side by side:
// each yield in an async generator costs more ticks than an await, so the chain overtakes the loop.
async function* gen() {
  for (let i = 0; i < 3; i++) {
    console.log(`gen yields ${i}`);
    yield i;
  }
}
async function consume() {
  for await (const v of gen()) console.log(`loop got ${v}`);
  console.log('loop done');
}
async function other() {
  for (let i = 0; i < 4; i++) { await null; console.log(`other ${i}`); }
}
consume();
other();
Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'))
  .then(() => console.log('then 3'))
  .then(() => console.log('then 4'));
console.log('sync end');
