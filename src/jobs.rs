//! Queue data for the event loop: microtask job records, the timer heap, host completions.
//!
//! Queues are data: this module never runs a job. The promise core (`value::promise`) returns
//! the jobs a settlement creates, the interpreter and builtins enqueue them here, and only the
//! event loop drains these queues (DESIGN §1 invariants, §6 ordering).
//!
//! Timer ordering is Node's: by (deadline, insertion order); a delay that is not a number in
//! `[1, 2^31 - 1]` counts as 1 ms (so `setTimeout(f, 0)` and `setTimeout(f, 1)` are the same
//! timer class); an interval re-arms after its callback with a fresh insertion number.
//! Cancelled timers are removed lazily from the heap (O(log n) per operation, no scans).

use crate::value::object::{PromiseCapability, ReactionJob};
use crate::value::{JsObject, Value};
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Where a job or timer came from, for `--trace`: the source offset of the code that created
/// it (`Origin::NONE` when unknown, e.g. created by the engine itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin(pub u32);

impl Origin {
    pub const NONE: Origin = Origin(u32::MAX);
}

impl Default for Origin {
    fn default() -> Self {
        Origin::NONE
    }
}

/// A microtask (ECMA-262 Job Abstract Closures, plus `queueMicrotask`). Stored unboxed in the
/// queue: enqueuing a reaction moves its record, it allocates nothing.
pub enum Job {
    /// NewPromiseReactionJob(reaction, argument), as the promise core returned it. Its origin is
    /// the reaction's (where `then`/`await` registered it).
    Reaction(ReactionJob),
    /// NewPromiseResolveThenableJob(promiseToResolve, thenable, then).
    ResolveThenable {
        promise: JsObject,
        thenable: Value,
        then: JsObject,
        origin: Origin,
    },
    /// `queueMicrotask(callback)`.
    Callback { callback: JsObject, origin: Origin },
}

impl Job {
    /// The job's kind as `--trace` names it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Job::Reaction(job) if job.reaction.is_await() => "await-resume",
            Job::Reaction(_) => "reaction",
            Job::ResolveThenable { .. } => "thenable",
            Job::Callback { .. } => "microtask",
        }
    }

    pub fn origin(&self) -> Origin {
        match self {
            Job::Reaction(job) => Origin(job.reaction.origin),
            Job::ResolveThenable { origin, .. } | Job::Callback { origin, .. } => *origin,
        }
    }
}

/// The microtask queue: FIFO, in blocks. A long queue (a million `queueMicrotask` calls
/// from one task) grows by whole blocks instead of doubling one ring buffer, which copied
/// every queued job on each growth; a drained block is kept for reuse.
#[derive(Default)]
pub struct MicrotaskQueue {
    /// The oldest jobs, taken from the front.
    front: VecDeque<Job>,
    /// Later jobs in blocks of [`BLOCK`] (each filled only after the one before it):
    /// non-empty only once `front` reached a block's capacity.
    more: VecDeque<VecDeque<Job>>,
    /// An emptied block, for the next one needed.
    spare: Option<VecDeque<Job>>,
}

/// Jobs per block of a long microtask queue.
const BLOCK: usize = 4096;

impl MicrotaskQueue {
    #[inline(always)]
    pub fn push(&mut self, job: Job) {
        match self.more.back_mut() {
            None if self.front.len() < BLOCK || self.front.capacity() < BLOCK => {
                self.front.push_back(job)
            }
            Some(last) if last.len() < BLOCK => last.push_back(job),
            _ => self.new_block(job),
        }
    }

    /// The last block is full: start another with `job`.
    #[cold]
    #[inline(never)]
    fn new_block(&mut self, job: Job) {
        let mut block = self
            .spare
            .take()
            .unwrap_or_else(|| VecDeque::with_capacity(BLOCK));
        block.push_back(job);
        self.more.push_back(block);
    }

