// Seed "How JavaScript Runs Many Async Tasks on One Thread": the 8 steps of
// const [a, b, c] = await Promise.all([taskA(), taskB(), taskC()]): all start, the stack frees, callbacks queue as each finishes.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
async function taskA() { console.log('1. taskA starts'); const v = await delay(35, 'a'); console.log('   taskA finished'); return v; }
async function taskB() { console.log('2. taskB starts'); const v = await delay(10, 'b'); console.log('   taskB finished'); return v; }
async function taskC() { console.log('3. taskC starts'); const v = await delay(60, 'c'); console.log('   taskC finished'); return v; }

async function main() {
  const [a, b, c] = await Promise.all([taskA(), taskB(), taskC()]);
  console.log('8. Promise.all resolved:', a, b, c);
}
main();
console.log('4. the JavaScript stack is free');
