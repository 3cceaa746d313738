// Closures capture variables, not values: two counters from one factory are independent, and functions
// created in one call share that call's variable.
function makeCounter(start) {
  let n = start;
  return { inc: () => ++n, dec: () => --n, get: () => n };
}
const a = makeCounter(0), b = makeCounter(10);
a.inc(); a.inc(); b.dec();
console.log(a.get(), b.get());
const fns = [];
for (var i = 0; i < 3; i++) fns.push(() => i);
const lets = [];
for (let j = 0; j < 3; j++) lets.push(() => j);
console.log(fns.map((f) => f()), lets.map((f) => f()));
