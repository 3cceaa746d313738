// Seed "Does Promise.all() run in parallel or sequential?": awaiting three tasks one by one.
// Each task starts only after the previous one has finished, so start/end lines alternate.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let promise1 = async function () { console.log('start 1'); await delay(20); console.log('end 1'); return 1; };
let promise2 = async function () { console.log('start 2'); await delay(10); console.log('end 2'); return 2; };
let promise3 = async function () { console.log('start 3'); await delay(5); console.log('end 3'); return 3; };

async function main() {
  await promise1();
  await promise2();
  await promise3();
  console.log('do other stuff');
}
main();
