// for...of with await runs tasks one after another; starting them all and awaiting Promise.all runs them
// concurrently. The start/end log lines show the difference without printing any clock.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const task = async (name, ms) => { console.log('  start', name); await delay(ms); console.log('  end', name); return name; };
const jobs = [['a', 50], ['b', 10], ['c', 30]];
async function main() {
  console.log('sequential:');
  const seq = [];
  for (const [name, ms] of jobs) seq.push(await task(name, ms));
  console.log(seq);
  console.log('parallel:');
  console.log(await Promise.all(jobs.map(([name, ms]) => task(name, ms))));
}
main();
