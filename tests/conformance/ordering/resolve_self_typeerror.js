// Resolving a promise with itself rejects it with a TypeError (a chaining cycle); returning the derived
// promise from its own then callback does the same.
let resolveSelf;
const p = new Promise((r) => { resolveSelf = r; });
resolveSelf(p);
p.catch((e) => console.log('self-resolve:', e.constructor.name));
const q = Promise.resolve().then(() => q);
q.catch((e) => console.log('then returns itself:', e instanceof TypeError));
