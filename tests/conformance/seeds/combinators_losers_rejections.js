// Seed "differences between approaches", edge case: the losing promises of race/any that reject later.
// race and any attach handlers to every input, so a loser's later rejection is not an unhandled rejection.
const later = (ms, ok, v) => new Promise((res, rej) => setTimeout(() => (ok ? res(v) : rej(new Error(v))), ms));

Promise.race([later(5, true, 'winner'), later(15, false, 'loser failed')])
  .then((v) => console.log('race:', v));
Promise.any([later(10, true, 'first success'), later(20, false, 'late failure')])
  .then((v) => console.log('any:', v));
setTimeout(() => console.log('30 ms later: no unhandled rejection, exit code 0'), 30);
