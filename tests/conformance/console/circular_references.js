// Circular references print as <ref *1> at the target and [Circular *1] where they recur; several cycles get
// numbered refs; a repeated but non-circular object is printed in full each time.
const a = { name: 'a' };
a.self = a;
console.log(a);
const parent = { name: 'parent', children: [] };
parent.children.push({ name: 'child', parent });
console.log(parent);
const x = { n: 'x' }, y = { n: 'y' };
x.y = y; y.x = x; x.arr = [x, y];
console.log(x);
const shared = { s: 1 };
console.log({ first: shared, second: shared }, [shared, shared]);
const m = new Map(); m.set('me', m);
console.log(m);
