// Classic array methods: map/filter/reduce/reduceRight, some/every, splice return values, slice, join with
// holes and null, concat spreading, indexOf, sort stability, and length truncation.
const people = [{ n: 'b', age: 30 }, { n: 'a', age: 25 }, { n: 'c', age: 30 }, { n: 'd', age: 25 }];
console.log(people.toSorted((x, y) => x.age - y.age).map((p) => p.n).join(''));
console.log([1, 2, 3, 4].reduce((acc, x) => acc + x), [[1], [2]].reduceRight((acc, x) => acc.concat(x), []));
console.log([1, 2, 3].some((x) => x > 2), [].every((x) => false), [1, 2, 3].filter((x, i, arr) => arr.length > i + 1));
const arr = [1, 2, 3, 4, 5];
console.log(arr.splice(1, 2), arr, arr.splice(-1), arr, arr.slice(-2));
console.log([1, , 3].join('-'), [null, undefined, 0].join(), [1, [2, 3]].concat([4, [5]], 6));
const holes = [1, , 3];
console.log(holes.length, 1 in holes, holes.map((x) => x * 2), Object.keys(holes));
const t = [1, 2, 3, 4]; t.length = 2; t[5] = 'far';
console.log(t, t.length, [1, 2, 3].reverse(), Array.isArray([]), [3, 2, 1].indexOf(1));
console.log(['a', 'b'].map(parseInt), ['1', '2', '3'].map(Number), [0, 1, '', 'x', null].filter(Boolean));
