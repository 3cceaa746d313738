// Two chains of nested 0 ms timers advance one link per loop turn each, so their links
// alternate; a 1 ms timer registered up front runs with the first links.
const log = [];
function chain(name, n) {
  log.push(name + n);
  if (n < 3) setTimeout(() => chain(name, n + 1), 0);
}
setTimeout(() => chain('a', 1), 0);
setTimeout(() => chain('b', 1), 0);
setTimeout(() => log.push('one ms'), 1);
setTimeout(() => console.log(log.join(' ')), 50);
