// Timers with equal deadlines run in insertion order, whatever the callbacks are; a shorter timer registered
// later still runs first.
for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => console.log('30 ms', name), 30);
setTimeout(() => console.log('5 ms (registered last)'), 5);
setTimeout(() => console.log('30 ms e'), 30);
