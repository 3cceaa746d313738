// Symbol.species decides what then() constructs: a subclass whose species is Promise returns plain promises
// from then, while its static methods still construct the subclass.
class Plain extends Promise {
  static get [Symbol.species]() { return Promise; }
}
const p = Plain.resolve(1);
const q = p.then((v) => v);
console.log(p instanceof Plain, q instanceof Plain, q.constructor === Promise);
console.log(Promise[Symbol.species] === Promise);
q.then((v) => console.log('value passes through:', v));
