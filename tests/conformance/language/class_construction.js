// [[Construct]] of classes and plain functions: prototypes from new.target, return rules, super() chains, fields.
function P(x) { this.x = x; }
P.prototype.get = function () { return this.x; };
function R(x) { this.x = x; return { y: x }; }
function R2(x) { this.x = x; return 5; }
console.log(new P(3).get(), new P(4) instanceof P, new R(1), new R2(1));
class A { constructor(a, b) { this.a = a; this.b = b; } }
class B extends A { constructor(...r) { super(...r); this.c = 3; } }
class C extends A {}
class D extends C { x = 5; #p = 6; getP() { return this.#p; } }
console.log(new B(1, 2), new B(1), new C(7, 8), new D(1, 2), new D().getP());
class E extends A { constructor() { return { o: 1 }; } }
console.log(new E(), new E() instanceof A);
const show = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name); } };
show(() => new (class extends A { constructor() { return 3; } })());
show(() => new (class extends A { constructor() {} })());
show(() => new (class extends A { constructor() { super(1); super(2); } })());
show(() => new (class extends A { constructor() { this.x = 1; super(); } })());
show(() => A());
class J { constructor() { this.nt = new.target.name; } }
class K extends J { constructor() { super(); this.k = new.target === K; } }
console.log(new J(), new K());
const r = Reflect.construct(A, [1, 2], K);
console.log(Object.getPrototypeOf(r) === K.prototype, r);
function Q() { this.q = new.target; }
console.log(new Q().q === Q, Reflect.construct(Q, [], P).q === P);
class N extends A { constructor() { const f = () => super(9, 10); f(); this.t = (() => this.a)(); } }
console.log(new N());
class O { a = 1; b = this.a + 1; constructor() { this.c = this.b + 1; } }
class O2 extends O { d = this.c * 2; }
console.log(new O(), new O2());
class S { constructor(x) { this.f = () => x; } }
function T(x) { this.g = () => x; }
console.log(new S(42).f(), new T(43).g());
function Base(v) { this.v = v; }
Base.prototype.hi = function () { return 'hi' + this.v; };
class Der extends Base { constructor() { super(3); } }
class Der2 extends Base {}
console.log(new Der().hi(), new Der2(4).hi());
class Nu extends null { constructor() { return Object.create(Nu.prototype); } }
console.log(Object.getPrototypeOf(new Nu()) === Nu.prototype);
function W() {}
W.prototype = null;
console.log(Object.getPrototypeOf(new W()) === Object.prototype);
const BA = A.bind(null, 1);
console.log(new BA(2));
class MyArr extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }
console.log(MyArr.from([1, 2, 3]).sum(), new MyArr(1, 2).length, String(new MyErr('boom')));
class X1 { constructor() { this.w = 'X1'; } }
class X2 { constructor() { this.w = 'X2'; } }
class Y extends X1 { constructor() { super(); } }
Object.setPrototypeOf(Y, X2);
console.log(new Y().w, Object.getPrototypeOf(new Y()) === Y.prototype);
