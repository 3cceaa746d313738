// class MyP extends Promise: then/catch/finally return MyP instances (through the species constructor), and
// the subclass constructor runs for every derived promise; static resolve/all build MyP too.
let made = 0;
class MyP extends Promise {
  constructor(executor) { made++; super(executor); }
}
const p = new MyP((r) => r(1));
const q = p.then((v) => v + 1);
console.log(q instanceof MyP, q.constructor.name, 'constructed so far:', made);
q.then((v) => console.log('value', v, 'constructed:', made));
console.log(MyP.resolve(5) instanceof MyP, MyP.all([1]) instanceof MyP, Promise.resolve(p) === p, MyP.resolve(p) === p);
