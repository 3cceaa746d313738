// The own properties of function objects, in the order V8 creates them: sloppy plain
// functions carry `arguments`/`caller` (null) before `prototype`; strict functions, arrows,
// methods, classes, generators and async functions have their own lists.
const show = (label, f) => console.log(label, Object.getOwnPropertyNames(f));
show('sloppy', function () {});
show('named sloppy', function named(a, b) {});
show('strict', function () { 'use strict'; });
show('arrow', () => {});
show('method', { m() {} }.m);
show('getter', Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get);
class A { m() {} static s() {} }
show('class', A);
show('class method', A.prototype.m);
show('generator', function* () {});
show('async', async function () {});
show('async arrow', async () => {});
show('async generator', async function* () {});
show('bound', function () {}.bind(null));
show('prototype', function () {}.prototype);
const f = function (x, y = 1) {};
console.log(f.length, f.name, f.arguments, f.caller, typeof f.prototype);
console.log(Object.getOwnPropertyDescriptor(f, 'prototype'));
console.log(Object.getOwnPropertyDescriptor(f, 'arguments'));
console.log(Object.keys(f), JSON.stringify(Object.getOwnPropertyNames(function g() {})));
f.extra = 1;
console.log(Object.getOwnPropertyNames(f));
