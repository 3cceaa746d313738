// An async function returning a thenable: its promise is resolved with the thenable, so a job calls
// thenable.then on the next tick and the caller's .then runs one tick after that.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 4) Promise.resolve().then(tick); };
Promise.resolve().then(tick);
async function f() {
  return { then(resolve) { console.log('  then() called by the resolve job'); resolve('thenable value'); } };
}
f().then((v) => console.log('  caller got', v));
console.log('sync end');
