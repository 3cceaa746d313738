// Objects without a prototype and objects whose prototype is not Object.prototype print their
// origin: `[Object: null prototype]`, the constructor name of a class-less prototype chain.
const bare = Object.create(null);
bare.a = 1;
bare.nested = Object.create(null);
console.log(bare);
console.log(Object.create(null));
const proto = { greet() { return 'hi'; } };
const child = Object.create(proto);
child.x = 1;
console.log(child);
function Legacy() { this.v = 2; }
console.log(new Legacy());
const dict = Object.assign(Object.create(null), { 'key with space': 1, valid_id: 2 });
console.log([dict, dict]);
console.log({ inner: Object.create(null) });
