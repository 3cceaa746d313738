//! Boa's **`boa_gc`** crate implements a garbage collector.
//!
//! # Crate Overview
//! **`boa_gc`** is a mark-sweep garbage collector that implements a [`Trace`] and [`Finalize`] trait
//! for garbage collected values.
#![doc = include_str!("../ABOUT.md")]
#![doc(
    html_logo_url = "https://raw.githubusercontent.com/boa-dev/boa/main/assets/logo_black.svg",
    html_favicon_url = "https://raw.githubusercontent.com/boa-dev/boa/main/assets/logo_black.svg"
)]
#![cfg_attr(not(test), forbid(clippy::unwrap_used))]
#![allow(
    clippy::module_name_repetitions,
    clippy::redundant_pub_crate,
    clippy::let_unit_value
)]

extern crate self as boa_gc;

mod cell;
mod pointers;
mod trace;

pub(crate) mod internals;

use internals::{EphemeronBox, ErasedEphemeronBox, ErasedWeakMapBox, WeakMapBox};
use pointers::{NonTraceable, RawWeakMap};
use std::{
    cell::{Cell, RefCell},
    mem,
    ptr::NonNull,
};

pub use crate::trace::{Finalize, Trace, Tracer};
pub use boa_macros::{Finalize, Trace};
pub use cell::{GcRef, GcRefCell, GcRefMut};
pub use internals::GcBox;
pub use pointers::{Ephemeron, Gc, GcErased, WeakGc, WeakMap};

type GcErasedPointer = NonNull<GcBox<NonTraceable>>;
type EphemeronPointer = NonNull<dyn ErasedEphemeronBox>;
type ErasedWeakMapBoxPointer = NonNull<dyn ErasedWeakMapBox>;

thread_local!(static GC_DROPPING: Cell<bool> = const { Cell::new(false) });
// tidejs patch: const-initialized (upstream: lazily), so that every allocation reaches the
// collector's state with one thread-pointer-relative access and a liveness check inline,
// instead of an out-of-line call to the lazy accessor.
thread_local!(static BOA_GC: RefCell<BoaGc> = const { RefCell::new(BoaGc::new()) });
// tidejs patch: the address of this thread's `BOA_GC`, for the allocation path: a plain
// thread-local word (no destructor, so reading it is one thread-pointer-relative load with no
// liveness check), set on the first allocation and cleared when `BOA_GC` is destroyed (after
// which the slow path's `BOA_GC.with` panics, as every access did before).
thread_local!(static BOA_GC_PTR: Cell<*const RefCell<BoaGc>> = const { Cell::new(std::ptr::null()) });

#[derive(Debug, Clone, Copy)]
struct GcConfig {
    /// The threshold at which the garbage collector will trigger a (major) collection.
    threshold: usize,
}

// tidejs patch: the collection policy (upstream: a major collection past the threshold, then
// the threshold raised to `live / 0.7` when live bytes exceed 70% of it; never lowered).
//
// - Collections happen when the young generation (the boxes allocated since the last
//   collection) passes `NURSERY` bytes: the allocation path tests that one counter.
// - It is a major collection if the whole heap (old and young boxes) is past `threshold`, else
//   a minor one (`Collector::collect_minor`).
// - After a major collection the threshold is set from the bytes left live: to
//   `GROWTH_PERCENT` of them when the collection freed less than a quarter of the heap (the
//   heap is growing: collecting again soon would find as little), else `STEADY_PERCENT`; and
//   at least `HEADROOM` above them, so that a small heap gets a few minor collections between
//   major ones (with a 1 MiB floor, a heap of 0.7 MiB live ran a major collection every
//   0.3 MiB of allocation); never below `MIN_THRESHOLD`.
const NURSERY: usize = 1 << 20;
const HEADROOM: usize = 2 * NURSERY;
const MIN_THRESHOLD: usize = 1 << 20;
const GROWTH_PERCENT: usize = 200;
const STEADY_PERCENT: usize = 143;
// tidejs patch: minor collections that count and mark. A minor collection whose marking freed
// at most 1/`MINOR_SKIP_YIELD` of the young boxes it examined (the rest being all live, or
// dead with reference count 0, which needs no marking) lets the next `MINOR_SKIP` minor
// collections free only the young boxes with reference count 0 and promote the others
// without counting or marking; the one after that counts and marks again. Marking in the
// benchmarks freed nothing in minor collections except in json.js (a fifth of the young
// boxes), while the counting and marking of survivors (a promise chain built up front, the
// elements of a growing array) were a fifth of then_chain's instructions. Young garbage in
// cycles is then promoted and freed by the next major collection (which the heap's growth
// brings forward: the threshold counts old garbage). At most `MINOR_SKIP` nurseries of such
// garbage are promoted when a program switches from growing to making cyclic garbage (a test
// doing that: 27k more boxes left, peak RSS 60.7 -> 66.6 MB, the same with 3 or 7; 3 chosen
// to bound it: then_chain N=100k 429.2M instructions with 7, 433.9M with 3, 466.7M before).
const MINOR_SKIP: u32 = 3;
const MINOR_SKIP_YIELD: u64 = 64;

