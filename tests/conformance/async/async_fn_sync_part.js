// Everything before the first await runs synchronously inside the call; a throw there still rejects the
// promise (it does not throw at the call site); a function with no await still resolves asynchronously.
async function noAwait() { console.log('  noAwait body'); return 'value'; }
async function throwsEarly() { console.log('  throwsEarly body'); throw new Error('early'); }
console.log('call noAwait');
const p = noAwait();
console.log('returned', p);
console.log('call throwsEarly');
const q = throwsEarly();
console.log('no exception at the call site');
q.catch((e) => console.log('rejection:', e.message));
p.then((v) => console.log('noAwait resolved:', v));
console.log('sync end');
