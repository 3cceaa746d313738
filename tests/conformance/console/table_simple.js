// console.table for simple cases: an array of objects (columns are the union of keys, in first-seen order),
// an array of arrays, a plain object of primitives, a column filter, and a non-tabular value falling back to log.
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([[1, 2], [3, 4, 5]]);
console.table({ apples: 3, pears: 10 });
console.table([{ name: 'Ada', age: 36, city: 'London' }, { name: 'Linus', age: 54, city: 'Portland' }], ['name']);
console.table('not tabular');
console.table([]);