impl GcConfig {
    const fn new() -> Self {
        Self {
            // Start at 1MB, the nursary size for V8 is ~1-8MB and SM can be up to 16MB
            threshold: MIN_THRESHOLD,
        }
    }
}

#[derive(Default, Debug, Clone, Copy)]
struct GcRuntimeData {
    collections: usize,
    /// tidejs patch: the number of minor collections (included in `collections`).
    minor_collections: usize,
    /// tidejs patch: bytes held by the boxes that were present at the last collection and not
    /// swept since (old boxes); the young boxes' bytes are in `young_bytes` until the next
    /// collection adds them here (`BoaGc::heap_bytes` is the sum).
    bytes_allocated: usize,
    // tidejs patch: bytes ever allocated (monotonic), for `heap_stats`, without the young
    // boxes' bytes (added at the next collection).
    total_allocated: u64,
    // tidejs patch: bytes allocated since the last collection (the young generation).
    young_bytes: usize,
    /// tidejs patch: box counts for `TIDEJS_GC_STATS` (printed when the heap is dropped).
    stats: GcStats,
}

/// tidejs patch: what the collections did, in boxes (a few additions per collection, none per
/// allocation); printed to stderr at thread exit when `TIDEJS_GC_STATS` is set.
#[derive(Default, Debug, Clone, Copy)]
struct GcStats {
    /// Boxes present at the start of major collections, and those freed by them.
    major_boxes: u64,
    major_freed: u64,
    /// Young boxes at the start of minor collections, those freed because no handle referred
    /// to them (reference count 0), and those freed by counting and marking.
    minor_boxes: u64,
    minor_rc0: u64,
    minor_marked_dead: u64,
    /// Whether `TIDEJS_GC_STATS` is set: 0 not read yet, 1 no, 2 yes.
    enabled: u8,
}

impl GcRuntimeData {
    const fn new() -> Self {
        Self {
            collections: 0,
            minor_collections: 0,
            bytes_allocated: 0,
            total_allocated: 0,
            young_bytes: 0,
            stats: GcStats {
                major_boxes: 0,
                major_freed: 0,
                minor_boxes: 0,
                minor_rc0: 0,
                minor_marked_dead: 0,
                enabled: 0,
            },
        }
    }
}

#[derive(Debug)]
struct BoaGc {
    config: GcConfig,
    runtime: GcRuntimeData,
    strongs: Vec<GcErasedPointer>,
    /// tidejs patch: `strongs[..old_len]` survived the last collection (old: marked); the rest
    /// were allocated since (young: unmarked).
    old_len: usize,
    weaks: Vec<EphemeronPointer>,
    weak_maps: Vec<ErasedWeakMapBoxPointer>,
    /// tidejs patch: the dead boxes of a collection, dropped in place and not yet freed (empty
    /// between collections; kept for its capacity).
    dead: Vec<GcErasedPointer>,
    /// tidejs patch: the marking stack, kept for its capacity.
    mark_queue: Vec<GcErasedPointer>,
    /// tidejs patch: minor collections left to run without counting and marking
    /// (`MINOR_SKIP`).
    minor_skip: u32,
}

impl BoaGc {
    const fn new() -> Self {
        Self {
            config: GcConfig::new(),
            runtime: GcRuntimeData::new(),
            strongs: Vec::new(),
            old_len: 0,
            weaks: Vec::new(),
            weak_maps: Vec::new(),
            dead: Vec::new(),
            mark_queue: Vec::new(),
            minor_skip: 0,
        }
    }

    /// tidejs patch: the bytes of every box not yet swept (old and young).
    fn heap_bytes(&self) -> usize {
        self.runtime.bytes_allocated + self.runtime.young_bytes
    }

