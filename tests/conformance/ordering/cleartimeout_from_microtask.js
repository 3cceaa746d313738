// A timer cleared by a microtask (before the loop reaches timers) never fires; clearing an id
// twice, or clearing an already fired timer, is harmless.
const a = setTimeout(() => console.log('a fired'), 0);
const b = setTimeout(() => console.log('b fired'), 0);
Promise.resolve().then(() => { clearTimeout(a); console.log('cleared a'); });
setTimeout(() => { clearTimeout(b); clearTimeout(b); clearTimeout(a); console.log('late clears ok'); }, 10);
