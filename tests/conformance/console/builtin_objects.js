// Other built-ins as console.log prints them: Date (ISO string, nested too), RegExp, boxed primitives,
// arguments, typed arrays and ArrayBuffer, an array with extra properties, and a frozen object (no marker).
console.log(new Date(Date.UTC(2024, 0, 15, 10, 30)), [new Date(0)], { d: new Date(NaN) });
console.log(/ab+c/gi, [/x/], new Number(5), new String('str'), new Boolean(false), Object(Symbol('s')), Object(1n));
(function () { console.log(arguments); })(1, 'a');
console.log(new Uint8Array([1, 2, 300]), new Float64Array(2), new ArrayBuffer(4));
const arr = [1, 2]; arr.extra = 'prop'; arr[-1] = 'neg';
console.log(arr, Object.freeze({ f: 1 }));
console.log([1, 2, 3].keys(), new Map([[1, 2]]).entries(), 'abc'[Symbol.iterator]());
