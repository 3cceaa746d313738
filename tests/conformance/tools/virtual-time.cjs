// Node preload (node -r ./virtual-time.cjs file.js) that replaces the timer functions with a virtual clock
// following DESIGN.md §6: a timer's deadline is now + max(1, delay); the earliest (deadline, insertion
// order) runs next, the clock jumps to its deadline, and microtasks drain after every callback.
// Used by check-virtual.sh to find snippets whose node output depends on real-time jitter. Tooling only:
// it is not part of the corpus and uses Node APIs (setImmediate) on purpose.
'use strict';
const realSetImmediate = setImmediate;
let now = 0, seq = 0, nextId = 1, pumping = false;
// TIDE_JITTER=ms (with TIDE_SEED=n) perturbs the clock the way a loaded machine does: now and then (1 time in 4)
// the process is preempted for 0..ms while code runs (before a timer is created) or wakes up that late.
// An ordering that changes under jitter depends on timing margins, and plain node may print it
// differently on a busy machine.
const jitter = Number((typeof process === 'object' && process.env.TIDE_JITTER) || 0);
let rng = Number((typeof process === 'object' && process.env.TIDE_SEED) || 1) >>> 0 || 1;
function next() { rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0; return rng >>> 8; }
function rand() { return jitter && next() % 4 === 0 ? next() % (jitter + 1) : 0; }
const timers = new Map(); // id -> { deadline, seq, fn, args, interval }
function delayOf(ms) { ms = Number(ms); return !(ms >= 1 && ms <= 2147483647) ? 1 : Math.trunc(ms); }
function pump() {
  if (pumping || timers.size === 0) return;
  pumping = true;
  realSetImmediate(() => {
    pumping = false;
    let best = null;
    for (const [id, t] of timers) if (!best || t.deadline < best[1].deadline || (t.deadline === best[1].deadline && t.seq < best[1].seq)) best = [id, t];
    if (!best) return;
    const [id, t] = best;
    now = Math.max(now, t.deadline) + rand();
    if (!t.interval) timers.delete(id);
    else t.deadline = Infinity; // running: not pickable until re-armed
    pump(); // schedule the next pick before running, so a throwing callback still ends the process as node does
    t.fn(...t.args);
    // an interval re-arms after its callback (unless the callback cleared it), behind timers it created
    if (t.interval && timers.get(id) === t) { t.deadline = now + t.interval; t.seq = seq++; pump(); }
  });
}
function add(fn, ms, args, repeat) {
  const id = nextId++, d = delayOf(ms);
  now += rand();
  timers.set(id, { deadline: now + d, seq: seq++, fn, args, interval: repeat ? d : 0 });
  pump();
  return id;
}
globalThis.setTimeout = (fn, ms, ...args) => add(fn, ms, args, false);
globalThis.setInterval = (fn, ms, ...args) => add(fn, ms, args, true);
globalThis.clearTimeout = globalThis.clearInterval = (id) => { timers.delete(id); };
// TIDE_REPORT=1 prints the final virtual time (how long the program waits on timers) to stderr at exit.
if (typeof process === 'object' && process.env.TIDE_REPORT) process.on('exit', () => process.stderr.write(`virtual-ms ${now}\n`));