    /// tidejs patch: with `TIDEJS_GC_STATS` set, prints the running totals to stderr after
    /// each collection (the engine thread may never exit: the CLI ends the process while it
    /// is parked, so its destructors do not run).
    #[cold]
    fn report_stats(&mut self) {
        if self.runtime.stats.enabled == 0 {
            self.runtime.stats.enabled = if std::env::var_os("TIDEJS_GC_STATS").is_some() {
                2
            } else {
                1
            };
        }
        if self.runtime.stats.enabled != 2 {
            return;
        }
        let r = &self.runtime;
        let st = &r.stats;
        eprintln!(
            "gc: {} minor ({} young boxes: {} freed by count 0, {} by marking), {} major \
             ({} boxes, {} freed); {} bytes allocated, {} boxes left",
            r.minor_collections,
            st.minor_boxes,
            st.minor_rc0,
            st.minor_marked_dead,
            r.collections - r.minor_collections,
            st.major_boxes,
            st.major_freed,
            r.total_allocated + r.young_bytes as u64,
            self.strongs.len(),
        );
    }

    /// tidejs patch: the young generation becomes part of the heap's figures (at the start of
    /// a collection, which then subtracts what it frees).
    fn account_young(&mut self) {
        let young = self.runtime.young_bytes;
        self.runtime.bytes_allocated += young;
        self.runtime.total_allocated += young as u64;
        self.runtime.young_bytes = 0;
    }
}

impl Drop for BoaGc {
    fn drop(&mut self) {
        // tidejs patch: the allocation path's cached address is no longer valid.
        BOA_GC_PTR.with(|p| p.set(std::ptr::null()));
        Collector::dump(self);
    }
}

// Whether or not the thread is currently in the sweep phase of garbage collection.
// During this phase, attempts to dereference a `Gc<T>` pointer will trigger a panic.
/// `DropGuard` flags whether the Collector is currently running `Collector::sweep()` or `Collector::dump()`
///
/// While the `DropGuard` is active, all `GcBox`s must not be dereferenced or accessed as it could cause Undefined Behavior
#[derive(Debug, Clone)]
struct DropGuard;

impl DropGuard {
    fn new() -> Self {
        GC_DROPPING.with(|dropping| dropping.set(true));
        Self
    }
}

impl Drop for DropGuard {
    fn drop(&mut self) {
        GC_DROPPING.with(|dropping| dropping.set(false));
    }
}

/// Returns `true` if it is safe for a type to run [`Finalize::finalize`].
#[must_use]
#[inline(always)]
pub fn finalizer_safe() -> bool {
    GC_DROPPING.with(|dropping| !dropping.get())
}

/// The Allocator handles allocation of garbage collected values.
///
/// The allocator can trigger a garbage collection.
#[derive(Debug, Clone, Copy)]
struct Allocator;

impl Allocator {
    /// Allocate a new garbage collected value to the Garbage Collector's heap.
    ///
    /// tidejs patch: the box is allocated first and the value moved into it once (upstream
    /// moved it into the thread-local closure, then into a `Box`: three copies of the value);
    /// the collector's bookkeeping is the non-generic [`Self::register`].
    #[inline]
    fn alloc_gc<T: Trace>(value: T) -> NonNull<GcBox<T>> {
        let layout = std::alloc::Layout::new::<GcBox<T>>();
        // SAFETY: `GcBox<T>` is not zero-sized (it has a header).
        let raw = unsafe { std::alloc::alloc(layout) }.cast::<GcBox<T>>();
        let Some(ptr) = NonNull::new(raw) else {
            std::alloc::handle_alloc_error(layout)
        };
        // SAFETY: freshly allocated for a `GcBox<T>`; freed with this layout (`VTable::layout`)
        // or as a `Box` (`drop_fn`, `dump`), which uses the same global allocator and layout.
        unsafe { ptr.as_ptr().write(GcBox::new(value)) };
        Self::register(ptr.cast(), size_of::<GcBox<T>>());
        ptr
    }

    /// tidejs patch: adds a new box to the young generation, after a collection if the young
    /// generation is full (the new box is not in `strongs` yet: its contents' handles are
    /// roots, as when the value was on the stack). Only the counters and the list change here.
    #[inline]
    fn register(ptr: GcErasedPointer, size: usize) {
        let mut cell = BOA_GC_PTR.with(Cell::get);
        if cell.is_null() {
            cell = Self::gc_cell();
        }
        // SAFETY: `BOA_GC_PTR` holds the address of this thread's `BOA_GC` while it is alive
        // (cleared first thing when it is dropped).
        let mut gc = unsafe { &*cell }.borrow_mut();
        Self::manage_state(&mut gc);
        gc.strongs.push(ptr);
        gc.runtime.young_bytes += size;
    }