    pub fn extend(&mut self, jobs: impl IntoIterator<Item = Job>) {
        for job in jobs {
            self.push(job);
        }
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Job> {
        match self.front.pop_front() {
            Some(job) => Some(job),
            None => self.next_block(),
        }
    }

    /// `front` is empty: continue with the next block, if any (keeping `front`'s buffer as
    /// the spare block when it is one).
    #[cold]
    #[inline(never)]
    fn next_block(&mut self) -> Option<Job> {
        let next = self.more.pop_front()?;
        let done = std::mem::replace(&mut self.front, next);
        if done.capacity() >= BLOCK && done.capacity() <= 2 * BLOCK {
            self.spare = Some(done);
        }
        self.front.pop_front()
    }

    pub fn len(&self) -> usize {
        self.front.len() + self.more.iter().map(VecDeque::len).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.front.is_empty() && self.more.is_empty()
    }
}

/// A timer's id as `setTimeout` returns it (Node returns an object; scripts only pass it back).
pub type TimerId = u32;

/// A scheduled `setTimeout`/`setInterval` callback.
pub struct Timer {
    pub id: TimerId,
    /// Monotonic ms at which it is due.
    pub deadline: f64,
    pub callback: JsObject,
    /// Extra arguments passed to the callback.
    pub args: Vec<Value>,
    /// `Some(delay)` for `setInterval`.
    pub repeat: Option<f64>,
    pub origin: Origin,
}

/// Heap entry: deadline as ordered bits, then insertion sequence.
type HeapKey = Reverse<(u64, u64, TimerId)>;

/// Timers ordered by (deadline, insertion order).
#[derive(Default)]
pub struct TimerQueue {
    heap: BinaryHeap<HeapKey>,
    /// Keys that arrived in order (each not below the previous one): the common case of
    /// timers with one delay scheduled as the clock moves on, kept out of the heap (no sift
    /// per push and pop). The earliest timer is the smaller of this front and the heap's top.
    fifo: VecDeque<(u64, u64, TimerId)>,
    /// Live timers by id; an id missing here is cancelled (its heap entry is skipped).
    live: HashMap<TimerId, (u64, Timer)>,
    next_id: TimerId,
    next_seq: u64,
    /// The timer whose callback is running (taken out of `live`), and whether the callback
    /// cancelled it: `clearInterval(id)` from inside its own callback stops the re-arm.
    running: Option<(TimerId, bool)>,
}

/// Node's rule: a delay outside `[1, 2^31 - 1]` (or NaN) becomes 1 ms; libuv timers count whole
/// milliseconds, so a fraction is dropped (as `tests/conformance/tools/virtual-time.cjs` does).
pub fn clamp_delay(delay: f64) -> f64 {
    if (1.0..=2_147_483_647.0).contains(&delay) {
        delay.trunc()
    } else {
        1.0
    }
}

/// Non-negative finite f64 → u64 with the same ordering.
fn order_bits(x: f64) -> u64 {
    debug_assert!(x >= 0.0);
    x.to_bits()
}

impl EventQueues {
    /// HostPromiseRejectionTracker(`"reject"`). A long job chain (a whole program run from
    /// one microtask drain) can reject and then handle many promises before the next check:
    /// handled ones are dropped whenever the list doubles, so it holds (and keeps alive)
    /// only the possibly unhandled ones. Amortized O(1); the check's order is kept.
    pub fn track_rejection(&mut self, promise: JsObject) {
        if self.maybe_unhandled.len() >= self.unhandled_prune_at.max(256) {
            self.maybe_unhandled.retain(|p| match &p.borrow().kind {
                crate::value::object::ObjectKind::Promise(d) => !d.is_handled(),
                _ => false,
            });
            self.unhandled_prune_at = self.maybe_unhandled.len() * 2;
        }
        self.maybe_unhandled.push(promise);
    }
}

impl TimerQueue {
    /// Schedule a callback `delay` ms after `now` (already a monotonic ms reading).
    pub fn schedule(
        &mut self,
        now: f64,
        delay: f64,
        repeat: bool,
        callback: JsObject,
        args: Vec<Value>,
        origin: Origin,
    ) -> TimerId {
        self.next_id = self.next_id.wrapping_add(1).max(1);
        let id = self.next_id;
        let delay = clamp_delay(delay);
        let timer = Timer {
            id,
            deadline: now + delay,
            callback,
            args,
            repeat: repeat.then_some(delay),
            origin,
        };
        self.insert(timer);
        id
    }

