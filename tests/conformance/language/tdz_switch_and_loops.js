// TDZ where it can and cannot be skipped: a `let` read after its declaration in the same function, loop counters, compound assignment ordering, `switch` cases jumping past a declaration, and function declarations hoisted across `switch` cases.
function loops() {
  let total = 0;
  for (let i = 0; i < 5; i++) { const twice = i * 2; total += twice; }
  for (const k of [1, 2, 3]) { let sq = k * k; sq += k; total += sq; }
  let a = 2;
  a += (a = 10, 1);           // the old value is read before the right-hand side runs
  let s = '5'; s++;           // ToNumeric on update
  return [total, a, s];
}
console.log(loops());

function earlyWrite() { try { x = 1; let x; return 'no error'; } catch (e) { return e.name; } }
console.log(earlyWrite());

function switchTdz(v) {
  switch (v) {
    case 0: let y = 'zero'; return y;
    case 1:
      try { return y; } catch (e) { return e.name; }
  }
}
console.log(switchTdz(0), '|', switchTdz(1));

function switchHoist(v) {
  switch (v) {
    case 1: return f();
    case 2: function f() { return 'hoisted from case 2'; }
  }
}
console.log(switchHoist(1));

function closureBeforeInit() {
  const read = () => later;
  try { read(); } catch (e) { console.log(e.name); }
  let later = 'ok';
  return read();
}
console.log(closureBeforeInit());
