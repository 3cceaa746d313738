// Assignments that add a property consult the prototype chain: setters, read-only
// properties and proxies on it decide, including ones defined after earlier adds.
"use strict";
const out = [];
class A { get x() { return 1; } }
class B extends A {}
const b = new B();
try { b.x = 5; out.push("no throw"); } catch (e) { out.push(e.constructor.name); }
const p = {};
Object.defineProperty(p, "ro", { value: 1, writable: false });
const o = Object.create(p);
try { o.ro = 2; out.push("no throw"); } catch (e) { out.push(e.constructor.name); }
const s = { set zz(v) { out.push("setter " + v); } };
const q = Object.create(s);
q.zz = 3;
out.push(Object.keys(q).length);
// A key first added freely, then made read-only on a prototype.
const base = {};
const c1 = Object.create(base);
c1.later = 1;
Object.defineProperty(base, "later", { value: 0, writable: false });
const c2 = Object.create(base);
try { c2.later = 2; out.push("no throw"); } catch (e) { out.push(e.constructor.name); }
out.push(c1.later, c2.later);
Object.freeze(Object.prototype);
const f = {};
try { f.toString = 1; out.push("no throw"); } catch (e) { out.push(e.constructor.name); }
const g = {};
g.newkey = 1;
out.push(g.newkey);
const pr = new Proxy({}, { set(t, k) { out.push("trap " + k); return true; } });
const r = Object.create(pr);
r.foo = 1;
out.push(Object.keys(r).length);
console.log(out.join(","));
