// console.log of BigInts as node's util.inspect prints them: primitives, wrapper objects, arrays (numeric right-aligned grouping), objects, Map/Set, and the % substitutions.
console.log(1n, -2n, 2n ** 80n);
console.log([1n, -2n], { a: 10n, b: [Object(3n)] }, Object(5n), Object(-0n));
const w = Object(7n);
w.extra = true;
console.log(w, [w]);
console.log(Array.from({ length: 30 }, (_, i) => BigInt(i) ** 3n));
console.log(new Map([[1n, 2n]]), new Set([3n, 2n ** 64n]));
console.log('%s %d %i %f %j', 5n, 6n, 7n, 8n, { k: 1 });
console.log('%s|%d', Object(9n), Object(9n));
console.log(String([1n, 2n]), `${[3n]}`, [1n, 'x', 2]);
