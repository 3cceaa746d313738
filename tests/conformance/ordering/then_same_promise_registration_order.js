// Several .then on the same promise run in registration order when it settles, including ones added
// after it settled; a reaction added later in a microtask goes to the back of the queue.
let resolve;
const p = new Promise((r) => { resolve = r; });
p.then((v) => console.log('first', v));
p.then((v) => { console.log('second', v); p.then(() => console.log('added during second')); });
resolve('go');
p.then((v) => console.log('third (added after resolve)', v));
Promise.resolve().then(() => console.log('unrelated (queued after p settled, so after its reactions)'));
