// Number to string conversion (Number::toString): shortest round-trip digits, exponent thresholds (1e21, 1e-7),
// -0 printing, radix conversion, toFixed/toPrecision/toExponential rounding.
console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, 1 / 3, 2 ** 53, 2 ** 53 + 1);
console.log(1e21, 1e20, 123456789012345680000, 1e-7, 0.000001, 1.5e-10);
console.log(-0, String(-0), `${-0}`, Object.is(-0, 0), -0 === 0, [-0], JSON.stringify(-0));
console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), parseInt('ff', 16), parseInt('0x1A'));
console.log((1.005).toFixed(2), (1.45).toFixed(1), (2.5).toFixed(0), (1e21).toFixed(2), (0).toFixed(2), (-1.5).toFixed(0));
console.log((123.456).toPrecision(4), (0.00012345).toPrecision(2), (123456).toPrecision(2), (12345.678).toExponential(2));
console.log(Number.MAX_SAFE_INTEGER, Number.EPSILON > 0, Number.MIN_VALUE, Number.MAX_VALUE, -Infinity, NaN);
console.log(Number('  42  '), Number(''), Number('12px'), parseFloat('12.5px'), Number('0b101'), Number(null), Number(undefined), Number([5]));
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Math.round(-2.5), Math.round(2.5), Math.max(), Math.min());
console.log(0.1 * 3, 100 / 3, 5e-324, 9007199254740993, 4.35 * 100, 1.1 + 2.2);
