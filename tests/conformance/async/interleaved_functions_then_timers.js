// Two async functions with several awaits, a .then chain and two timers: the awaits on resolved values
// interleave with the chain tick by tick; timers with equal deadlines run in the order they were registered.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function alpha() {
  console.log('alpha 0'); await null;
  console.log('alpha 1'); await delay(30);
  console.log('alpha 2 (after 30 ms)'); await null;
  console.log('alpha 3');
}
async function beta() {
  console.log('beta 0'); await Promise.resolve();
  console.log('beta 1'); await delay(5);
  console.log('beta 2 (after 5 ms)');
}
alpha(); beta();
Promise.resolve().then(() => console.log('then 1')).then(() => console.log('then 2'));
setTimeout(() => console.log('timer 5 ms (registered in the script, before beta\'s timer set in a microtask)'), 5);
setTimeout(() => console.log('timer 30 ms'), 30);
console.log('sync end');
