// forEach ignores the promises its async callback returns: the loop "finishes" at once, the sum is still 0
// when printed, and the callbacks complete later in timer order.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
let sum = 0;
async function main() {
  [60, 20, 40].forEach(async (ms) => {
    await delay(ms);
    sum += ms;
    console.log('  callback done', ms, 'sum', sum);
  });
  console.log('after forEach, sum =', sum);
  await delay(80);
  console.log('after waiting, sum =', sum);
}
main();