    /// tidejs patch: the address of this thread's `BOA_GC`, cached in `BOA_GC_PTR`. Panics if
    /// `BOA_GC` was destroyed (thread exit), like every `BOA_GC.with`.
    #[cold]
    #[inline(never)]
    fn gc_cell() -> *const RefCell<BoaGc> {
        BOA_GC.with(|st| {
            let cell: *const RefCell<BoaGc> = st;
            BOA_GC_PTR.with(|p| p.set(cell));
            cell
        })
    }

    fn alloc_ephemeron<K: Trace + ?Sized, V: Trace>(
        value: EphemeronBox<K, V>,
    ) -> NonNull<EphemeronBox<K, V>> {
        let element_size = size_of_val::<EphemeronBox<K, V>>(&value);
        BOA_GC.with(|st| {
            let mut gc = st.borrow_mut();

            Self::manage_state(&mut gc);
            // Safety: value cannot be a null pointer, since `Box` cannot return null pointers.
            let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(Box::new(value))) };
            let erased: NonNull<dyn ErasedEphemeronBox> = ptr;

            gc.weaks.push(erased);
            gc.runtime.young_bytes += element_size;

            ptr
        })
    }

    fn alloc_weak_map<K: Trace + ?Sized, V: Trace>() -> WeakMap<K, V> {
        let weak_map = WeakMap {
            inner: Gc::new(GcRefCell::new(RawWeakMap::new())),
        };
        let weak = WeakGc::new(&weak_map.inner);

        BOA_GC.with(|st| {
            let mut gc = st.borrow_mut();

            let weak_box = WeakMapBox { map: weak };

            // Safety: value cannot be a null pointer, since `Box` cannot return null pointers.
            let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(Box::new(weak_box))) };
            let erased: ErasedWeakMapBoxPointer = ptr;

            gc.weak_maps.push(erased);

            weak_map
        })
    }

    // tidejs patch: the test inline in every allocation, the collections out of line.
    #[inline(always)]
    fn manage_state(gc: &mut BoaGc) {
        if gc.runtime.young_bytes > NURSERY {
            Self::collect_now(gc);
        }
    }

    /// tidejs patch: the young generation is full: a major collection if the heap (old boxes,
    /// garbage among them, and young ones) exceeds the threshold, else a minor one.
    #[cold]
    #[inline(never)]
    fn collect_now(gc: &mut BoaGc) {
        if gc.heap_bytes() > gc.config.threshold {
            let before = gc.heap_bytes();
            Collector::collect(gc);
            let live = gc.runtime.bytes_allocated;
            let percent = if (before - live) * 4 < before {
                GROWTH_PERCENT
            } else {
                STEADY_PERCENT
            };
            gc.config.threshold = (live / 100 * percent)
                .max(live + HEADROOM)
                .max(MIN_THRESHOLD);
        } else {
            Collector::collect_minor(gc);
        }
        gc.report_stats();
    }
}

/// This collector currently functions in four main phases
///
/// Mark -> Finalize -> Mark -> Sweep
///
/// 1. Mark nodes as reachable.
/// 2. Finalize the unreachable nodes.
/// 3. Mark again because `Finalize::finalize` can potentially resurrect dead nodes.
/// 4. Sweep and drop all dead nodes.
///
/// A better approach in a more concurrent structure may be to reorder.
///
/// Mark -> Sweep -> Finalize
struct Collector;

