// The BigInt builtin: the constructor's conversions and errors, asIntN/asUintN, prototype methods, wrapper objects, Object.prototype.toString, JSON, and sorting.
console.log(BigInt(10), BigInt(-0), BigInt('  0x1f  '), BigInt(''), BigInt('-42'), BigInt(true), BigInt(Object(7n)));
console.log(BigInt({ valueOf() { return 3; } }), BigInt({ [Symbol.toPrimitive]() { return '99'; } }), BigInt(2 ** 60));
for (const v of [1.5, NaN, Infinity, '1.5', '1n', '-0x1', 'abc', undefined, null, Symbol('s')]) {
  try { BigInt(v); console.log('ok'); } catch (e) { console.log(String(v), e.constructor.name); }
}
try { new BigInt(1); } catch (e) { console.log('new BigInt', e.constructor.name); }
console.log(BigInt.length, BigInt.name, BigInt.asIntN.length, BigInt.asUintN.length, Object.getPrototypeOf(BigInt) === Function.prototype);
console.log(BigInt.asIntN(8, 255n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, -129n), BigInt.asIntN(64, 2n ** 63n), BigInt.asIntN(0, 5n));
console.log(BigInt.asUintN(8, -1n), BigInt.asUintN(64, -1n), BigInt.asUintN(1, 3n), BigInt.asUintN(200, 5n), BigInt.asIntN(3, '7'));
try { BigInt.asIntN(-1, 1n); } catch (e) { console.log('asIntN(-1)', e.constructor.name); }
try { BigInt.asUintN(8, 1); } catch (e) { console.log('asUintN(8, 1)', e.constructor.name); }
console.log((255n).toString(16), (255n).toString(2), (-255n).toString(36), (2n ** 70n).toString(36), 10n.toString());
try { (1n).toString(37); } catch (e) { console.log('radix 37', e.constructor.name); }
console.log((1234567n).toLocaleString(), (-1000n).toLocaleString(), 5n.valueOf(), Object(6n).valueOf());
try { BigInt.prototype.valueOf.call(1); } catch (e) { console.log('valueOf on 1', e.constructor.name); }
console.log(Object.prototype.toString.call(1n), Object.prototype.toString.call(Object(1n)), BigInt.prototype[Symbol.toStringTag]);
const w = Object(5n);
console.log(typeof w, w instanceof BigInt, w + 1n, w == 5n, w === 5n, Object.getOwnPropertyNames(BigInt.prototype).sort());
try { JSON.stringify({ n: 1n }); } catch (e) { console.log('JSON', e.constructor.name, e.message); }
BigInt.prototype.toJSON = function () { return this.toString() + 'n'; };
console.log(JSON.stringify({ n: 1n, w: Object(2n), a: [3n] }));
delete BigInt.prototype.toJSON;
console.log([10n, 9n, 1n, -2n, 100n].sort(), [10n, 9n, 1n, -2n, 100n].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0)));
try { Number.prototype.toFixed.call(1n, 2); } catch (e) { console.log('toFixed', e.constructor.name); }