    fn insert(&mut self, timer: Timer) {
        let seq = self.next_seq;
        self.next_seq += 1;
        let key = (order_bits(timer.deadline), seq, timer.id);
        if self.fifo.back().is_none_or(|last| *last <= key) {
            self.fifo.push_back(key);
        } else {
            self.heap.push(Reverse(key));
        }
        self.live.insert(timer.id, (seq, timer));
    }

    /// `clearTimeout`/`clearInterval`: unknown or already fired ids are ignored, as in Node.
    pub fn cancel(&mut self, id: TimerId) -> bool {
        if let Some((running, cancelled)) = &mut self.running {
            if *running == id && !*cancelled {
                *cancelled = true;
                return true;
            }
        }
        self.live.remove(&id).is_some()
    }

    /// Is the entry `(_, seq, id)` the current one of a live timer (not cancelled, not
    /// re-armed since)?
    fn is_current(&self, (_, seq, id): &(u64, u64, TimerId)) -> bool {
        matches!(self.live.get(id), Some((live_seq, _)) if live_seq == seq)
    }

    /// Drop entries of cancelled or re-armed timers from the top of the heap and the front of
    /// the in-order queue.
    fn skip_stale(&mut self) {
        while let Some(Reverse(k)) = self.heap.peek() {
            if self.is_current(k) {
                break;
            }
            self.heap.pop();
        }
        while let Some(k) = self.fifo.front() {
            if self.is_current(k) {
                break;
            }
            self.fifo.pop_front();
        }
    }

    /// The earliest live entry, and whether it is the in-order queue's (after `skip_stale`).
    fn earliest(&self) -> Option<((u64, u64, TimerId), bool)> {
        match (self.heap.peek(), self.fifo.front()) {
            (Some(Reverse(h)), Some(f)) if f < h => Some((*f, true)),
            (Some(Reverse(h)), _) => Some((*h, false)),
            (None, Some(f)) => Some((*f, true)),
            (None, None) => None,
        }
    }

    /// The earliest deadline of a live timer.
    pub fn next_deadline(&mut self) -> Option<f64> {
        self.skip_stale();
        let ((_, _, id), _) = self.earliest()?;
        self.live.get(&id).map(|(_, t)| t.deadline)
    }

    /// Take the earliest live timer if it is due at `now`. Stale entries are dropped on the
    /// way, and the earliest live one is found and taken with one lookup in `live`.
    pub fn pop_due(&mut self, now: f64) -> Option<Timer> {
        loop {
            let ((_, seq, id), in_fifo) = self.earliest()?;
            match self.live.entry(id) {
                std::collections::hash_map::Entry::Occupied(e) if e.get().0 == seq => {
                    if e.get().1.deadline > now {
                        return None;
                    }
                    let (_, timer) = e.remove();
                    if in_fifo {
                        self.fifo.pop_front();
                    } else {
                        self.heap.pop();
                    }
                    self.running = Some((id, false));
                    return Some(timer);
                }
                // Cancelled, or re-armed since (an interval's older entry): skip it.
                _ => {
                    if in_fifo {
                        self.fifo.pop_front();
                    } else {
                        self.heap.pop();
                    }
                }
            }
        }
    }

    /// After a timer's callback ran: an interval is re-armed `delay` ms after `now` with a fresh
    /// insertion number, unless its callback cleared it.
    pub fn finish(&mut self, mut timer: Timer, now: f64) {
        let cancelled = matches!(self.running.take(), Some((id, true)) if id == timer.id);
        if cancelled {
            return;
        }
        if let Some(delay) = timer.repeat {
            timer.deadline = now + delay;
            self.insert(timer);
        }
    }

    /// Number of live timers (for the pending-timers limit and loop termination).
    pub fn len(&self) -> usize {
        self.live.len()
    }

    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }
}

/// A host operation's result, already converted to JS values on the engine thread: settles the
/// promise the async host function returned.
pub struct HostCompletion {
    pub capability: PromiseCapability,
    /// `Ok` fulfils, `Err` rejects.
    pub outcome: Result<Value, Value>,
}

/// Host completions in arrival order, plus the count of operations still running (the loop
/// stays alive while any is pending).
#[derive(Default)]
pub struct HostQueue {
    completed: VecDeque<HostCompletion>,
    pub pending: usize,
}

