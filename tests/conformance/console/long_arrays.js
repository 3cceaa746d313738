// Arrays longer than 6 numbers are grouped into aligned columns; more than 100 items end with
// '... N more items'; short arrays stay on one line.
console.log([1, 2, 3, 4, 5, 6]);
console.log([1, 2, 3, 4, 5, 6, 7]);
console.log(Array.from({ length: 26 }, (_, i) => i * 3));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(Array.from({ length: 8 }, (_, i) => 'item' + i));
console.log(Array.from({ length: 10 }, (_, i) => 10 ** i));
