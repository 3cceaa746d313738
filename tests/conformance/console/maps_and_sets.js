// Map and Set print with their size and entries: Map(2) { 'a' => 1, ... }, Set(3) { 1, 2, 3 }; empty ones,
// nested ones, and maps with object keys.
console.log(new Map([['a', 1], ['b', { c: 2 }]]), new Set([1, 'two', [3]]));
console.log(new Map(), new Set(), [new Set([1])], { m: new Map([[{ k: 1 }, new Set(['v'])]]) });
console.log(new Map([[1, new Map([[2, new Map([[3, 'deep']])]])]]));
console.log(new WeakMap(), new WeakSet());