impl HostQueue {
    pub fn started(&mut self) {
        self.pending += 1;
    }

    pub fn complete(&mut self, completion: HostCompletion) {
        self.pending = self.pending.saturating_sub(1);
        self.completed.push_back(completion);
    }

    pub fn pop(&mut self) -> Option<HostCompletion> {
        self.completed.pop_front()
    }

    pub fn is_idle(&self) -> bool {
        self.pending == 0 && self.completed.is_empty()
    }
}

/// Everything the event loop keeps between turns, owned by the interpreter (`Interp::queues`)
/// so builtins can enqueue: microtasks, timers, host completions, the rejection tracker's list,
/// the loop clock and the trace switch.
#[derive(Default)]
pub struct EventQueues {
    pub microtasks: MicrotaskQueue,
    pub timers: TimerQueue,
    pub host: HostQueue,
    /// Promises reported by HostPromiseRejectionTracker(`"reject"`) since the last check, in
    /// order. A later `"handle"` needs no removal: the check skips promises whose
    /// `[[PromiseIsHandled]]` became true (O(1) per event, no search). Use
    /// [`EventQueues::track_rejection`] to add: it drops handled entries as the list grows.
    pub maybe_unhandled: Vec<JsObject>,
    /// `maybe_unhandled` is pruned of handled promises when it reaches this length.
    unhandled_prune_at: usize,
    /// The loop's notion of "now" (monotonic ms), refreshed once per loop turn as libuv does:
    /// timers created during a turn count their delay from the turn's start.
    pub loop_now: f64,
    /// `--trace`: `Some` when the event-loop trace is on.
    pub trace: Option<Box<Trace>>,
}

/// State of the `--trace` output: how to turn source offsets into lines, and stable small ids
/// for promises (assigned when a promise first appears in the trace).
pub struct Trace {
    /// Byte offset of the start of each line of the script.
    pub line_starts: Vec<u32>,
    pub promise_ids: HashMap<usize, u32>,
    /// Keeps traced promises alive so an address is never reused for another promise.
    pub traced: Vec<JsObject>,
}

impl Trace {
    pub fn new(source: &str) -> Trace {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Trace {
            line_starts,
            promise_ids: HashMap::default(),
            traced: Vec::new(),
        }
    }

    /// `line N` for an origin, or `engine` when unknown.
    pub fn place(&self, origin: Origin) -> String {
        if origin == Origin::NONE {
            return "engine".into();
        }
        let line = self.line_starts.partition_point(|&s| s <= origin.0);
        format!("line {line}")
    }