impl Collector {
    /// Run a collection on the full heap.
    fn collect(gc: &mut BoaGc) {
        gc.runtime.collections += 1;
        gc.account_young();
        let boxes_before = gc.strongs.len() as u64;
        gc.runtime.stats.major_boxes += boxes_before;

        // tidejs patch: survivors of the last collection are still marked (old); a major
        // collection starts from clear headers.
        for node in &gc.strongs {
            // SAFETY: node must be valid as this phase cannot drop any node.
            unsafe { node.as_ref() }.header.clear_mark_and_non_roots();
        }
        for eph in &gc.weaks {
            // SAFETY: node must be valid as this phase cannot drop any node.
            unsafe { eph.as_ref() }.header().clear_mark_and_non_roots();
        }

        Self::trace_non_roots(gc);

        let mut tracer = Tracer::with_queue(mem::take(&mut gc.mark_queue));

        let unreachable_weak =
            Self::mark_heap(&mut tracer, &gc.strongs, &gc.weaks, &gc.weak_maps);

        assert!(tracer.is_empty(), "The queue should be empty");
        gc.mark_queue = tracer.into_queue();

        // tidejs patch: upstream runs the finalizers of the unreachable boxes (which release
        // the handles they hold), marks the whole heap again in case a finalizer resurrected a
        // box, then drops the unreachable boxes with handle releases disabled. tidejs's
        // finalizers never create references (the rules in `src/value/gc.rs`), so there is no
        // second marking, and the dead boxes are dropped in place with their handles releasing
        // normally (which is what the finalizers did), before any of them is deallocated.
        for node in unreachable_weak {
            // SAFETY: ephemeron boxes are only freed by the sweep below.
            unsafe { node.as_ref() }.finalize_and_clear();
        }
        // tidejs patch: one pass over the boxes (upstream: a list of unreachable candidates
        // built while marking, filtered after it, then a sweep over every box): survivors stay
        // marked (old) and move to the front; the others are dropped in place as they are
        // found (a drop only decrements the counts of boxes that all stay allocated until
        // `free_dropped`, and allocates no box), then deallocated. The dead list keeps its
        // allocation from one collection to the next.
        let strongs = &mut gc.strongs;
        let dead = &mut gc.dead;
        debug_assert!(dead.is_empty());
        strongs.retain(|&node| {
            // SAFETY: every box is allocated until `free_dropped` below.
            let node_ref = unsafe { node.as_ref() };
            if node_ref.is_marked() {
                node_ref.header.set_old();
                true
            } else {
                // SAFETY: unmarked: unreachable; dropped once here, deallocated below.
                unsafe { (node_ref.drop_value_fn())(node) };
                dead.push(node);
                false
            }
        });
        // SAFETY: every box in `dead` was dropped in place above and is deallocated once here.
        unsafe { Self::free_dropped(dead, &mut gc.runtime.bytes_allocated) };

        // SAFETY: every ephemeron box is allocated by `Box::new` and valid.
        unsafe { Self::sweep_weak(&mut gc.weaks, &mut gc.runtime.bytes_allocated) };

        // Weak maps have to be cleared after the sweep, since the process dereferences GcBoxes.
        gc.weak_maps.retain(|w| {
            // SAFETY: The caller must ensure the validity of every node of `heap_start`.
            let node_ref = unsafe { w.as_ref() };

            if node_ref.is_live() {
                node_ref.clear_dead_entries();

                true
            } else {
                // SAFETY:
                // The `Allocator` must always ensure its start node is a valid, non-null pointer that
                // was allocated by `Box::from_raw(Box::new(..))`.
                let _unmarked_node = unsafe { Box::from_raw(w.as_ptr()) };

                false
            }
        });

        // tidejs patch: upstream calls `shrink_to(len >> 2)`, which shrinks the capacity to
        // exactly `len` after every collection, so the next allocation doubles it again: a
        // reallocation (old and new buffers both resident) per collection, and a peak of up
        // to 3 words per live box. Shrink only once three quarters of the capacity are unused.
        if gc.strongs.len() < gc.strongs.capacity() / 4 {
            gc.strongs.shrink_to(gc.strongs.len() * 2);
        }
        gc.weaks.shrink_to(gc.weaks.len() >> 2);
        gc.weak_maps.shrink_to(gc.weak_maps.len() >> 2);
        gc.old_len = gc.strongs.len();
        gc.runtime.stats.major_freed += boxes_before - gc.strongs.len() as u64;
    }

