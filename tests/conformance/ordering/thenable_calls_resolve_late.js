// A thenable that resolves from a timer: the promise stays pending until then; calling resolve twice or
// reject after resolve is ignored (the resolving functions are one-shot).
const thenable = {
  then(resolve, reject) {
    setTimeout(() => { resolve('late value'); resolve('second'); reject(new Error('ignored')); }, 5);
  },
};
const p = Promise.resolve(thenable);
setTimeout(() => console.log('at 1 ms:', p), 1);
p.then((v) => console.log('fulfilled with', v), (e) => console.log('rejected?!', e.message));
