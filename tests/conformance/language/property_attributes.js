// Property attributes with Object.defineProperty: non-writable, non-enumerable, non-configurable, accessors,
// and how getOwnPropertyDescriptor and keys report them. Sloppy-mode failed writes are silent.
const o = {};
Object.defineProperty(o, 'fixed', { value: 1 });
Object.defineProperty(o, 'visible', { value: 2, enumerable: true, writable: true });
let backing = 'x';
Object.defineProperty(o, 'acc', { get() { return backing; }, set(v) { backing = v + '!'; }, enumerable: true });
o.fixed = 99;
o.acc = 'y';
console.log(o.fixed, Object.keys(o), JSON.stringify(o), o.acc);
console.log(Object.getOwnPropertyDescriptor(o, 'fixed'));
console.log(Object.getOwnPropertyDescriptor(o, 'visible'));
console.log(Object.getOwnPropertyNames(o), delete o.fixed, 'fixed' in o);
try { Object.defineProperty(o, 'fixed', { value: 3 }); } catch (e) { console.log('redefine:', e.constructor.name); }
console.log(Object.getOwnPropertyDescriptor(o, 'acc').set !== undefined, o.propertyIsEnumerable('fixed'));
