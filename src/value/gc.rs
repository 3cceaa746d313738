//! The garbage-collected heap, behind a thin module of our own so the collector can be swapped.
//!
//! Today this wraps [`boa_gc`] (a thread-local mark-sweep collector with automatic rooting:
//! a `Gc` held on the Rust stack is a root, a `Gc` reachable only through other traced `Gc`s is
//! not). Everything above `value` must name heap types through this module only (`gc::Gc`,
//! `gc::GcRefCell`, `gc::Trace`…), never `boa_gc` directly: that is what keeps the heap
//! replaceable (e.g. by a handle heap with a shadow stack, DESIGN §4).
//!
//! What it adds on top of `boa_gc`: heap statistics ([`heap_stats`]), read from the collector's
//! own counts (the vendored `boa_gc` exports them), which the heap limit reads.
//!
//! What it does not do: decide *when* to collect (boa_gc triggers a collection from its own
//! allocation threshold), or account for memory that objects own outside their `Gc` box (property
//! tables, string buffers): a heap limit that must see those should read a counting allocator in
//! the embedding layer.
//!
//! # Rules (breaking them is memory-unsafe or leaks)
//! 1. **Never store a `Gc` in an untraced place.** Every struct that holds a `Gc`, directly or
//!    through `Vec`/`Option`/maps, derives or implements [`Trace`] and is itself reachable from a
//!    traced root. A `Gc` hidden in an `Rc`, a `thread_local`, a raw pointer or a
//!    `#[unsafe_ignore_trace]` field is invisible to marking: its target can be swept while still
//!    referenced, or (inside an `Rc` cycle) never freed.
//! 2. **Release `GcRefCell` borrows before running any JS** (calling a function, a getter, a
//!    `valueOf`): user code can reach the same object and borrow it mutably, which panics.
//!    Copy out what you need (`Value` clones are cheap), drop the borrow, then call.
//! 3. **No JS and no `Gc` dereference in finalizers or `Drop` impls of traced types**: they run
//!    during sweep, when other boxes may already be freed. `Finalize` impls stay empty unless they
//!    release purely Rust-side resources.
//! 4. Our own recursion over object graphs (printing, JSON, structured clone) carries an explicit
//!    depth limit; the collector's marking is iterative enough for 1M-link chains (see tests).

use std::fmt;
use std::ops::Deref;

pub use boa_gc::{custom_trace, empty_trace, Finalize, GcRef, GcRefCell, GcRefMut, Trace, Tracer};

/// Heap figures for the current thread (the heap is thread-local, like `boa_gc`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeapStats {
    /// Bytes held by live (not yet reclaimed) GC boxes, headers included.
    pub live_bytes: usize,
    /// Number of live GC boxes.
    pub live_boxes: usize,
    /// Bytes ever allocated in GC boxes on this thread (monotonic).
    pub total_allocated: u64,
}

/// Current heap statistics. Cheap: one thread-local read.
pub fn heap_stats() -> HeapStats {
    let (live_bytes, live_boxes, total_allocated) = boa_gc::heap_stats();
    HeapStats {
        live_bytes,
        live_boxes,
        total_allocated,
    }
}

/// Runs a full collection now. Unreachable cycles are reclaimed.
pub fn force_collect() {
    boa_gc::force_collect();
}

/// A pointer to a garbage-collected `T`. Cloning is a pointer copy plus a root-count update.
pub struct Gc<T: Trace + 'static> {
    inner: boa_gc::Gc<T>,
}

impl<T: Trace + 'static> Gc<T> {
    /// Moves `value` into the heap. May trigger a collection first.
    #[inline]
    pub fn new(value: T) -> Self {
        Self {
            inner: boa_gc::Gc::new(value),
        }
    }

    /// Identity comparison (JS `===` on objects).
    #[inline]
    pub fn ptr_eq(a: &Self, b: &Self) -> bool {
        boa_gc::Gc::ptr_eq(&a.inner, &b.inner)
    }

    /// The box address, stable for the box's lifetime: for identity hashing (Map keys, WeakMap).
    #[inline]
    pub fn addr(this: &Self) -> usize {
        (&*this.inner) as *const T as usize
    }

    /// A weak reference that does not keep the box alive.
    pub fn downgrade(this: &Self) -> WeakGc<T> {
        WeakGc {
            inner: boa_gc::WeakGc::new(&this.inner),
        }
    }
}

impl<T: Trace + 'static> Clone for Gc<T> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: Trace + 'static> Deref for Gc<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T: Trace + 'static> Finalize for Gc<T> {}
// SAFETY: delegates to boa_gc's own `Gc` tracing.
unsafe impl<T: Trace + 'static> Trace for Gc<T> {
    custom_trace!(this, mark, mark(&this.inner));
}

impl<T: Trace + fmt::Debug + 'static> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// A weak pointer: `upgrade` returns `None` once the target was collected.
pub struct WeakGc<T: Trace + 'static> {
    inner: boa_gc::WeakGc<T>,
}

impl<T: Trace + 'static> WeakGc<T> {
    pub fn upgrade(&self) -> Option<Gc<T>> {
        self.inner.upgrade().map(|inner| Gc { inner })
    }
}

