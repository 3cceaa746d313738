// A microtask that queues another microtask keeps the timer waiting until the chain ends: all 5 links run
// before the 0 ms timer.
let n = 0;
function link() { n++; console.log('microtask', n); if (n < 5) queueMicrotask(link); }
setTimeout(() => console.log('timer finally runs, n =', n), 0);
queueMicrotask(link);
