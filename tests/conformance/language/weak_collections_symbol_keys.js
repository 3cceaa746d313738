// WeakMap/WeakSet keys: objects and non-registered symbols (ES2023 symbols-as-weakmap-keys);
// registered symbols (Symbol.for) and primitives are rejected.
const wm = new WeakMap();
const s = Symbol('k');
const o = {};
wm.set(s, 'sym').set(o, 'obj').set(Symbol.iterator, 'well-known');
console.log(wm.get(s), wm.get(o), wm.get(Symbol.iterator), wm.has(Symbol('k')));
console.log(wm.delete(s), wm.has(s), wm.delete(s), wm.get(s));
for (const bad of [Symbol.for('reg'), 1, 'str', null, undefined, true]) {
  try { wm.set(bad, 1); } catch (e) { console.log(e.constructor.name, e.message); }
  console.log(wm.has(bad), wm.get(bad), wm.delete(bad));
}
const ws = new WeakSet([s, o]);
console.log(ws.has(s), ws.has(o), ws.has(Symbol('k')), ws.delete(s), ws.has(s));
try { ws.add(Symbol.for('reg')); } catch (e) { console.log(e.constructor.name, e.message); }
const many = [];
for (let i = 0; i < 100; i++) { const k = Symbol(String(i)); many.push(k); wm.set(k, i); }
console.log(many.every((k, i) => wm.get(k) === i));
