// Accessors print as [Getter], [Setter] or [Getter/Setter] without being called; class
// accessors live on the prototype and are not shown; static members show on the class.
let calls = 0;
const o = {
  get g() { calls++; return 1; },
  set s(v) {},
  get gs() { return 2; },
  set gs(v) {},
  plain: 3,
};
console.log(o, calls);
class Temp {
  #c = 0;
  static unit = 'C';
  constructor(c) { this.#c = c; this.label = 'temp'; }
  get f() { return this.#c * 1.8 + 32; }
}
const t = new Temp(100);
console.log(t, t.f);
console.log(Temp.unit, Object.keys(t));
const withDefined = {};
Object.defineProperty(withDefined, 'visible', { get() { return 1; }, enumerable: true });
Object.defineProperty(withDefined, 'hidden', { get() { return 2; }, enumerable: false });
console.log(withDefined);
