// `delete` through an optional chain: deletes at the end of the chain, yields true when the
// chain short-circuits (a value, not a reference), false / TypeError for a non-configurable
// property as in plain member deletes.
const user = { profile: { name: 'Ada', tags: ['x'] } };
console.log(delete user?.profile?.tags, user.profile);
const none = null;
console.log(delete none?.a, delete none?.a.b.c, delete user.nothing?.x);
const f = Object.freeze({ k: 1 });
console.log(delete f?.k, f);
(function () { 'use strict'; try { delete f?.k; } catch (e) { console.log(e.constructor.name, e.message); } })();
const arr = [1, 2, 3];
console.log(delete arr?.[1], arr);
let n = 0;
const o = { get p() { n++; return { q: 1 }; } };
console.log(delete o.p?.q, n);
console.log(delete (user?.profile).name, user.profile);
