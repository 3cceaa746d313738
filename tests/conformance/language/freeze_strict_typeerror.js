// Object.freeze / seal / preventExtensions: writes fail silently in sloppy mode but throw a TypeError in
// strict mode; freeze is shallow.
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 2;
frozen.nested.b = 3;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
function strictWrite(obj, key, v) { 'use strict'; try { obj[key] = v; return 'ok'; } catch (e) { return e.constructor.name; } }
function strictDelete(obj, key) { 'use strict'; try { delete obj[key]; return 'ok'; } catch (e) { return e.constructor.name; } }
console.log(strictWrite(frozen, 'a', 5), strictWrite(frozen, 'newKey', 1), strictDelete(frozen, 'a'));
const sealed = Object.seal({ s: 1 });
console.log(strictWrite(sealed, 's', 2), strictWrite(sealed, 't', 1), strictDelete(sealed, 's'), sealed);
const noExt = Object.preventExtensions({ p: 1 });
console.log(strictWrite(noExt, 'q', 1), strictDelete(noExt, 'p'), noExt, Object.isExtensible(noExt));
const arr = Object.freeze([1, 2]);
try { 'use strict'; arr.push(3); } catch (e) { console.log('push on frozen array:', e.constructor.name); }
