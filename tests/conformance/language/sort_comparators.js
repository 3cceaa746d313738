// Array.prototype.sort: default sort compares strings (so 10 < 9), comparators, stability for equal keys,
// undefined sorted last without calling the comparator, and sorting objects by several keys.
console.log([10, 9, 1, 100, -1].sort(), [10, 9, 1, 100, -1].sort((a, b) => a - b), ['b', undefined, 'a', , 'c'].sort());
const items = [
  { name: 'pear', cat: 'fruit', price: 2 }, { name: 'leek', cat: 'veg', price: 2 },
  { name: 'apple', cat: 'fruit', price: 1 }, { name: 'kale', cat: 'veg', price: 3 }, { name: 'fig', cat: 'fruit', price: 2 },
];
console.log(items.toSorted((a, b) => a.price - b.price).map((i) => i.name).join(' '));
console.log(items.toSorted((a, b) => (a.cat < b.cat ? -1 : a.cat > b.cat ? 1 : b.price - a.price)).map((i) => `${i.cat}:${i.name}`).join(' '));
let calls = 0;
[3, undefined, 1].sort((a, b) => { calls++; if (a === undefined || b === undefined) console.log('never'); return a - b; });
console.log('comparator calls > 0:', calls > 0);
console.log(['B', 'a', 'C'].sort(), ['B', 'a', 'C'].sort((x, y) => x.toLowerCase() < y.toLowerCase() ? -1 : 1), [true, false, true].sort());
