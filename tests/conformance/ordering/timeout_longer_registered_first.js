// Timers run by deadline, not registration order: a 20 ms timer registered first runs after 10 ms and 5 ms ones;
// a timer added from a 5 ms callback with 10 ms more (deadline 15) runs between 10 and 20.
setTimeout(() => console.log('20 ms'), 20);
setTimeout(() => console.log('10 ms'), 10);
setTimeout(() => {
  console.log('5 ms');
  setTimeout(() => console.log('15 ms (5 + 10)'), 10);
}, 5);
