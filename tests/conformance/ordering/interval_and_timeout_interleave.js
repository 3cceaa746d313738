// An interval every 20 ms and timeouts at 30 and 50 ms interleave by deadline; the interval
// re-arms after its callback and is cleared from the 50 ms timeout.
const start = [];
const id = setInterval(() => start.push('interval'), 20);
setTimeout(() => start.push('timeout 30'), 30);
setTimeout(() => { start.push('timeout 50'); clearInterval(id); }, 50);
setTimeout(() => console.log(start.join(', ')), 100);
