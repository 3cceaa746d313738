// `arguments.callee` is the running function in sloppy functions with simple parameters, and a
// poisoned accessor (TypeError on access) in strict functions and with non-simple parameters.
function sloppy() { return arguments.callee === sloppy; }
console.log('sloppy callee is the function:', sloppy());
const fact = function (n) { return n <= 1 ? 1 : n * arguments.callee(n - 1); };
console.log('anonymous recursion via callee:', fact(5));
function strict() { 'use strict'; return arguments.callee; }
try { strict(); } catch (e) { console.log('strict:', e.constructor.name); }
function withDefault(a = 1) { return arguments.callee; }
try { withDefault(); } catch (e) { console.log('non-simple params:', e.constructor.name); }
function strictDesc() { 'use strict'; return Object.getOwnPropertyDescriptor(arguments, 'callee'); }
const d = strictDesc();
console.log(typeof d.get, d.get === d.set, d.enumerable, d.configurable);
function sloppyDesc() { return Object.getOwnPropertyDescriptor(arguments, 'callee'); }
const s = sloppyDesc();
console.log(typeof s.value, s.writable, s.enumerable, s.configurable);
console.log(Object.keys((function () { return arguments; })(1, 2)));
const fpCaller = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
console.log(fpCaller.get === d.get, Object.isFrozen(d.get), d.get.name === '', d.get.length);
