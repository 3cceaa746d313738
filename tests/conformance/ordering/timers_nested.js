// A timer scheduled from inside a timer callback is queued after timers that are already due; here the
// 0 ms timer set inside A runs after B (due at the same time as A) and before the 20 ms timer.
setTimeout(() => {
  console.log('A (5 ms)');
  setTimeout(() => {
    console.log('  C: 0 ms timer set inside A');
    setTimeout(() => console.log('    D: 0 ms timer set inside C'), 0);
  }, 0);
}, 5);
setTimeout(() => console.log('B (5 ms)'), 5);
setTimeout(() => console.log('E (20 ms)'), 20);
