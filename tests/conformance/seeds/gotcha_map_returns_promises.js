// Seed "Async & concurrency", gotcha: array.map(async x => x * 2) returns an array of promises;
// await Promise.all(...) unwraps it.
async function main() {
  const array = [1, 2, 3];
  const mapped = array.map(async x => x * 2);
  console.log(mapped);
  console.log(mapped[0] instanceof Promise);
  console.log(await Promise.all(mapped));
}
main();
