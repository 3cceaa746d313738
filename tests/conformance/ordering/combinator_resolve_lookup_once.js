// Promise.all looks up this.resolve once (before iterating) and calls it once per element; a non-callable
// resolve rejects the result with a TypeError without consuming the iterable.
let gets = 0, calls = 0;
class Counting extends Promise {
  static get resolve() { gets++; return (v) => { calls++; return Promise.resolve.call(this, v); }; }
}
Counting.all([1, 2, 3]).then((v) => console.log('values', v, 'resolve looked up', gets, 'called', calls));

let pulled = 0;
function* source() { pulled++; yield 1; }
class NoResolve extends Promise {}
Object.defineProperty(NoResolve, 'resolve', { value: 42 });
NoResolve.all(source()).catch((e) => console.log(e.constructor.name, 'pulled from iterator:', pulled));
