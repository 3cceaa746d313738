// Proxy invariants: a trap may not lie about non-configurable or non-extensible targets (TypeError each time).
function attempt(label, f) {
  try {
    console.log(label, 'ok', f());
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
const frozen = Object.freeze({ x: 1 });
attempt('get lies about frozen x', () => new Proxy(frozen, { get: () => 2 }).x);
attempt('get tells the truth', () => new Proxy(frozen, { get: () => 1 }).x);
attempt('has hides frozen x', () => 'x' in new Proxy(frozen, { has: () => false }));
attempt('deleteProperty claims success', () => delete new Proxy(frozen, { deleteProperty: () => true }).x);
attempt('set claims success', () => Reflect.set(new Proxy(frozen, { set: () => true }), 'x', 5));
attempt('set reports failure', () => Reflect.set(new Proxy({}, { set: () => false }), 'x', 5));
attempt('strict set failure', () => { 'use strict'; new Proxy({}, { set: () => false }).x = 1; });
attempt('ownKeys omits x', () => Object.keys(new Proxy(frozen, { ownKeys: () => [] })));
attempt('ownKeys duplicates', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['a', 'a'] })));
attempt('ownKeys non-key', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => [1] })));
attempt('ownKeys extra on frozen', () => Reflect.ownKeys(new Proxy(frozen, { ownKeys: () => ['x', 'y'] })));
attempt('isExtensible lies', () => Object.isExtensible(new Proxy({}, { isExtensible: () => false })));
attempt('preventExtensions lies', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => true })));
attempt('getPrototypeOf lies', () => Object.getPrototypeOf(new Proxy(frozen, { getPrototypeOf: () => Array.prototype })));
attempt('getPrototypeOf non-object', () => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 })));
attempt('gOPD hides frozen x', () => Object.getOwnPropertyDescriptor(new Proxy(frozen, { getOwnPropertyDescriptor: () => undefined }), 'x'));
attempt('gOPD invents non-configurable', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => ({ value: 1, configurable: false }) }), 'y'));
attempt('defineProperty invents non-configurable', () => Object.defineProperty(new Proxy({}, { defineProperty: () => true }), 'y', { value: 1, configurable: false }));
attempt('defineProperty refuses', () => Object.defineProperty(new Proxy({}, { defineProperty: () => false }), 'y', { value: 1 }));
attempt('construct returns primitive', () => new (new Proxy(function () {}, { construct: () => 1 }))());
attempt('trap is not a function', () => new Proxy({}, { get: 1 }).x);
attempt('null trap forwards', () => new Proxy({ x: 7 }, { get: null }).x);
let deep = {};
for (let i = 0; i < 100000; i++) deep = new Proxy(deep, {});
attempt('100000 nested proxies', () => deep.x);
attempt('recursive trap', () => { const r = new Proxy({}, { get: (t, k, rcv) => rcv[k] }); return r.x; });
