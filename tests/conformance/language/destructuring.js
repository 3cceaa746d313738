// Destructuring with defaults, renaming, nesting, rest in arrays and objects, holes, swapping, and defaults
// applying only to undefined (not null).
const { a = 1, b: { c = 2, ...restB } = {}, ...rest } = { b: { d: 4, e: 5 }, f: 6, g: 7 };
console.log(a, c, restB, rest);
const [x, , y = 'dflt', ...others] = [10, 20, undefined, 40, 50];
console.log(x, y, others);
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
const { n = 'default' } = { n: null };
const { m = 'default' } = { m: undefined };
console.log(n, m);
function opts({ size = 'M', colors: [first = 'red', ...more] = [] } = {}) { return `${size} ${first} ${more.length}`; }
console.log(opts(), opts({ size: 'L', colors: ['blue', 'green', 'pink'] }));
const [ch1, ch2] = 'hi!';
console.log(ch1, ch2);
try { const { z } = null; } catch (e) { console.log(e.constructor.name); }
