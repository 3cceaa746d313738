// Classes: extends and super calls, getters/setters, static members, instanceof, and a class's methods are
// non-enumerable (Object.keys shows only own fields).
class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  get upper() { return this.name.toUpperCase(); }
  set upper(v) { this.name = v.toLowerCase(); }
  static create(name) { return new this(name); }
}
class Dog extends Animal {
  speak() { return super.speak() + ' (woof)'; }
  static kind = 'canine';
}
const d = Dog.create('Rex');
console.log(d.speak(), d.upper, Dog.kind);
d.upper = 'FIDO';
console.log(d.name, d instanceof Dog, d instanceof Animal, Object.keys(d));
console.log(typeof Dog, Object.getPrototypeOf(Dog) === Animal, Dog.name, Dog.prototype.constructor === Dog);
try { Dog(); } catch (e) { console.log(e.constructor.name); }
