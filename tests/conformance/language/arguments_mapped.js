// Mapped arguments objects (ECMA-262 §10.4.4): in a sloppy function with simple parameters,
// arguments[i] and parameter i alias each other (both directions) until the mapping is removed
// by delete or by defineProperty with an accessor or writable: false.
function both(a, b) { arguments[0] = 10; b = 20; return [a, arguments[1], arguments.length]; }
console.log(both(1, 2), both(1));
function paramWrite(a) { a = 5; return arguments[0]; }
console.log(paramWrite(1), paramWrite());
function deleted(a) { delete arguments[0]; arguments[0] = 9; return [a, arguments[0]]; }
console.log(deleted(1));
function readOnly(a) { Object.defineProperty(arguments, '0', { writable: false }); a = 7; return [a, arguments[0]]; }
console.log(readOnly(1));
function readOnlyValue(a) { Object.defineProperty(arguments, 0, { value: 'dv', writable: false }); a = 'after'; return [a, arguments[0]]; }
console.log(readOnlyValue(1));
function defineValue(a) { Object.defineProperty(arguments, 0, { value: 'dv' }); return a; }
console.log(defineValue(1));
function accessor(a) { Object.defineProperty(arguments, '0', { get() { return 'g'; }, configurable: true }); a = 3; return [a, arguments[0]]; }
console.log(accessor(1));
function nonConfigurable(a) { Object.defineProperty(arguments, '0', { configurable: false }); a = 2; const d = delete arguments[0]; a = 3; return [d, arguments[0]]; }
console.log(nonConfigurable(1));
function dup(a, a) { arguments[0] = 'x'; arguments[1] = 'y'; return a; }
console.log(dup(1, 2));
function closure(a) { (function () { a = 'inner'; })(); return arguments[0]; }
console.log(closure(1));
function viaEval(a) { eval('a = 3'); return arguments[0]; }
console.log(viaEval(1));
function strict(a) { 'use strict'; a = 2; arguments[0] = 'ignored by a'; return [a, arguments[0]]; }
console.log(strict(1));
function defaults(a = 0) { a = 2; return arguments[0]; }
console.log(defaults(1));
function views(a, b) { a = 2; b = 'z'; console.log(arguments); return [JSON.stringify(arguments), Object.values(arguments), [...arguments], Array.prototype.slice.call(arguments), Object.keys(arguments)]; }
console.log(views(1, 3));
function generator(a) { const it = (function* () { yield arguments[0]; })(a); a = 4; return it.next().value; }
console.log(generator(1));
function arrow(a) { const f = () => arguments[0]; a = 8; return f(); }
console.log(arrow(1));
function beyond(a) { arguments[1] = 'x'; return [a, arguments.length, arguments[1]]; }
console.log(beyond(1));
function frozen(a) { Object.freeze(arguments); a = 3; return [a, arguments[0], Object.getOwnPropertyDescriptor(arguments, 0).value]; }
console.log(frozen(1));
function descriptor(a) { a = 'now'; return Object.getOwnPropertyDescriptor(arguments, '0'); }
console.log(descriptor(1));
function reflectSet(a) { Reflect.set(arguments, 0, 'r'); return a; }
console.log(reflectSet(1));
function escaped(a) { return [arguments, (v) => { a = v; }, () => a]; }
const [args, setA, getA] = escaped('first');
args[0] = 'via object'; console.log(getA());
setA('via closure'); console.log(args[0]);
async function asyncFn(a) { arguments[0] = 2; await null; a = 3; return [a, arguments[0]]; }
asyncFn(1).then((v) => console.log('async', v));
