// Default parameters: evaluated at call time, left to right, only for undefined, may refer to earlier
// parameters, and affect fn.length; arguments does not see defaults.
let counter = 0;
function f(a, b = a * 2, c = ++counter, d = []) { d.push(a); return [a, b, c, d]; }
console.log(f(1), f(1, undefined), f(1, null), f(1, 2, 3));
console.log(f.length, ((x, y = 1, z) => 0).length, ((...r) => 0).length);
function g(x = 1) { return arguments.length; }
console.log(g(), g(undefined), g(5, 6));
function h(a, getA = () => a) { a = 'changed'; return getA(); }
console.log(h('original'));
const withObj = ({ host = 'localhost', port = 80 } = {}, ...extra) => `${host}:${port} +${extra.length}`;
console.log(withObj(), withObj({ port: 8080 }, 1, 2));
