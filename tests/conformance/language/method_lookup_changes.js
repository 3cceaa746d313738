// Method calls see every change to the prototype chain: redefinition, deletion,
// accessors, setPrototypeOf, shadowing by own properties, freezing.
const out = [];
const put = (x) => { out[out.length] = x; };
class A { m() { return "A"; } }
class B extends A {}
const b = new B();
function call(o) { return o.m(); }
put(call(b));
B.prototype.m = function () { return "B"; };
put(call(b));
delete B.prototype.m;
put(call(b));
A.prototype.m = function () { return "A2"; };
put(call(b));
Object.defineProperty(A.prototype, "m", { get() { return () => "getter"; }, configurable: true });
put(call(b));
Object.defineProperty(A.prototype, "m", { value: () => "data", configurable: true, writable: true });
put(call(b));
const C = { m() { return "C"; } };
Object.setPrototypeOf(B.prototype, C);
put(call(b));
b.m = () => "own";
put(call(b));
delete b.m;
put(call(b));
const arr = [1, 2];
put(arr.push(3));
Array.prototype.push = function () { return "patched"; };
put(arr.push(4));
Object.prototype.zz = () => "zz1";
put(({}).zz());
Object.prototype.zz = () => "zz2";
put(({}).zz());
const p = Object.create(null);
const q = Object.create(p);
try { q.m(); } catch (e) { put(e.constructor.name); }
p.m = () => "late";
put(q.m());
function F() {}
F.prototype.m = () => "F";
const f = new F();
put(f.m());
F.prototype = { m: () => "F2" };
put(f.m());
put(new F().m());
console.log(out.join(","));
