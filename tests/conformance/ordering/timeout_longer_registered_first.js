// Timers run by deadline, not registration order: a 60 ms timer registered first runs after 40 ms and 5 ms ones;
// a timer added from the 5 ms callback with 10 ms more (deadline 15) runs before 40 and 60.
setTimeout(() => console.log('60 ms'), 60);
setTimeout(() => console.log('40 ms'), 40);
setTimeout(() => {
  console.log('5 ms');
  setTimeout(() => console.log('15 ms (5 + 10)'), 10);
}, 5);
