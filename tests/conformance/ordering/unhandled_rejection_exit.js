// A rejection nobody handles is reported after the microtasks drain: Node prints it to stderr and exits with 1.
// expect exit 1 — the stdout lines printed before it (including the microtasks) are complete; the timer never runs.
Promise.reject(new Error('nobody catches this'));
Promise.resolve().then(() => console.log('microtask still runs'));
setTimeout(() => console.log('never printed'), 5);
console.log('sync end');
