// Class instances print with their class name (Foo { a: 1 }); an empty instance as Foo {}; null-prototype
// objects as [Object: null prototype]; a class with Symbol.toStringTag adds [Tag].
class Foo { constructor() { this.a = 1; this.b = 'two'; } method() {} }
class Empty {}
class Bar extends Foo { constructor() { super(); this.c = [3]; } }
console.log(new Foo(), new Empty(), new Bar());
console.log([new Foo()], { inner: new Empty() });
const bare = Object.create(null); bare.x = 1;
console.log(bare, Object.create(null));
class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
console.log(new Tagged());
function Legacy() { this.v = 1; }
console.log(new Legacy(), Object.create(Foo.prototype));
