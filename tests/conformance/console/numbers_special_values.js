// Special values as console.log prints them, at top level and nested: -0 (shown as -0), NaN, Infinity,
// undefined, null, booleans, bigint (with n), and number formatting in arrays.
console.log(-0, 0, NaN, -Infinity, undefined, null, true, 10n);
console.log([-0, 0, NaN, undefined, null, 1e21, 1e-7, 0.1 + 0.2, -5n]);
console.log({ u: undefined, n: null, z: -0, big: 123n, f: 1.5, neg: -1 });
console.log([undefined, , null], [, ,], new Array(5), [1, , , 4]);
