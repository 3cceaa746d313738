// Timers with equal deadlines run in insertion order, whatever the callbacks are; a shorter timer registered
// later still runs first.
for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => console.log('10 ms', name), 10);
setTimeout(() => console.log('5 ms (registered last)'), 5);
setTimeout(() => console.log('10 ms e'), 10);
