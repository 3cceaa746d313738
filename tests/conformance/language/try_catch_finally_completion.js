// Completion rules: finally runs on every exit; a return in finally overrides the try's return or throw;
// a finally without return keeps the try's value, even if it changes the returned variable afterwards.
function a() { try { return 'try'; } finally { console.log('finally runs before the return completes'); } }
function b() { try { return 'try'; } finally { return 'finally'; } }
function c() { try { throw new Error('lost'); } finally { return 'finally swallowed the throw'; } }
function d() { let x = 1; try { return x; } finally { x = 2; } }
function e() { for (const i of [1, 2, 3]) { try { if (i === 2) break; } finally { console.log('finally for', i); } } return 'after loop'; }
function f() { try { throw new TypeError('t'); } catch ({ name, message }) { return `${name}:${message}`; } finally { console.log('f finally'); } }
console.log(a(), b(), c(), d());
console.log(e());
console.log(f());
try { try { throw 1; } finally { console.log('inner finally'); } } catch (v) { console.log('outer caught', v); }
try { throw undefined; } catch { console.log('optional catch binding'); }
