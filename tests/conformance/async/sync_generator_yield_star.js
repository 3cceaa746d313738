// Sync generators delegating with yield*: values, the inner return value, next(v) forwarding and return()
// forwarding to the innermost generator (its finally runs), used from an async function between awaits.
function* inner() {
  try { const x = yield 'inner 1'; console.log('  inner received', x); yield 'inner 2'; return 'inner done'; }
  finally { console.log('  inner finally'); }
}
function* outer() {
  yield 'outer start';
  const r = yield* inner();
  console.log('  yield* evaluated to', r);
  yield 'outer end';
}
async function main() {
  const g = outer();
  console.log(g.next().value); await null;
  console.log(g.next().value); await null;
  console.log(g.next('hello').value);
  console.log([...outer()]);
  const h = outer(); h.next(); h.next();
  console.log(h.return('stopped'), h.next());
}
main();
