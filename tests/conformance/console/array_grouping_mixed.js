// Node's column grouping of arrays with more than 6 entries (groupArrayElements): numbers right-aligned, mixed
// values left-aligned, short objects grouped too; entries longer than 16 columns or nested arrays are not grouped.
console.log([-1, 20, -300, 4000, -5, 60, 700]);
console.log(['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'g']);
console.log([1, 'two', 3, 'four', 5, 'six', 7, null, undefined, true]);
console.log([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }, { a: 5 }, { a: 6 }, { a: 7 }]);
console.log(Array.from({ length: 7 }, (_, i) => 'a string longer than sixteen #' + i));
console.log([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]);
console.log(Array.from({ length: 30 }, (_, i) => (i % 2 ? -i : i * 1.5)));