    /// tidejs patch: a minor collection, of the boxes allocated since the last collection
    /// (`strongs[old_len..]`), with every older box taken as live. It needs no write barrier:
    /// boa_gc finds roots by counting, per box, the references held by other boxes, and a
    /// minor collection counts only those held by young boxes, so a young box referenced from
    /// an old box (or from Rust) has more references than counted and is a root. Old boxes
    /// stay marked between collections, so marking stops at them and counting skips them.
    /// Garbage among old boxes (and young boxes it references) waits for the next major
    /// collection. Ephemerons are only swept by major collections; here those whose key died
    /// are cleared (their value released) before the key's box is freed.
    ///
    /// Young boxes that no handle refers to at all (reference count 0) are dead without any
    /// counting or marking: the first pass, newest first, drops them in place as it meets
    /// them and only counts the references held by the others. Dropping a box releases its
    /// handles, so a structure that died whole (children older than their parent, as objects
    /// are built) is dropped in the one pass. Every dead box stays allocated until the end
    /// (a drop may still decrement the count of another dead box, and the ephemeron pass
    /// reads dead keys' headers).
    fn collect_minor(gc: &mut BoaGc) {
        gc.runtime.collections += 1;
        gc.runtime.minor_collections += 1;
        gc.account_young();
        let old_len = gc.old_len;
        let young_before = (gc.strongs.len() - old_len) as u64;
        gc.runtime.stats.minor_boxes += young_before;
        let strongs = &mut gc.strongs;
        let dead = &mut gc.dead;
        debug_assert!(dead.is_empty());
        // Without ephemerons, nothing reads the header of a box no handle refers to once it
        // is dropped: it is freed at once.
        let free_now = gc.weaks.is_empty();
        // Whether this collection counts and marks (`MINOR_SKIP`); if not, every young box
        // with a handle is taken as live.
        let full = gc.minor_skip == 0;
        if !full {
            gc.minor_skip -= 1;
        }

        let mut i = strongs.len();
        while i > old_len {
            i -= 1;
            let node = strongs[i];
            // SAFETY: every box in `strongs` is allocated; no box is freed before the end.
            let node_ref = unsafe { node.as_ref() };
            if node_ref.header.ref_count() == 0 {
                // No handle anywhere refers to it (handles are counted exactly; weak ones are
                // not handles, and the ephemeron pass below clears those keyed by it): dead.
                // The box moved into place `i` was at a higher index: already visited.
                strongs.swap_remove(i);
                if free_now {
                    gc.runtime.bytes_allocated -= node_ref.size();
                    // SAFETY: no handle and no ephemeron refers to the box, and it is no
                    // longer in `strongs`: nothing reads it again. Dropped and freed once.
                    unsafe { (node_ref.drop_fn())(node) };
                } else {
                    // SAFETY: dropped once here, and removed from `strongs` so no later pass
                    // reaches it; deallocated (not dropped) at the end.
                    unsafe { (node_ref.drop_value_fn())(node) };
                    dead.push(node);
                }
            } else if full {
                let trace_non_roots_fn = node_ref.trace_non_roots_fn();
                // SAFETY: The function pointer is appropriate for this node type because we extract it from it's VTable.
                unsafe { trace_non_roots_fn(node) };
            }
        }

        let after_rc0 = (strongs.len() - old_len) as u64;
        gc.runtime.stats.minor_rc0 += young_before - after_rc0;
        // When every young box left is a root (referenced from Rust or from an old box, as
        // when the survivors are new elements of an old array), all of them are live: they
        // are marked without tracing (marking from them would only reach old boxes or these
        // same roots).
        //
        // Without counting (`full` false), every young box left is taken as live the same way.
        let young = &strongs[old_len..];
        // SAFETY: every box in `strongs` is allocated (none is freed before the end).
        if !full || young.iter().all(|node| unsafe { node.as_ref() }.is_rooted()) {
            for node in young {
                // SAFETY: as above.
                unsafe { node.as_ref() }.header.mark();
            }
        } else {
            let mut tracer = Tracer::with_queue(mem::take(&mut gc.mark_queue));
            for node in young {
                // SAFETY: node must be valid as this phase cannot drop any node.
                let node_ref = unsafe { node.as_ref() };
                if node_ref.is_rooted() {
                    tracer.enqueue(*node);
                    // SAFETY: all nodes must be valid as this phase cannot drop any node.
                    unsafe { tracer.trace_until_empty() };
                }
            }
            gc.mark_queue = tracer.into_queue();
        }

        // Ephemerons whose key dies here release their values first (before the key's box is
        // dropped and freed).
        for eph in &gc.weaks {
            // SAFETY: ephemeron boxes are only freed by major collections.
            unsafe { eph.as_ref() }.clear_if_key_unmarked();
        }
        // The survivors become old and move to the front; the other young boxes are dropped
        // in place as they are found: a drop only decrements the counts of the boxes it
        // referenced, all still allocated until the loop below, and allocates no box (so
        // `strongs` does not change).
        let mut kept = old_len;
        for i in old_len..strongs.len() {
            let node = strongs[i];
            // SAFETY: the young boxes are allocated until deallocated below, once.
            let node_ref = unsafe { node.as_ref() };
            if node_ref.is_marked() {
                node_ref.header.set_old();
                strongs[kept] = node;
                kept += 1;
            } else {
                // SAFETY: unmarked: unreachable; dropped once here, deallocated below.
                unsafe { (node_ref.drop_value_fn())(node) };
                dead.push(node);
            }
        }
        strongs.truncate(kept);
        let marked_dead = after_rc0 - (kept - old_len) as u64;
        gc.runtime.stats.minor_marked_dead += marked_dead;
        if full && marked_dead * MINOR_SKIP_YIELD <= young_before {
            gc.minor_skip = MINOR_SKIP;
        }

        // SAFETY: every box in `dead` was dropped in place above and is deallocated once here.
        unsafe { Self::free_dropped(dead, &mut gc.runtime.bytes_allocated) };

        gc.weak_maps.retain(|w| {
            // SAFETY: The caller must ensure the validity of every node of `heap_start`.
            let node_ref = unsafe { w.as_ref() };

            if node_ref.is_live() {
                node_ref.clear_dead_entries();

                true
            } else {
                // SAFETY: allocated by `Box::into_raw(Box::new(..))`, dropped once.
                let _unmarked_node = unsafe { Box::from_raw(w.as_ptr()) };

                false
            }
        });
        gc.old_len = gc.strongs.len();
    }

