// Extra arguments reach timer callbacks on every run, intervals included.
let runs = 0;
const id = setInterval((a, b) => {
  runs++;
  console.log('interval', runs, a, b);
  if (runs === 2) clearInterval(id);
}, 5, 'x', 42);
setTimeout((...args) => console.log('timeout args', args.length, args.join('|')), 20, 1, 'two', null);
