// BigInt literals: every radix, numeric separators, huge values, literals as property keys, and the literal forms that are SyntaxErrors (decimal point, exponent, legacy octal).
console.log(0n, 123n, 0x1Fn, 0XFFn, 0o17n, 0O7n, 0b101n, 0B11n, 1_000_000n, 0xff_ffn);
console.log(123456789012345678901234567890123456789n, 0xffffffffffffffffffffffffn);
console.log(typeof 1n, typeof Object(1n), -0n, 0n === -0n);
const o = { 1n: 'one', 0x10n: 'sixteen', 12345678901234567890n: 'big' };
console.log(o, Object.keys(o));
console.log(o[1], o['16'], o[12345678901234567890n]);
class C { static 2n = 'static'; 3n() { return 'method'; } }
console.log(C[2], new C()[3]());
const { 1n: first } = { 1: 'destructured' };
console.log(first);
for (const src of ['1.5n', '1e3n', '01n', '08n', '0_1n', '1_n', '1n_', '.5n', '0xn', '1nn', '5n5']) {
  try {
    eval(src);
    console.log(src, 'parsed');
  } catch (e) {
    console.log(src, e.constructor.name);
  }
}
console.log(eval('10n') === 10n, eval('0b1_0n'), eval('"use strict"; 0o10n'));
