// Object static methods: entries/fromEntries round trip, assign copying getters' values (not the getters),
// getOwnPropertyNames vs keys, Object.is, and defineProperties.
const src = { a: 1, get b() { return 'got b'; } };
const copy = Object.assign({}, src);
console.log(copy, Object.getOwnPropertyDescriptor(copy, 'b').value, typeof Object.getOwnPropertyDescriptor(src, 'b').get);
const prices = { apple: 1.2, pear: 0.8, fig: 2.5 };
console.log(Object.fromEntries(Object.entries(prices).map(([k, v]) => [k.toUpperCase(), v * 2])));
console.log(Object.values(prices).reduce((a, b) => a + b), Object.entries('hi'));
const target = Object.defineProperties({}, { x: { value: 1, enumerable: true }, hidden: { value: 2 } });
console.log(Object.keys(target), Object.getOwnPropertyNames(target), Object.entries(target));
console.log(Object.is(-0, -0), Object.getPrototypeOf([]) === Array.prototype, Object.setPrototypeOf({ own: 1 }, { inherited: 2 }).inherited);
console.log(Object.getOwnPropertyNames(class { static m() {} }).sort(), Object.keys(Object.create({ p: 1 })));
