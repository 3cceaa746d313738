// A promise resolved by a timer callback runs its reactions (and an await continuation) before the next
// timer, even one due at the same time.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  await delay(5);
  console.log('async fn resumed after its 5 ms timer');
  await null;
  console.log('  and again one tick later');
})();
setTimeout(() => console.log('second 5 ms timer'), 5);