    /// tidejs patch: deallocates boxes already dropped in place, and empties the list.
    ///
    /// # Safety
    ///
    /// Every pointer is a box allocated by `Box::new`, dropped in place and not deallocated.
    unsafe fn free_dropped(dead: &mut Vec<GcErasedPointer>, bytes_allocated: &mut usize) {
        for node in dead.drain(..) {
            // SAFETY: the header and vtable pointer are not touched by the drop in place.
            let vtable = unsafe { node.as_ref() }.vtable;
            *bytes_allocated -= vtable.size();
            // SAFETY: allocated by `Box::new` with this layout; dropped in place.
            unsafe { std::alloc::dealloc(node.as_ptr().cast(), vtable.layout()) };
        }
    }

    fn trace_non_roots(gc: &BoaGc) {
        // Count all the handles located in GC heap.
        // Then, we can find whether there is a reference from other places, and they are the roots.
        for node in &gc.strongs {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let trace_non_roots_fn = unsafe { node.as_ref() }.trace_non_roots_fn();

            // SAFETY: The function pointer is appropriate for this node type because we extract it from it's VTable.
            unsafe {
                trace_non_roots_fn(*node);
            }
        }

        for eph in &gc.weaks {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let eph_ref = unsafe { eph.as_ref() };
            eph_ref.trace_non_roots();
        }
    }

    /// Walk the heap and mark any nodes deemed reachable; returns the ephemerons that are
    /// unreachable or whose key is dead.
    ///
    /// tidejs patch: the unreachable strong boxes are not listed here (upstream gathered
    /// candidates while marking and filtered them afterwards): the sweep finds them unmarked.
    fn mark_heap(
        tracer: &mut Tracer,
        strongs: &[GcErasedPointer],
        weaks: &[EphemeronPointer],
        weak_maps: &[ErasedWeakMapBoxPointer],
    ) -> Vec<EphemeronPointer> {
        // Walk the list, tracing and marking the nodes
        let mut pending_ephemerons = Vec::new();

        // === Preliminary mark phase ===
        for node in strongs {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let node_ref = unsafe { node.as_ref() };
            if node_ref.is_rooted() {
                tracer.enqueue(*node);

                // SAFETY: all nodes must be valid as this phase cannot drop any node.
                unsafe {
                    tracer.trace_until_empty();
                }
            }
        }

        // 0.1. Early return if there are no ephemerons in the GC
        if weaks.is_empty() {
            return pending_ephemerons;
        }

        // === Weak mark phase ===
        //
        //
        // 1. Get the naive list of ephemerons that are supposedly dead or their key is dead and
        // trace all the ephemerons that have roots and their keys are live. Also remove from
        // this list the ephemerons that are marked but their value is dead.
        for eph in weaks {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let eph_ref = unsafe { eph.as_ref() };
            let header = eph_ref.header();
            if header.is_rooted() {
                header.mark();
            }
            // SAFETY: the garbage collector ensures `eph_ref` always points to valid data.
            if unsafe { !eph_ref.trace(tracer) } {
                pending_ephemerons.push(*eph);
            }

            // SAFETY: all nodes must be valid as this phase cannot drop any node.
            unsafe {
                tracer.trace_until_empty();
            }
        }

        // 2. Trace all the weak pointers in the live weak maps to make sure they do not get swept.
        for w in weak_maps {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let node_ref = unsafe { w.as_ref() };

            // SAFETY: The garbage collector ensures that all nodes are valid.
            unsafe { node_ref.trace(tracer) };

            // SAFETY: all nodes must be valid as this phase cannot drop any node.
            unsafe {
                tracer.trace_until_empty();
            }
        }

        // 3. Iterate through all pending ephemerons, removing the ones which have been successfully
        // traced. If there are no changes in the pending ephemerons list, it means that there are no
        // more reachable ephemerons from the remaining ephemeron values.
        let mut previous_len = pending_ephemerons.len();
        loop {
            pending_ephemerons.retain_mut(|eph| {
                // SAFETY: node must be valid as this phase cannot drop any node.
                let eph_ref = unsafe { eph.as_ref() };
                // SAFETY: the garbage collector ensures `eph_ref` always points to valid data.
                let is_key_marked = unsafe { !eph_ref.trace(tracer) };

                // SAFETY: all nodes must be valid as this phase cannot drop any node.
                unsafe {
                    tracer.trace_until_empty();
                }

                is_key_marked
            });

            if previous_len == pending_ephemerons.len() {
                break;
            }

            previous_len = pending_ephemerons.len();
        }

        // 4. The remaining list should contain the ephemerons that are either unreachable or its key
        // is dead.
        pending_ephemerons
    }

