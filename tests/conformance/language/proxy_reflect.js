// Proxy traps (get, set, has, deleteProperty, ownKeys, apply) logging each operation, and Reflect methods as
// the default behaviour.
const log = [];
const target = { a: 1, b: 2 };
const p = new Proxy(target, {
  get(t, k, r) { log.push(`get ${String(k)}`); return k in t ? Reflect.get(t, k, r) : `no ${String(k)}`; },
  set(t, k, v) { log.push(`set ${k}=${v}`); return Reflect.set(t, k, v * 10); },
  has(t, k) { log.push(`has ${k}`); return k.startsWith('a'); },
  deleteProperty(t, k) { log.push(`delete ${k}`); return false; },
  ownKeys(t) { log.push('ownKeys'); return [...Reflect.ownKeys(t), 'ghost'].filter((k) => k !== 'ghost'); },
});
p.c = 3;
console.log(p.a, p.zzz, 'b' in p, 'abc' in p, delete p.a, Object.keys(p));
console.log(log.join(' | '));
console.log(target);
const traced = new Proxy(function sum(x, y) { return x + y; }, { apply(fn, thisArg, args) { return `sum(${args}) = ${Reflect.apply(fn, thisArg, args)}`; } });
console.log(traced(2, 3), Reflect.ownKeys({ z: 1, [Symbol('s')]: 2, 1: 0 }), Reflect.has({ x: 1 }, 'x'));
