// The arguments object: array-like, mapped to the parameters in sloppy functions, unmapped in strict ones,
// absent in arrow functions (which see the enclosing function's).
function sloppy(a) { arguments[0] = 'changed via arguments'; return a; }
function strict(a) { 'use strict'; arguments[0] = 'changed via arguments'; return a; }
console.log(sloppy('orig'), strict('orig'));
function outer() { const inner = () => arguments.length; return inner(1, 2, 3, 4); }
console.log(outer('x', 'y'));
function info() { return [arguments.length, Array.isArray(arguments), Array.from(arguments), typeof arguments[Symbol.iterator], Object.prototype.toString.call(arguments)]; }
console.log(info(1, 'two'));
function rest(...args) { return Array.isArray(args); }
console.log(rest(), (function () { return [...arguments].reverse(); })(1, 2, 3));
