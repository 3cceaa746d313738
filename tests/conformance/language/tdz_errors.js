// The temporal dead zone: reading a let/const/class binding before its declaration throws a ReferenceError
// (caught, only the error's type printed); typeof does not protect it, unlike an undeclared name.
function tryIt(label, f) { try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name); } }
tryIt('let before decl:', () => { const r = x; let x = 1; return r; });
tryIt('typeof in TDZ:', () => { const r = typeof y; let y; return r; });
tryIt('typeof undeclared:', () => typeof notDeclaredAnywhere);
tryIt('class before decl:', () => { new K(); class K {} });
tryIt('const reassign:', () => { const c = 1; c = 2; });
tryIt('self-referencing default:', () => { function f(a = a) { return a; } return f(); });
tryIt('closure called after init:', () => { const get = () => late; let late = 'ok'; return get(); });
