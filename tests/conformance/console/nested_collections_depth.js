// Depth limits apply to every container kind: Maps, Sets and class instances nested beyond depth 2 print as
// [Map], [Set], [Foo]; arrays of objects inside objects break lines at 80 columns.
class Foo { constructor(v) { this.v = v; } }
console.log({ a: { b: { c: new Map([[1, 2]]), d: new Set([1]), e: new Foo({ x: 1 }), f: [1] } } });
console.log([[[new Foo(1), new Map(), new Set()]]]);
console.log({ users: [{ id: 1, name: 'Ada Lovelace', roles: ['admin', 'dev'] }, { id: 2, name: 'Alan Turing', roles: [] }] });
