// Seed "differences between approaches": await-ing independent operations in a loop vs kicking them all off
// then Promise.all. A fake clock (advanced by the tasks) shows the total is the sum vs the max.
let clock = 0;
const op = (name, ms) => new Promise((resolve) => setTimeout(() => { clock = Math.max(clock, ms + base); resolve(name); }, ms));
let base = 0;

async function main() {
  base = 0; clock = 0;
  const seq = [];
  for (const [name, ms] of [['x', 10], ['y', 20], ['z', 15]]) {
    base = clock;
    seq.push(await op(name, ms));
  }
  console.log('sequential', seq, 'fake time', clock);

  base = 0; clock = 0;
  const par = await Promise.all([op('x', 10), op('y', 20), op('z', 15)]);
  console.log('parallel', par, 'fake time', clock);
}
main();
