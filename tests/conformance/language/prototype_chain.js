// Prototype chains: Object.create, property lookup and shadowing, hasOwn vs in, instanceof walking the chain,
// Symbol.hasInstance, and null-prototype objects.
const base = { greet() { return `hi from ${this.name}`; }, kind: 'base' };
const mid = Object.create(base, { kind: { value: 'mid', enumerable: true } });
const leaf = Object.create(mid);
leaf.name = 'leaf';
console.log(leaf.greet(), leaf.kind, Object.hasOwn(leaf, 'kind'), 'kind' in leaf);
console.log(Object.getPrototypeOf(leaf) === mid, base.isPrototypeOf(leaf), Object.getPrototypeOf(Object.prototype));
function Legacy(x) { this.x = x; }
Legacy.prototype.double = function () { return this.x * 2; };
const l = new Legacy(21);
console.log(l.double(), l instanceof Legacy, l instanceof Object, l.constructor === Legacy);
const Even = { [Symbol.hasInstance]: (n) => n % 2 === 0 };
console.log(4 instanceof Even, 3 instanceof Even);
const bare = Object.create(null);
bare.k = 1;
console.log('toString' in bare, Object.keys(bare), typeof bare.hasOwnProperty);
for (const k in leaf) console.log('for-in sees', k);
