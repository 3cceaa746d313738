// Getters and setters in object literals and classes: computed on each read, setter validation, inherited
// accessors, a getter-only property ignoring writes (sloppy) and throwing in strict mode.
const temp = {
  _c: 20,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
  get readOnly() { return 'ro'; },
};
console.log(temp.f);
temp.f = 212;
console.log(temp._c, temp.f);
temp.readOnly = 'ignored';
console.log(temp.readOnly);
(function () { 'use strict'; try { temp.readOnly = 'x'; } catch (e) { console.log('strict write to getter-only:', e.constructor.name); } })();
const child = Object.create(temp);
child.f = 32;
console.log(child._c, temp._c, Object.hasOwn(child, '_c'), Object.hasOwn(child, 'f'));
let reads = 0;
const lazy = { get value() { reads++; Object.defineProperty(this, 'value', { value: 'cached' }); return 'computed'; } };
console.log(lazy.value, lazy.value, lazy.value, 'reads:', reads);
