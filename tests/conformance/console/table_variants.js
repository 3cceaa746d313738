// console.table with arrays of objects, arrays of arrays, a column filter, primitives and objects
// keyed by name: node's box drawing, column order of first appearance, and values inspected.
console.table([{ a: 1, b: 'x' }, { b: 'y', c: true }]);
console.table([[1, 2], [3, 4, 5]]);
console.table({ alice: { age: 30 }, bob: { age: 25, city: 'Paris' } });
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']);
console.table([1, 'two', { three: 3 }]);
console.table('not tabular');
console.table([]);
console.table([{ nested: { deep: [1, 2] }, s: 'str' }]);
