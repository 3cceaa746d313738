// A 0 ms timer scheduled from inside a timer callback runs after timers already due at the
// same time: nesting re-enters the timer queue at the back.
setTimeout(() => {
  console.log('outer');
  setTimeout(() => console.log('nested 0'), 0);
  Promise.resolve().then(() => console.log('outer microtask'));
}, 0);
setTimeout(() => console.log('sibling'), 0);
setTimeout(() => console.log('100 ms'), 100);
