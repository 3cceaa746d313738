// Three chains of different lengths, started in order c, a, b: per tick each live chain advances once,
// in the order its reaction was queued, and a finished chain simply drops out.
const chain = (name, n) => {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => console.log(name + i));
  return p;
};
chain('c', 1);
chain('a', 4);
chain('b', 2);
