// BigInt mixed with other types: TypeError for Number arithmetic and `>>>`, string concatenation, exact comparisons with Numbers and Strings (NaN, Infinity, fractions, 2^53+1), loose equality, SameValueZero in Set/Map/includes.
for (const [name, f] of [
  ['1n + 1', () => 1n + 1], ['1 * 1n', () => 1 * 1n], ['+1n', () => +1n],
  ['1n >>> 0n', () => 1n >>> 0n], ['Math.abs', () => Math.abs(1n)], ['1n | 0', () => 1n | 0],
  ['isNaN', () => isNaN(1n)], ['unary -', () => -Object(2n)],
]) {
  try { console.log(name, f()); } catch (e) { console.log(name, e.constructor.name, e.message); }
}
console.log('x' + 1n, 1n + 'x', `${-5n}`, [1n, 2n].join(), String(2n ** 65n), 1n + Object(2n));
console.log(1n < 2, 2n > 1.5, 1n < 1.5, -1n < -0.5, 1n < NaN, 1n > NaN, 1n < Infinity, -1n > -Infinity);
console.log(9007199254740993n > 9007199254740992, 9007199254740993n == 9007199254740992, 2n ** 1024n > Number.MAX_VALUE);
console.log('10' > 9n, '10' < 11n, 'x' < 1n, 'x' >= 1n, '  5  ' == 5n, '0x10' == 16n, '1.0' == 1n, '' == 0n);
console.log(1n == 1, 1n == 1.5, 0n == false, 1n == true, 2n == true, 1n == Object(1n), null == 0n, undefined == 0n);
console.log(1n === 1n, 1n === 1, Object.is(-0n, 0n), Object.is(5n, 5n), [1n, 2n].includes(2n), [1n].indexOf(1n));
const s = new Set([1n, 1n, 2n, 2n ** 64n, 2n ** 64n, 1]);
console.log(s.size, s.has(2n ** 64n), s.has(2));
const m = new Map([[10n, 'a']]);
m.set(10n, 'b');
console.log(m.size, m.get(10n), m.get(10));
console.log(0n ? 'truthy' : 'falsy', 1n && 'and', !0n, !!-1n, 0n || 'or', 0n ?? 'nullish');
console.log(Number(2n ** 64n), Number(-12n), Number(9007199254740995n), parseInt('12n'), parseFloat(3n));
