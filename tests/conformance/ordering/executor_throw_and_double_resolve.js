// The executor runs synchronously; a throw in it rejects the promise, but a throw after resolve is ignored,
// and only the first call to resolve/reject counts.
const a = new Promise(() => { throw new Error('executor threw'); });
const b = new Promise((resolve) => { resolve('first'); throw new Error('ignored'); });
const c = new Promise((resolve, reject) => { reject(new Error('rejected first')); resolve('ignored'); });
const d = new Promise((resolve) => { console.log('executor runs synchronously'); resolve('second'); resolve('third'); });
console.log('after constructing four promises');
a.catch((e) => console.log('a:', e.message));
b.then((v) => console.log('b:', v));
c.catch((e) => console.log('c:', e.message));
d.then((v) => console.log('d:', v));
