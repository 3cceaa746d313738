// An async generator's next() settles after the generator's yield (which awaits the value): each
// for await step takes several ticks, visible against a plain .then ticker.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 8) Promise.resolve().then(tick); };
async function* gen() { yield 'a'; yield 'b'; }
(async () => {
  for await (const v of gen()) console.log('  got', v);
  console.log('  loop done');
})();
Promise.resolve().then(tick);
