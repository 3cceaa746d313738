// Mixed nesting: arrays in objects in Maps in Sets, cut at depth 2 with [Object] / [Array],
// and short entries kept on one line when they fit in 72 characters (node's compact = 3 rule).
const data = {
  users: [
    { id: 1, name: 'Ada', tags: ['math', 'code'], meta: { created: 1815, flags: { admin: true } } },
    { id: 2, name: 'Linus', tags: [], meta: { created: 1969, flags: {} } },
  ],
  index: new Map([['ada', { id: 1 }], ['linus', { id: 2, extra: [1, [2, [3]]] }]]),
  seen: new Set([[1, 2], { a: { b: { c: 1 } } }]),
};
console.log(data);
console.log([[[[1]]]], { a: { b: { c: { d: 1 } } } });
console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }]);
console.log({ list: Array.from({ length: 30 }, (_, i) => i * 3) });
console.log(new Map([[{ k: 1 }, [1, 2, 3]], [[1], new Set(['x'])]]));
