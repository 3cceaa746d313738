// Three async functions awaiting in a loop share one microtask queue: they advance round-robin, one step per
// tick each, in the order they were started.
async function loop(name, n) {
  for (let i = 1; i <= n; i++) { await null; console.log(`${name}${i}`); }
}
loop('a', 3);
loop('b', 2);
loop('c', 3);
console.log('started all');
