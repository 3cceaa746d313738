// `this.k = v` in constructors: adds and writes next to setters, read-only and proxy prototypes, frozen instances, size hints.
const show = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name); } };
class P { constructor(a, b, c) { this.a = a; this.b = b; if (c) this.c = c; this.a = this.b; } }
for (let i = 0; i < 5; i++) new P(i, i + 1, i % 2);
console.log(new P(1, 2, 3), new P(1, 2), Object.keys(new P(4, 5, 6)));
class Q extends P { constructor(n) { super(n, n); this.q = n; for (let i = 0; i < n; i++) this['k' + i] = i; } }
for (let i = 0; i < 3; i++) new Q(12);
console.log(new Q(2), Object.keys(new Q(10)).length);
let seen = [];
Object.defineProperty(Object.prototype, 'zz', { set(v) { seen.push(v); }, configurable: true });
class Z { constructor(v) { this.zz = v; this.ok = v; } }
console.log(new Z(1), new Z(2), seen);
delete Object.prototype.zz;
console.log(new Z(3), seen);
class RO { constructor() { this.ro = 1; } }
Object.defineProperty(RO.prototype, 'ro', { value: 0, writable: false });
show(() => new RO());
class G { get g() { return 'g'; } constructor() { this.g = 5; } }
show(() => new G());
class Fr { constructor() { this.a = 1; Object.freeze(this); } }
class Fr2 extends Fr { constructor() { super(); this.b = 2; } }
show(() => new Fr());
show(() => new Fr2());
const log = [];
function F() {}
F.prototype = new Proxy({}, { set(t, k, v, r) { log.push(k); return Reflect.set(t, k, v, r); } });
class A { constructor() { this.x = 1; this.y = 2; } }
const viaProxy = Reflect.construct(A, [], F);
console.log(log, Object.getPrototypeOf(viaProxy) === F.prototype, Object.keys(viaProxy), viaProxy.x);
class Ret { constructor(n) { this.n = n; if (n > 1) return { r: 1, s: 2, t: 3, u: 4 }; } }
console.log(new Ret(2), new Ret(1), new Ret(3), new Ret(0));
class L extends Array { constructor() { super(); this.length = 3; this.tag = 't'; } }
console.log(new L().length, Object.keys(new L()));
class Pr { constructor() { this.prototype = 1; this.arguments = 2; this.caller = 3; this.length = 4; this.name = 5; } }
console.log(new Pr());
const src = { get v() { log.push('get v'); return 7; } };
class Ord { constructor(o) { this.v = o.v; this.w = o.v; } }
console.log(new Ord(src), log.slice(2));
class W { constructor() { Object.defineProperty(this, 'w', { value: 1, writable: false }); this.w = 2; } }
show(() => new W());
class Del { constructor() { this.a = 1; this.b = 2; delete this.a; this.a = 3; } }
console.log(new Del(), new Del());
