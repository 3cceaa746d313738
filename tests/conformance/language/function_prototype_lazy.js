// Function objects get their prototype object (and sloppy arguments/caller) on first use:
// every way of observing them must see them as if made at creation (keys in V8's order).
function f(a, b) {}
console.log(Object.getOwnPropertyNames(f));
const g = function () { 'use strict'; };
console.log(Object.getOwnPropertyNames(g));
function h() {}
h.x = 1;
console.log(Object.getOwnPropertyNames(h), h.prototype.constructor === h);
function k() {}
console.log(Object.getOwnPropertyDescriptor(k, 'prototype'));
console.log(k.hasOwnProperty('prototype'), 'prototype' in k, k.arguments, k.caller);
function m() {}
console.log(Reflect.ownKeys(m), Object.keys(m));
function n() {} n.prototype = 5; console.log(n.prototype, Object.getOwnPropertyNames(n));
function o() {} Object.freeze(o); console.log(Object.isFrozen(o), Object.getOwnPropertyDescriptor(o, 'prototype').writable);
function p() {} delete p.name; console.log(Object.getOwnPropertyNames(p));
function q() {} const inst = new q(); console.log(inst instanceof q, Object.getPrototypeOf(inst) === q.prototype);
function r() {} console.log(r, [r], {r});
function s() {} console.log(Object.create(s).prototype === s.prototype);
function t() {} Object.defineProperty(t, 'y', {value: 2}); console.log(Object.getOwnPropertyNames(t));
function u() {} u[0] = 1; console.log(Object.getOwnPropertyNames(u));
function v() {} console.log(JSON.stringify(Object.getOwnPropertyDescriptors(v)));
function w() {} Object.setPrototypeOf(w, null); console.log(Object.getOwnPropertyNames(w), typeof w.prototype);
function x() {} Object.preventExtensions(x); console.log(x.prototype !== undefined);
const y = function () {}; console.log(y.prototype);
class Z {} console.log(Object.getOwnPropertyNames(Z));
function* gen() {} console.log(Object.getOwnPropertyNames(gen));
async function af() {} console.log(Object.getOwnPropertyNames(af));
const arrow = () => 1; console.log(Object.getOwnPropertyNames(arrow));
function aa() {} for (const k in aa) console.log('key', k); console.log(Object.entries(aa));
function bb() {} console.log(bb.prototype.isPrototypeOf(new bb()), Object.assign({}, bb));
console.log(Object.getOwnPropertyNames(function(){}.bind(null)));
function cc() {} cc.prototype.m = function() { return 7 }; console.log(new cc().m());
function dd() {} console.log(Object.getOwnPropertyNames(dd.prototype), dd.prototype);
