// Proxy.revocable: the { proxy, revoke } pair, what a revoked proxy still allows, and what throws.
const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
console.log(Object.keys(Proxy.revocable({}, {})), revoke.length, JSON.stringify(revoke.name));
console.log(proxy.a, typeof proxy);
console.log(revoke(), revoke());
for (const [label, f] of [
  ['get', () => proxy.a],
  ['set', () => { proxy.a = 2; }],
  ['in', () => 'a' in proxy],
  ['keys', () => Object.keys(proxy)],
  ['getPrototypeOf', () => Object.getPrototypeOf(proxy)],
  ['Array.isArray', () => Array.isArray(proxy)],
  ['toString', () => Object.prototype.toString.call(proxy)],
]) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
console.log(typeof proxy, proxy === proxy);
console.log(proxy);
const fn = Proxy.revocable(function () { return 1; }, {});
console.log(typeof fn.proxy, fn.proxy());
fn.revoke();
console.log(typeof fn.proxy);
try { fn.proxy(); } catch (e) { console.log('call', e.constructor.name); }
// A revoked proxy is still a valid target or handler for a new proxy.
const p2 = new Proxy(proxy, {});
try { p2.x; } catch (e) { console.log('wrapped', e.constructor.name); }
try { Proxy({}, {}); } catch (e) { console.log('no new:', e.constructor.name); }
try { new Proxy(1, {}); } catch (e) { console.log('primitive target:', e.constructor.name); }
console.log(Proxy.length, Proxy.name, 'prototype' in Proxy);
