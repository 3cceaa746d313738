// Async functions awaiting each other's promises: an awaited async function's promise settles one tick
// after its body returns, so callers resume in a fixed order relative to a parallel .then chain.
async function leaf(name) {
  console.log(`${name} leaf start`);
  await null;
  console.log(`${name} leaf end`);
  return name;
}
async function middle(name) {
  const v = await leaf(name);
  console.log(`${name} middle got ${v}`);
  return v.toUpperCase();
}
async function top() {
  const [a, b] = [middle('a'), middle('b')];
  console.log('top awaits a');
  console.log('top got', await a);
  console.log('top got', await b);
}
top().then(() => console.log('top done'));
const p = Promise.resolve();
p.then(() => console.log('chain 1')).then(() => console.log('chain 2')).then(() => console.log('chain 3'));
console.log('sync end');
