// Spread in calls, arrays and objects (later keys win, getters are invoked, only own enumerable props are
// copied), rest parameters, and arguments vs rest.
const max = Math.max(...[3, 9, 2], 7);
const merged = { a: 1, b: 2, ...{ b: 3, c: 4 }, d: 5 };
const withGetter = { ...{ get g() { return 'invoked'; } } };
const proto = { inherited: true };
const child = Object.create(proto); child.own = 1;
console.log(max, merged, withGetter, { ...child });
console.log([...'abc', ...new Set([1, 1, 2]), ...new Map([['k', 'v']])]);
function f(first, ...rest) { return [first, rest, arguments.length]; }
console.log(f(1, 2, 3), f());
console.log({ ...null, ...undefined, ...'hi', ...[9] });
