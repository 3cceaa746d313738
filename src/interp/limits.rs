//! Execution limits the interpreter enforces for an embedder: an instruction ("fuel") budget, the
//! cross-thread interrupt flag, a heap budget, a call-depth limit that ends the script, and a cap
//! on pending timers. The embedding API (`crate::runtime`) configures them; the test262 runner
//! uses only the interrupt flag.
//!
//! Cost on the hot path: every loop back-edge and every closure call ("a tick") decrements one
//! counter; only when it reaches zero (at most every [`CHECK_INTERVAL`] ticks) does the slow path
//! read the interrupt flag, charge the fuel and measure the heap. So a raised interrupt is seen
//! within `CHECK_INTERVAL` ticks, and fuel is exact to the tick.
//!
//! A limit *terminates*: the thrown value is a marker string, `catch` and `finally` do not run
//! (`Interp::interrupted` is true), and every later check throws again, so the script unwinds to
//! the embedder, which reads [`Budget::terminated`] and clears it with [`Budget::reset`].
//!
//! Not here: the microtask-per-turn cap (the embedding API's loop driver counts jobs), and any
//! allocation accounting (the heap measurement is a function the embedder supplies).

/// Ticks between two slow-path checks when no fuel budget asks for fewer.
pub const CHECK_INTERVAL: u32 = 1024;

/// Which limit ended a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LimitKind {
    /// The interrupt flag was raised (another thread, a watchdog).
    Interrupted,
    /// The instruction budget ran out.
    Fuel,
    /// The heap budget was exceeded (after a collection).
    Heap,
    /// The configured JS call depth was exceeded.
    CallDepth,
    /// More microtasks ran in one checkpoint than allowed.
    Microtasks,
    /// More timers were pending than allowed.
    Timers,
}

/// The limit state of one interpreter.
pub struct Budget {
    /// Countdown to the next slow check.
    pub(super) ticks: u32,
    /// The value `ticks` started from (what the slow path charges to the fuel).
    period: u32,
    /// Remaining fuel, in ticks; `None`: unlimited.
    pub fuel: Option<u64>,
    /// Heap budget in bytes and how to measure the heap; `None`: unlimited.
    pub heap: Option<(usize, fn() -> usize)>,
    /// JS call depth at which calls fail.
    pub max_depth: u32,
    /// Exceeding `max_depth` terminates with [`LimitKind::CallDepth`] instead of throwing the
    /// catchable `RangeError` every engine throws.
    pub depth_terminates: bool,
    /// At most this many live timers (`setTimeout`/`setInterval`); `None`: unlimited.
    pub max_timers: Option<usize>,
    /// `Some` once a limit ended the script: set until the embedder calls [`Budget::reset`].
    pub terminated: Option<LimitKind>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            ticks: CHECK_INTERVAL,
            period: CHECK_INTERVAL,
            fuel: None,
            heap: None,
            max_depth: super::MAX_CALL_DEPTH,
            depth_terminates: false,
            max_timers: None,
            terminated: None,
        }
    }
}

impl Budget {
    /// Clear a termination and restart the check period (the embedder does this once it has
    /// reported the limit, so the interpreter can run again).
    pub fn reset(&mut self) {
        self.terminated = None;
        self.restart_period();
    }

    /// Set the fuel budget (`None`: unlimited), effective at once.
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.fuel = fuel;
        self.restart_period();
    }

    /// Fuel left, counting the ticks of the running period.
    pub fn fuel_left(&self) -> Option<u64> {
        self.fuel
            .map(|f| f.saturating_sub(u64::from(self.period - self.ticks)))
    }

    fn restart_period(&mut self) {
        let p = match self.fuel {
            Some(f) => f.clamp(1, u64::from(CHECK_INTERVAL)) as u32,
            None => CHECK_INTERVAL,
        };
        self.ticks = p;
        self.period = p;
    }
}

impl super::Interp {
    /// Whether a limit is terminating the running script (`catch`/`finally` must not run).
    #[inline]
    pub fn interrupted(&self) -> bool {
        self.budget.terminated.is_some()
    }

    /// The check of loop back-edges and calls: one decrement, the slow path every
    /// [`CHECK_INTERVAL`] ticks. Natives that may loop for long without calling JS (over a
    /// huge array-like `length`) should call it now and then too.
    #[inline]
    pub fn check_interrupt(&mut self) -> super::JsResult<()> {
        self.budget.ticks -= 1;
        if self.budget.ticks == 0 {
            return self.budget_check();
        }
        Ok(())
    }

    /// End the running script with `kind` (see the module docs).
    pub fn terminate(&mut self, kind: LimitKind) -> super::Throw {
        if self.budget.terminated.is_none() {
            self.budget.terminated = Some(kind);
        }
        // The next check throws again at once.
        self.budget.ticks = 1;
        self.budget.period = 1;
        self.exception = crate::value::Value::from("execution terminated");
        super::Throw
    }

    /// The call-depth limit was reached: a `RangeError`, or a termination when the embedder
    /// asked for one.
    #[cold]
    pub fn depth_exceeded(&mut self) -> super::Throw {
        if self.budget.depth_terminates {
            return self.terminate(LimitKind::CallDepth);
        }
        self.throw_range_error("Maximum call stack size exceeded")
    }

    #[cold]
    #[inline(never)]
    fn budget_check(&mut self) -> super::JsResult<()> {
        let b = &mut self.budget;
        let used = u64::from(b.period);
        if let Some(kind) = b.terminated {
            return Err(self.terminate(kind));
        }
        if let Some(f) = &mut b.fuel {
            *f = f.saturating_sub(used);
            if *f == 0 {
                return Err(self.terminate(LimitKind::Fuel));
            }
        }
        b.restart_period();
        if self
            .interrupt
            .as_ref()
            .is_some_and(|f| f.load(std::sync::atomic::Ordering::Relaxed))
        {
            return Err(self.terminate(LimitKind::Interrupted));
        }
        if let Some((limit, measure)) = self.budget.heap {
            if measure() > limit {
                // Count only what is live: collect, then measure again.
                crate::value::gc::force_collect();
                if measure() > limit {
                    return Err(self.terminate(LimitKind::Heap));
                }
            }
        }
        Ok(())
    }
}
