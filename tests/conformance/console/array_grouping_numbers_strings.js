// Arrays of more than 6 short items are grouped into aligned columns (numbers right-aligned,
// strings left-aligned); more than 100 items end with "... n more items".
console.log(Array.from({ length: 26 }, (_, i) => i * i));
console.log(Array.from({ length: 12 }, (_, i) => String.fromCharCode(97 + i).repeat(i + 1)));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log([1.5, -2, 300, 4e21, -0, NaN, Infinity, 8]);
console.log(['a', 1, 'bb', 22, 'ccc', 333, null, undefined]);
console.log([true, false, true, false, true, false, true]);
console.log(Array.from({ length: 8 }, (_, i) => ({ i })));
const sparse = [1, , 3, , , 6, 7, 8];
console.log(sparse);
