// Seed "Async & concurrency", gotcha: a long synchronous loop blocks the event loop (the 0 ms timer waits for it);
// yielding with await new Promise(r => setTimeout(r, 0)) between chunks lets the timer run in between.
setTimeout(() => console.log('timer ran'), 0);
let sum = 0;
for (let i = 0; i < 300000; i++) sum += i % 7;
console.log('blocking loop finished, sum', sum);

async function chunked() {
  let total = 0;
  for (let chunk = 0; chunk < 3; chunk++) {
    for (let i = 0; i < 1000; i++) total += 1;
    console.log('chunk', chunk, 'total', total);
    await new Promise(r => setTimeout(r, 0));
  }
}
setTimeout(() => console.log('  timer between chunks'), 1);
chunked();
