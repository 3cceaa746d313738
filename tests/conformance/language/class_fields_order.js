// Class field initialization: fields are defined in order after super() returns, initializers see `this`, arrow
// fields capture the instance, base constructors see subclass fields as not yet defined.
class Base {
  baseField = (console.log('  Base field init'), 'base');
  constructor() { console.log('  Base constructor sees sub field:', this.subField); }
}
class Sub extends Base {
  subField = (console.log('  Sub field init'), 'sub');
  derived = this.subField + '+derived';
  arrow = () => this.subField;
  constructor() { console.log('  Sub constructor before super'); super(); console.log('  Sub constructor after super'); }
}
const s = new Sub();
const { arrow } = s;
console.log(s.derived, arrow(), Object.keys(s));
class Counter { static instances = 0; id = ++Counter.instances; }
console.log(new Counter().id, new Counter().id, Counter.instances);
