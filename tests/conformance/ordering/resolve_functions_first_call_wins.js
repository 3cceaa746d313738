// Only the first call of either resolving function counts; later calls of either are no-ops,
// and a throw in the executor after resolve is swallowed.
const p = new Promise((resolve, reject) => {
  resolve(1);
  resolve(2);
  reject(new Error('late'));
  throw new Error('ignored');
});
p.then((v) => console.log('value', v), (e) => console.log('error', e.message));
const q = new Promise((resolve, reject) => { reject('no'); resolve('yes'); });
q.then((v) => console.log('q value', v), (e) => console.log('q reason', e));
console.log('executors ran synchronously');
