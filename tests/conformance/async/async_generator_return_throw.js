// Driving an async generator by hand: next() calls queue up and settle in order, return(v) finishes it
// (running finally), throw(e) raises inside it at the paused yield where try/catch can handle it.
async function* gen() {
  try {
    const got = yield 'first';
    console.log('  generator received', got);
    yield 'second';
  } catch (e) {
    console.log('  generator caught', e.message);
    yield 'after catch';
  } finally {
    console.log('  generator finally');
  }
}
async function main() {
  const g = gen();
  const [a, b] = await Promise.all([g.next(), g.next('hello')]);
  console.log(a, b);
  console.log(await g.throw(new Error('injected')));
  console.log(await g.return('bye'), await g.next());
  const h = gen();
  console.log(await h.return('before start'), await h.next());
}
main();
