// clearInterval from a timeout: the interval (every 10 ms) runs at 10 and 20 ms, then a timeout at 25 ms clears it.
let n = 0;
const id = setInterval(() => console.log('interval', ++n), 10);
setTimeout(() => { clearInterval(id); console.log('cleared after', n, 'runs'); }, 25);
