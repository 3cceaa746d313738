// A timer scheduled from inside a timer callback is queued after timers that are already due (timing-sensitive:
// A and B tie at 5 ms, so a preemption between registering them can reorder plain node). The 0 ms timer set inside A runs after B.
setTimeout(() => {
  console.log('A (5 ms)');
  setTimeout(() => {
    console.log('  C: 0 ms timer set inside A');
    setTimeout(() => console.log('    D: 0 ms timer set inside C'), 0);
  }, 0);
}, 5);
setTimeout(() => console.log('B (5 ms)'), 5);
setTimeout(() => console.log('E (50 ms)'), 50);
