// Async timer callbacks: each timer's callback runs to its first await, then its continuation runs in
// the microtask checkpoint right after that callback, before the next timer fires.
const log = (s) => console.log(s);
setTimeout(async () => {
  log('timer A start');
  await null;
  log('timer A after await');
  await null;
  log('timer A after second await');
}, 10);
setTimeout(async () => {
  log('timer B start');
  await Promise.resolve();
  log('timer B after await');
  setTimeout(() => log('timer C (scheduled by B)'), 0);
  await new Promise((r) => setTimeout(r, 0));
  log('timer B after its own timer');
}, 10);
setTimeout(() => log('timer D at 100 ms'), 100);
log('sync end');
