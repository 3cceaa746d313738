// BigInt arithmetic by the spec's BigInt:: tables: truncating division, remainder sign, exponent, shifts (negative counts, rounding toward -Infinity), two's complement bitwise operators, ++/--, and the RangeErrors.
const a = 2n ** 100n;
console.log(a, a * a, a - 1n, -a + 1n, a / 3n, a % 1000n);
console.log(7n / 2n, -7n / 2n, 7n / -2n, 7n % 3n, -7n % 3n, 7n % -3n);
console.log((-2n) ** 3n, (-1n) ** 1001n, 0n ** 0n, 10n ** 20n, 3n ** 40n);
console.log(1n << 70n, -5n >> 1n, -1n >> 1000n, 5n >> -2n, 5n << -1n, 255n >> 4n);
console.log(5n & 3n, 5n | 3n, 5n ^ 3n, -6n & 3n, -6n | 3n, -6n ^ 3n, ~5n, ~-1n, -(-3n));
let x = 9007199254740993n;
console.log(x++, x, ++x, x--, --x);
let y = 1n;
y += 2n; y *= 10n; y -= 1n; y **= 2n; y /= 4n; y %= 100n; y <<= 3n; y >>= 1n; y &= 0xffn; y |= 1n; y ^= 2n;
console.log(y);
const r = [];
for (let i = -3n; i <= 3n; i++) r.push(i * i);
console.log(r);
for (const [name, f] of [
  ['div0', () => 1n / 0n],
  ['mod0', () => 1n % 0n],
  ['negexp', () => 2n ** -1n],
  ['huge shift', () => 1n << 10000000000n],
  ['huge pow', () => 10n ** 10000000000n],
]) {
  try { f(); console.log(name, 'no error'); } catch (e) { console.log(name, e.constructor.name); }
}
console.log(0n / 5n, -0n % 5n, (2n ** 64n - 1n) & -(2n ** 32n));
