// BigInt: arbitrary precision arithmetic, division truncation, no mixing with Number (TypeError), comparisons
// across types, typeof, string conversion and BigInt.asUintN.
const big = 2n ** 64n;
console.log(big, big * big, String(big), (2n ** 53n + 1n).toString(), 7n / 2n, -7n / 2n, -7n % 3n);
console.log(1n == 1, 1n === 1, 2n > 1, 10n > 9.5, typeof 10n, BigInt('123456789012345678901234567890'));
try { 1n + 1; } catch (e) { console.log('mixing:', e.constructor.name); }
console.log(BigInt.asUintN(8, 257n), BigInt.asIntN(8, 255n), (255n).toString(16), BigInt(Number.MAX_SAFE_INTEGER) + 2n);
console.log([3n, 1n, 2n].sort(), 0n ? 'truthy' : 'falsy', -0n, JSON.stringify({ n: 1 }));
try { JSON.stringify({ n: 1n }); } catch (e) { console.log('JSON:', e.constructor.name); }
