// Static inheritance (statics are inherited via the constructor's prototype chain), super in static methods,
// new.target for abstract classes, Symbol.toStringTag, and class expressions with names.
class Shape {
  constructor() { if (new.target === Shape) throw new TypeError('Shape is abstract'); this.kind = new.target.name; }
  static describe() { return `I am ${this.name}`; }
  get [Symbol.toStringTag]() { return 'ShapeTag'; }
}
class Circle extends Shape {
  static describe() { return super.describe() + ' (round)'; }
}
console.log(Circle.describe(), Shape.describe(), new Circle().kind, String(new Circle()));
try { new Shape(); } catch (e) { console.log(e.message); }
function F() { return new.target === undefined ? 'called' : 'constructed'; }
console.log(F(), new F() instanceof F);
const Named = class Inner { who() { return Inner.name; } };
console.log(Named.name, new Named().who(), typeof Inner);
class WithComputed { ['m' + 1]() { return 'computed method'; } static ['s' + 2] = 'computed static'; }
console.log(new WithComputed().m1(), WithComputed.s2, Object.getOwnPropertyNames(WithComputed.prototype));
