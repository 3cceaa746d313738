// Seed "Does Promise.all() run in parallel or sequential?": the same three tasks under Promise.all.
// All three start synchronously, end in order of their delays, and results keep input order.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let promise1 = async function () { console.log('start 1'); await delay(60); console.log('end 1'); return 1; };
let promise2 = async function () { console.log('start 2'); await delay(35); console.log('end 2'); return 2; };
let promise3 = async function () { console.log('start 3'); await delay(10); console.log('end 3'); return 3; };

async function main() {
  const results = await Promise.all([promise1(), promise2(), promise3()]);
  console.log('results', results);
  console.log('do other stuff');
}
main();
console.log('main() returned; the tasks are waiting on timers');
