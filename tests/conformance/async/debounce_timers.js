// A debounce built on setTimeout/clearTimeout: rapid calls keep postponing the call, so only the last
// argument of each burst is used. Bursts are driven by timers so the order is deterministic.
function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
const save = debounce((v) => console.log('saved', v), 10);
save('a'); save('ab'); save('abc');
setTimeout(() => { save('abcd'); save('abcde'); }, 30);
setTimeout(() => console.log('between bursts'), 20);
