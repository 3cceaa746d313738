// clearTimeout from another callback cancels a timer that has not run yet, even one due at the same time
// (it is skipped); clearing an already-run or unknown timer is a no-op.
const later = setTimeout(() => console.log('never: cleared by A'), 60);
let sameTime;
setTimeout(() => {
  console.log('A runs');
  clearTimeout(sameTime);
  clearTimeout(later);
  clearTimeout(undefined);
  clearTimeout(12345);
}, 20);
sameTime = setTimeout(() => console.log('never: cleared by A although due with it'), 20);
setTimeout(() => console.log('C at 20 ms still runs'), 20);
const t = setTimeout(() => console.log('D runs first (1 ms)'), 1);
setTimeout(() => { clearTimeout(t); console.log('clearing D after it ran is harmless'); }, 80);
