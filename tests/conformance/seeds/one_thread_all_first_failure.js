// Seed "How JavaScript Runs Many Async Tasks on One Thread": Promise.all rejects on the first failure;
// the other tasks keep running on the same thread and still log when they finish.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function taskA() { await delay(35); console.log('taskA finished anyway'); return 'a'; }
async function taskB() { await delay(10); throw new Error('taskB failed'); }
async function taskC() { await delay(60); console.log('taskC finished anyway'); return 'c'; }

async function main() {
  try {
    const [a, b, c] = await Promise.all([taskA(), taskB(), taskC()]);
    console.log(a, b, c);
  } catch (e) {
    console.log('Promise.all rejected:', e.message);
  }
}
main();
