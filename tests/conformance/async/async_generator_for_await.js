// An async generator consumed by for await: each value is produced lazily (the body runs only when
// the loop asks: the first next() runs it synchronously up to its first await); the consumer's await slows the producer too.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function* ticker(limit) {
  for (let i = 1; i <= limit; i++) {
    console.log('  producing', i);
    await delay(5);
    yield i;
  }
  console.log('  generator finished');
}
async function main() {
  let total = 0;
  for await (const n of ticker(3)) {
    console.log('consumed', n);
    total += n;
    await delay(1);
  }
  console.log('total', total);
}
main();
console.log('main() returned: the first next() already ran the generator up to its first await');
