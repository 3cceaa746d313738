// Ten timers due at the same time run in registration order, and each one's microtasks drain
// before the next timer: the output strictly alternates.
const out = [];
for (let i = 0; i < 10; i++) {
  setTimeout(() => {
    out.push('t' + i);
    Promise.resolve().then(() => out.push('m' + i));
  }, 5);
}
setTimeout(() => console.log(out.join(' ')), 10);
