// util.inspect's default depth is 2: objects and arrays nested deeper print as [Object] / [Array];
// empty ones still print as {} and [].
const deep = { l1: { l2: { l3: { l4: 'too deep' }, arr: [1, [2, [3]]] }, empty: {} } };
console.log(deep);
console.log([[[[1]]]], [[[[]]]], [{ a: { b: { c: {} } } }]);
console.log({ a: [{ b: [{ c: 1 }] }] });
