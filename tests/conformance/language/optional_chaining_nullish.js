// Optional chaining (?. on properties, calls and indexes, short-circuiting the rest of the chain), nullish
// coalescing (?? keeps 0 and ''), and logical assignment (||=, &&=, ??=) evaluating the right side only when needed.
const user = { profile: { name: 'Ada', tags: ['x'] }, greet() { return `hi ${this.profile.name}`; } };
console.log(user?.profile?.name, user.missing?.name, user.missing?.a.b.c, user.greet?.(), user.nothing?.(), user.profile.tags?.[0]);
const nobody = null;
console.log(nobody?.x, nobody?.[0], nobody?.(), (nobody?.a)?.b);
console.log(0 ?? 'default', '' ?? 'default', null ?? 'default', undefined ?? 'default', false ?? 'default');
console.log(0 || 'default', '' || 'default', (null || undefined) ?? 'both nullish');
let calls = 0;
const rhs = (v) => { calls++; return v; };
const cfg = { a: 0, b: 1, c: null };
cfg.a ||= rhs('a set'); cfg.b ||= rhs('not evaluated');
cfg.b &&= rhs('b set'); cfg.c &&= rhs('not evaluated');
cfg.c ??= rhs('c set'); cfg.a ??= rhs('not evaluated');
console.log(cfg, 'rhs calls:', calls);
const frozen = Object.freeze({ x: 1 });
frozen.x ||= 2;
console.log(frozen.x, delete user?.profile?.tags, user.profile);