impl<T: Trace + 'static> Clone for WeakGc<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: Trace + 'static> Finalize for WeakGc<T> {}
// SAFETY: delegates to boa_gc's `WeakGc`, which marks only its ephemeron bookkeeping.
unsafe impl<T: Trace + 'static> Trace for WeakGc<T> {
    custom_trace!(this, mark, mark(&this.inner));
}

/// A map whose keys are held weakly with ephemeron semantics (JS `WeakMap`/`WeakSet`): an entry
/// keeps its value alive only while its key is reachable from elsewhere.
pub struct WeakMap<K: Trace + 'static, V: Trace + Clone + 'static> {
    inner: boa_gc::WeakMap<K, V>,
}

impl<K: Trace + 'static, V: Trace + Clone + 'static> WeakMap<K, V> {
    pub fn new() -> Self {
        Self {
            inner: boa_gc::WeakMap::new(),
        }
    }
    pub fn insert(&mut self, key: &Gc<K>, value: V) {
        self.inner.insert(&key.inner, value);
    }
    pub fn remove(&mut self, key: &Gc<K>) -> bool {
        self.inner.remove(&key.inner)
    }
    pub fn contains_key(&self, key: &Gc<K>) -> bool {
        self.inner.contains_key(&key.inner)
    }
    /// The value for `key`, cloned out (so no borrow is held while JS runs).
    pub fn get(&self, key: &Gc<K>) -> Option<V> {
        let eph = self.inner.get(&key.inner)?;
        let value = eph.value().map(|v| (*v).clone());
        value
    }
}

impl<K: Trace + 'static, V: Trace + Clone + 'static> Default for WeakMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Trace + 'static, V: Trace + Clone + 'static> Finalize for WeakMap<K, V> {}
// SAFETY: delegates to boa_gc's `WeakMap`, which traces its ephemeron table itself.
unsafe impl<K: Trace + 'static, V: Trace + Clone + 'static> Trace for WeakMap<K, V> {
    custom_trace!(this, mark, mark(&this.inner));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Trace, Finalize)]
    struct Node {
        next: GcRefCell<Option<Gc<Node>>>,
        #[allow(dead_code)]
        payload: [u64; 4],
    }

    fn node() -> Gc<Node> {
        Gc::new(Node {
            next: GcRefCell::new(None),
            payload: [0; 4],
        })
    }

    /// 1M nodes allocated in two-node cycles, all garbage after each step: live memory must
    /// stay bounded (collections reclaim cycles), not grow with the number of allocations.
    #[test]
    fn cycle_churn_stays_bounded() {
        force_collect();
        let base = heap_stats();
        let mut peak = 0usize;
        for i in 0..500_000 {
            let a = node();
            let b = node();
            *a.next.borrow_mut() = Some(b.clone());
            *b.next.borrow_mut() = Some(a.clone());
            if i % 10_000 == 0 {
                peak = peak.max(heap_stats().live_bytes - base.live_bytes);
            }
        }
        force_collect();
        let end = heap_stats();
        let charge = size_of::<boa_gc::GcBox<Node>>();
        eprintln!(
            "churn: 1M nodes, {charge} B/box, peak live {} KiB, after collect {} boxes",
            peak / 1024,
            end.live_boxes - base.live_boxes
        );
        assert_eq!(end.live_boxes, base.live_boxes, "cycles were not reclaimed");
        // 1M boxes would be ~80 MiB; bounded churn keeps the live heap near boa_gc's threshold.
        assert!(peak < 64 * 1024 * 1024, "peak live {peak} bytes");
        assert!(end.total_allocated - base.total_allocated >= (1_000_000 * charge) as u64);
    }

    /// A 1M-link chain must be marked, dropped and swept without overflowing the Rust stack.
    /// Run on a deliberately small 256 KiB stack: marking and sweeping must not recurse per link.
    #[test]
    fn million_link_chain_collects() {
        let t = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| {
                let start = std::time::Instant::now();
                let head = node();
                let mut tail = head.clone();
                for _ in 0..1_000_000 {
                    let n = node();
                    *tail.next.borrow_mut() = Some(n.clone());
                    tail = n;
                }
                drop(tail);
                force_collect(); // marks the whole chain from the rooted head
                let live = heap_stats().live_boxes;
                assert!(live > 1_000_000);
                drop(head);
                force_collect(); // sweeps 1M unreachable boxes
                let after = heap_stats();
                eprintln!(
                    "chain: 1M links built+marked+swept in {:?}; live boxes after: {}",
                    start.elapsed(),
                    after.live_boxes
                );
                assert_eq!(after.live_boxes, 0);
            })
            .unwrap();
        t.join().expect("chain collection overflowed or panicked");
    }

    #[test]
    fn weak_map_is_ephemeron() {
        let mut m: WeakMap<Node, u32> = WeakMap::new();
        let k1 = node();
        let k2 = node();
        m.insert(&k1, 1);
        m.insert(&k2, 2);
        drop(k2);
        force_collect();
        assert_eq!(m.get(&k1), Some(1));
        assert!(m.contains_key(&k1));
        assert!(m.remove(&k1));
        assert_eq!(m.get(&k1), None);
    }

    #[test]
    fn weak_is_cleared_after_collect() {
        let a = node();
        let w = Gc::downgrade(&a);
        assert!(w.upgrade().is_some());
        drop(a);
        force_collect();
        assert!(w.upgrade().is_none());
    }
}
