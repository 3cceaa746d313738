// Math functions with exactly representable or well-defined results: trunc/sign/floor/ceil on negatives,
// hypot, cbrt, clz32, fround, imul, min/max with NaN and -0, and pow edge cases.
console.log(Math.trunc(-4.7), Math.sign(-3), Math.sign(-0), Math.floor(-4.5), Math.ceil(-4.5), Math.round(-4.5), Math.round(4.5));
console.log(Math.hypot(3, 4), Math.cbrt(27), Math.sqrt(16), Math.clz32(1), Math.fround(5.5), Math.fround(5.05), Math.imul(0xffffffff, 5));
console.log(Math.max(1, NaN), Math.min(0, -0), Math.max(-0, 0), Math.abs(-7.25), Math.pow(NaN, 0), 1 ** Infinity, Math.pow(-8, 1 / 3));
console.log(Math.PI, Math.E, Math.LN2, Math.SQRT2, Math.log2(8), Math.log10(1000), Math.expm1(0), Math.atan2(1, 1) * 4 === Math.PI);
console.log([1.5, 2.5, -1.5, -2.5, 0.49999999999999994].map(Math.round));
