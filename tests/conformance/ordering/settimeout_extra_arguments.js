// Extra arguments to setTimeout/setInterval are passed to the callback; the callback's this and return value
// do not matter. Arguments are captured when the timer is created.
let x = 'original';
setTimeout((a, b, c) => console.log('timeout args:', a, b, c), 5, x, 2, { k: 3 });
x = 'changed';
setTimeout(function (...args) { console.log('no extra args:', args.length); }, 10);
const id = setInterval((label, n) => { console.log('interval args:', label, n); clearInterval(id); }, 15, "tick", 42);
