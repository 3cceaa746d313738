// clearInterval from a timeout: the interval (every 40 ms) runs at 40 and 80 ms, then a timeout at 100 ms clears it.
let n = 0;
const id = setInterval(() => console.log('interval', ++n), 40);
setTimeout(() => { clearInterval(id); console.log('cleared after', n, 'runs'); }, 100);