    /// Frees the ephemerons left unmarked by a major collection (their contents cleared by
    /// `finalize_and_clear`) and clears the marks of the others.
    ///
    /// tidejs patch: the strong boxes are swept by `collect` itself (upstream's `sweep`
    /// deallocated both).
    ///
    /// # Safety
    ///
    /// Every pointer must be a valid ephemeron box allocated by `Box::into_raw(Box::new(..))`.
    unsafe fn sweep_weak(weak: &mut Vec<EphemeronPointer>, total_allocated: &mut usize) {
        let _guard = DropGuard::new();

        weak.retain(|eph| {
            // SAFETY: The caller must ensure the validity of every node of `heap_start`.
            let eph_ref = unsafe { eph.as_ref() };
            let header = eph_ref.header();
            if header.is_marked() {
                header.unmark();
                header.reset_non_root_count();

                true
            } else {
                // SAFETY: The algorithm ensures only unmarked/unreachable pointers are dropped.
                // The caller must ensure all pointers were allocated by `Box::into_raw(Box::new(..))`.
                let unmarked_eph = unsafe { Box::from_raw(eph.as_ptr()) };
                let unallocated_bytes = size_of_val(&*unmarked_eph);
                *total_allocated -= unallocated_bytes;

                false
            }
        });
    }

    // Clean up the heap when BoaGc is dropped
    fn dump(gc: &mut BoaGc) {
        // Weak maps have to be dropped first, since the process dereferences GcBoxes.
        // This can be done without initializing a dropguard since no GcBox's are being dropped.
        for node in mem::take(&mut gc.weak_maps) {
            // SAFETY:
            // The `Allocator` must always ensure its start node is a valid, non-null pointer that
            // was allocated by `Box::from_raw(Box::new(..))`.
            let _unmarked_node = unsafe { Box::from_raw(node.as_ptr()) };
        }

        // Not initializing a dropguard since this should only be invoked when BOA_GC is being dropped.
        let _guard = DropGuard::new();

        for node in mem::take(&mut gc.strongs) {
            // SAFETY:
            // The `Allocator` must always ensure its start node is a valid, non-null pointer that
            // was allocated by `Box::from_raw(Box::new(..))`.
            let drop_fn = unsafe { node.as_ref() }.drop_fn();

            // SAFETY: The function pointer is appropriate for this node type because we extract it from it's VTable.
            unsafe {
                drop_fn(node);
            }
        }

        for node in mem::take(&mut gc.weaks) {
            // SAFETY:
            // The `Allocator` must always ensure its start node is a valid, non-null pointer that
            // was allocated by `Box::from_raw(Box::new(..))`.
            let _unmarked_node = unsafe { Box::from_raw(node.as_ptr()) };
        }
    }
}

/// tidejs patch: the collector's figures for this thread: bytes held by boxes not yet swept
/// (live or garbage awaiting the next collection), the number of such strong boxes, and the
/// bytes ever allocated.
#[must_use]
pub fn heap_stats() -> (usize, usize, u64) {
    BOA_GC
        .try_with(|current| {
            current.try_borrow().map_or((0, 0, 0), |gc| {
                (
                    gc.heap_bytes(),
                    gc.strongs.len(),
                    gc.runtime.total_allocated + gc.runtime.young_bytes as u64,
                )
            })
        })
        .unwrap_or((0, 0, 0))
}

/// Forcefully runs a garbage collection of all inaccessible nodes.
pub fn force_collect() {
    BOA_GC.with(|current| {
        let mut gc = current.borrow_mut();

        if gc.heap_bytes() > 0 {
            Collector::collect(&mut gc);
        }
    });
}

#[cfg(test)]
mod test;

/// Returns `true` is any weak maps are currently allocated.
#[cfg(test)]
#[must_use]
pub fn has_weak_maps() -> bool {
    BOA_GC.with(|current| {
        let gc = current.borrow();

        !gc.weak_maps.is_empty()
    })
}
