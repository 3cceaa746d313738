// A race over inputs that never settle stays pending forever; the loop ends anyway when no
// timer is left (a pending promise does not keep the process alive).
let settled = false;
Promise.race([new Promise(() => {}), new Promise(() => {})]).then(() => { settled = true; });
setTimeout(() => console.log('after 20 ms settled =', settled), 20);
