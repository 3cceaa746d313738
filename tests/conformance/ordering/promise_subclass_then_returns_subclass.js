// then on a subclass instance builds its result through the species constructor: the derived
// promise is a subclass instance too, and the subclass constructor runs each time.
let made = 0;
class Tracked extends Promise {
  constructor(executor) { made++; super(executor); }
}
const p = Tracked.resolve(1);
const q = p.then((v) => v + 1);
console.log(q instanceof Tracked, made);
q.then((v) => console.log('value', v, 'constructed', made));
console.log(Promise.resolve(p) === p, Tracked.resolve(p) === p);
