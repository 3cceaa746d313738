// Operators: exponent (right-associative), bitwise on 32-bit ints, >>> on negatives, comma and void,
// pre/post increment, in and delete, and precedence of ?? with parentheses.
console.log(2 ** 3 ** 2, (-2) ** 2, 2 ** -1, 7 % -3, -7 % 3, 5 / 0, -5 / 0, 0 / 0);
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 31, -1 >>> 0, -16 >> 2, -16 >>> 28, 2 ** 32 | 0, 2 ** 31 | 0);
let i = 1;
const r = [i++, i, ++i, i--, i];
console.log(r, (1, 2, 3), void 0, typeof void 'x');
const o = { k: 1 };
console.log('k' in o, delete o.k, 'k' in o, delete o.notThere, 0 in [undefined], 1 in [undefined]);
console.log((null ?? 'a') || 'b', 1 + 2 + '3', '1' + 2 + 3, 1 + +'2', -'3', +true, 1 - -1);
let x = 10; x += 5; x -= 3; x *= 2; x /= 4; x %= 4; x **= 3; x <<= 2;
console.log(x, 0.1 * 3 === 0.3, Math.abs(0.1 * 3 - 0.3) < Number.EPSILON);
