// Newer array methods: toSorted/toReversed/toSpliced/with (copying, leaving the original unchanged), flat/flatMap,
// findLast/findLastIndex, at, Array.from with a map function, includes vs indexOf with NaN.
const a = [3, 1, 2];
console.log(a.toSorted(), a.toReversed(), a.toSpliced(1, 1, 'x', 'y'), a.with(0, 9), a);
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, 2].flatMap((x) => [x, x * 10]));
const nums = [5, 12, 8, 130, 44];
console.log(nums.findLast((n) => n > 10), nums.findLastIndex((n) => n > 10), nums.find((n) => n > 1000), nums.at(-2));
console.log(Array.from({ length: 3 }, (_, i) => i * i), Array.from('héllo'), Array.of(7), new Array(3));
console.log([NaN].includes(NaN), [NaN].indexOf(NaN), [1, 2, 3].fill(0, 1), [..."abc"].entries().next());
try { a.with(5, 1); } catch (e) { console.log('with out of range:', e.constructor.name); }
console.log([3, 20, 100].sort(), [3, 20, 100].sort((x, y) => x - y));
