//! Limits for the host: the [`InterruptHandle`] another thread uses to stop a runaway script,
//! and [`CountingAlloc`], an optional global allocator that makes the heap limit see every byte
//! the engine allocates (property tables and array elements included).
//!
//! Without `CountingAlloc` installed, the heap limit measures the garbage-collected boxes only
//! (objects, environments, closures), which a growing array of numbers barely moves; with it,
//! the measure is the net bytes allocated on the runtime's thread since the runtime was built.
//!
//! Not here: the checks themselves (`interp::limits`, on the interpreter's hot path).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Stops the script running in a [`Runtime`](super::Runtime) from any thread. `Send + Sync`,
/// cheap to clone. The script ends with `Error::Limit(Limit::Interrupted)` at its next loop
/// back-edge or call (the check runs at most every 1024 of them: microseconds); `catch` and
/// `finally` blocks do not run. A native operation that never calls back into JS (one huge
/// `Array.prototype.fill`) finishes first.
///
/// An interrupt raised while no script runs stops the next one; the runtime clears the request
/// when it reports the limit.
///
/// ```
/// use tidejs::{Error, Limit, Runtime};
/// let mut rt = Runtime::new();
/// let handle = rt.interrupt_handle();
/// let stopper = std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_millis(20));
///     handle.interrupt();
/// });
/// let r = rt.eval("while (true) {}", "spin.js");
/// stopper.join().unwrap();
/// assert_eq!(r.err(), Some(Error::Limit(Limit::Interrupted)));
/// assert_eq!(rt.eval_as::<f64>("1 + 1").unwrap(), 2.0); // still usable
/// ```
#[derive(Clone, Debug)]
pub struct InterruptHandle {
    pub(crate) flag: Arc<AtomicBool>,
}

impl InterruptHandle {
    /// Ask the running (or next) script to stop.
    pub fn interrupt(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }

    /// Whether an interrupt is requested and not yet reported.
    pub fn is_requested(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}

thread_local! {
    // Const-initialised and without a destructor: safe to touch from inside the allocator.
    static NET_BYTES: Cell<isize> = const { Cell::new(0) };
}

static INSTALLED: AtomicBool = AtomicBool::new(false);

/// A global allocator (the system allocator, counting): install it in the host program to make
/// `Builder::heap_limit` count every allocation of the runtime's thread.
///
/// ```no_run
/// #[global_allocator]
/// static ALLOC: tidejs::CountingAlloc = tidejs::CountingAlloc;
/// ```
///
/// The count is per thread (the engine is single-threaded) and costs one thread-local add per
/// allocation.
pub struct CountingAlloc;

impl CountingAlloc {
    /// Whether this allocator is the program's global allocator (it has allocated something).
    pub fn is_installed() -> bool {
        INSTALLED.load(Ordering::Relaxed)
    }

    /// Net bytes allocated on the current thread through this allocator (allocations minus
    /// frees; frees of memory allocated on another thread make it drift, which the engine,
    /// single-threaded, does not do).
    pub fn thread_net_bytes() -> isize {
        NET_BYTES.try_with(Cell::get).unwrap_or(0)
    }

    fn add(delta: isize) {
        let _ = NET_BYTES.try_with(|c| c.set(c.get().wrapping_add(delta)));
    }
}

// SAFETY: every call is forwarded to `System` unchanged; only a counter is updated.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !INSTALLED.load(Ordering::Relaxed) {
            INSTALLED.store(true, Ordering::Relaxed);
        }
        Self::add(layout.size() as isize);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        Self::add(layout.size() as isize);
        // SAFETY: same contract as ours.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        Self::add(-(layout.size() as isize));
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            Self::add(new_size as isize - layout.size() as isize);
        }
        p
    }
}

thread_local! {
    /// Net bytes at the time the runtime on this thread was built (the heap limit's zero).
    pub(crate) static BASELINE: Cell<isize> = const { Cell::new(0) };
}

/// The heap measure the interpreter's budget calls: net allocated bytes since the runtime was
/// built when [`CountingAlloc`] is installed, else the GC's live bytes.
pub(crate) fn heap_usage() -> usize {
    if CountingAlloc::is_installed() {
        let base = BASELINE.try_with(Cell::get).unwrap_or(0);
        (CountingAlloc::thread_net_bytes() - base).max(0) as usize
    } else {
        crate::value::gc::heap_stats().live_bytes
    }
}