    /// `#N` for a promise object.
    pub fn promise_id(&mut self, promise: &JsObject) -> String {
        let next = self.promise_ids.len() as u32 + 1;
        let id = *self
            .promise_ids
            .entry(promise.addr())
            .or_insert_with(|| next);
        if id == next {
            self.traced.push(promise.clone());
        }
        format!("#{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f() -> JsObject {
        JsObject::ordinary(None)
    }

    fn drain(q: &mut TimerQueue, now: f64) -> Vec<TimerId> {
        let mut out = Vec::new();
        while let Some(t) = q.pop_due(now) {
            out.push(t.id);
        }
        out
    }

    /// FIFO order across the queue's blocks, with pushes while it drains (each popped job
    /// queues another, as a `queueMicrotask` chain does) and a block reused after draining.
    #[test]
    fn microtask_queue_is_fifo_across_blocks() {
        let mut q = MicrotaskQueue::default();
        let job = |n: u32| Job::Callback {
            callback: f(),
            origin: Origin(n),
        };
        let total = 3 * BLOCK as u32 + 7;
        for n in 0..total {
            q.push(job(n));
        }
        assert_eq!(q.len(), total as usize);
        let mut next_pushed = total;
        for expected in 0..2 * total {
            let got = q.pop().expect("a queued job").origin().0;
            assert_eq!(got, expected);
            if next_pushed < 2 * total {
                q.push(job(next_pushed));
                next_pushed += 1;
            }
        }
        assert!(q.is_empty());
        assert!(q.pop().is_none());
        q.push(job(1));
        q.push(job(2));
        assert_eq!(q.pop().map(|j| j.origin().0), Some(1));
        assert_eq!(q.pop().map(|j| j.origin().0), Some(2));
        assert_eq!(q.len(), 0);
    }

    #[test]
    fn delays_clamp_like_node() {
        assert_eq!(clamp_delay(0.0), 1.0);
        assert_eq!(clamp_delay(-5.0), 1.0);
        assert_eq!(clamp_delay(f64::NAN), 1.0);
        assert_eq!(clamp_delay(2_147_483_648.0), 1.0);
        assert_eq!(clamp_delay(1.5), 1.0);
        assert_eq!(clamp_delay(10.0), 10.0);
    }

    #[test]
    fn order_is_deadline_then_insertion() {
        let mut q = TimerQueue::default();
        let o = Origin::default();
        let a = q.schedule(0.0, 10.0, false, f(), vec![], o);
        let b = q.schedule(0.0, 0.0, false, f(), vec![], o); // clamped to 1
        let c = q.schedule(0.0, 1.0, false, f(), vec![], o); // same deadline as b, later
        let d = q.schedule(5.0, 5.0, false, f(), vec![], o); // deadline 10, after a
        assert_eq!(q.next_deadline(), Some(1.0));
        assert_eq!(drain(&mut q, 0.5), Vec::<TimerId>::new());
        assert_eq!(drain(&mut q, 1.0), vec![b, c]);
        assert_eq!(drain(&mut q, 100.0), vec![a, d]);
        assert!(q.is_empty());
    }

    #[test]
    fn cancel_skips_and_interval_rearms_after_later_timers() {
        let mut q = TimerQueue::default();
        let o = Origin::default();
        let i = q.schedule(0.0, 2.0, true, f(), vec![], o);
        let t = q.schedule(0.0, 4.0, false, f(), vec![], o);
        let gone = q.schedule(0.0, 3.0, false, f(), vec![], o);
        assert!(q.cancel(gone));
        assert!(!q.cancel(gone), "cancelling twice is a no-op");
        let first = q.pop_due(2.0).expect("interval due at 2");
        assert_eq!(first.id, i);
        q.finish(first, 2.0); // next at 4, inserted after t: t runs first
        assert_eq!(drain(&mut q, 4.0), vec![t, i]);
        assert!(q.is_empty(), "the interval was not re-armed by drain");
    }

    #[test]
    fn in_order_and_out_of_order_timers_merge_by_deadline_then_insertion() {
        // In-order arrivals go to the FIFO, the others to the heap: the pops interleave both.
        let mut q = TimerQueue::default();
        let o = Origin::default();
        let mut expected = Vec::new();
        let mut x: u32 = 7;
        for n in 0..200u32 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let delay = f64::from(if n % 3 == 0 { 5 } else { (x >> 16) % 9 + 1 });
            let now = f64::from(n / 50);
            let id = q.schedule(now, delay, false, f(), vec![], o);
            expected.push((now + delay, n, id));
            if n % 17 == 0 {
                assert!(q.cancel(id));
                expected.pop();
            }
        }
        expected.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let want: Vec<TimerId> = expected.iter().map(|e| e.2).collect();
        assert_eq!(drain(&mut q, 1000.0), want);
        assert!(q.is_empty());
    }

    #[test]
    fn an_interval_clearing_itself_stops() {
        let mut q = TimerQueue::default();
        let i = q.schedule(0.0, 5.0, true, f(), vec![], Origin::default());
        let run = q.pop_due(5.0).expect("due");
        assert!(q.cancel(i), "clearInterval from inside its own callback");
        q.finish(run, 5.0);
        assert!(q.is_empty());
        assert_eq!(q.next_deadline(), None);
    }

    #[test]
    fn host_queue_tracks_pending() {
        let mut h = HostQueue::default();
        assert!(h.is_idle());
        h.started();
        assert!(!h.is_idle());
        let cap = PromiseCapability {
            promise: f(),
            resolve: f(),
            reject: f(),
        };
        h.complete(HostCompletion {
            capability: cap,
            outcome: Ok(Value::Undefined),
        });
        assert!(!h.is_idle());
        assert!(h.pop().is_some());
        assert!(h.is_idle());
    }
}
