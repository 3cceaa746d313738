// Each await on a resolved value resumes one tick later, so an async function with three awaits interleaves
// with a .then chain step by step.
async function worker() {
  console.log('w0 (sync part)');
  await null;
  console.log('w1');
  await null;
  console.log('w2');
  await null;
  console.log('w3');
}
worker();
Promise.resolve().then(() => console.log('t1')).then(() => console.log('t2')).then(() => console.log('t3'));
console.log('sync end');
