// Functions print as [Function: name], anonymous ones as [Function (anonymous)], classes as [class A] or
// [class B extends A]; async, generator and bound functions get their own labels; properties on a function show.
function f() {}
class A {}
class B extends A {}
const anon = [function () {}, () => {}];
async function af() {}
function* gf() {}
async function* agf() {}
console.log(f, A, B, anon, class {});
console.log(af, gf, agf, f.bind(null), Math.max, [].map);
const withProps = function tagged() {}; withProps.version = 2;
console.log(withProps, { method() {}, arrow: () => 1, get g() { return 1; } });
const named = { fnInObject: function () {} };
console.log(named, (() => {}).name === '', A.prototype.constructor === A);
