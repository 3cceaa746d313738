// Timer handles can be cleared with either clear function (they share one id space in HTML and Node);
// here an interval is stopped with clearTimeout and a timeout with clearInterval.
const iv = setInterval(() => console.log('interval should run once'), 20);
setTimeout(() => clearTimeout(iv), 30);
const to = setTimeout(() => console.log('never'), 5);
clearInterval(to);
setTimeout(() => console.log('done'), 60);
