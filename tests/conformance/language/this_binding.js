// `this`: method calls, extracted methods (undefined in strict code), call/apply/bind (bind is permanent,
// partial application), arrow functions capturing the enclosing this, and new overriding bind.
'use strict';
const obj = {
  name: 'obj',
  regular() { return this?.name; },
  arrowInside() { return [1].map(() => this.name)[0]; },
};
const extracted = obj.regular;
console.log(obj.regular(), extracted(), extracted.call({ name: 'called' }), extracted.apply({ name: 'applied' }, []));
const bound = obj.regular.bind({ name: 'bound' });
console.log(bound(), bound.call({ name: 'ignored' }), bound.bind({ name: 'rebind ignored' })(), obj.arrowInside());
function add(a, b, c) { return a + b + c; }
const add5 = add.bind(null, 5);
console.log(add5(1, 2), add5.length, add5.name);
function Point(x) { this.x = x; }
const BoundPoint = Point.bind({ x: 'ignored by new' }, 7);
console.log(new BoundPoint().x, new BoundPoint() instanceof Point);
const arrow = () => typeof this;
console.log(arrow(), arrow.call({}), (function () { return typeof this; })());
