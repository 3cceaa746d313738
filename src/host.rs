//! The `Host` trait: everything the engine needs from the outside world, and nothing more —
//! console output, the clock, and waiting for the next timer. Nothing below the embedding API
//! prints, reads a clock or sleeps except through this trait, so embedders and tests can replace
//! it (captured output, virtual time).
//!
//! Two hosts ship with the crate: `StdHost` (real stdout/stderr and wall-clock time, what the CLI
//! uses) and `VirtualHost` (output captured in memory, a clock that jumps straight to the next
//! deadline: same ordering, no waiting). `api` re-exports this module.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Which console stream a line goes to (`console.log`/`info`/`debug` → stdout,
/// `console.error`/`warn`/`trace` → stderr, as in Node).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// `console.log`/`info`/`debug`.
    Stdout,
    /// `console.error`/`warn`/`trace`.
    Stderr,
}

/// What the engine needs from the outside world: console output, clocks, waiting for a timer.
/// Implement it to capture output, fake time or route logs (see the module docs).
pub trait Host {
    /// Write one already formatted console line (without its trailing newline).
    fn write_line(&mut self, stream: Stream, line: &str);

    /// Milliseconds since the Unix epoch, for `Date.now()` and `new Date()`.
    fn now_ms(&mut self) -> f64;

    /// A monotonic clock in milliseconds (any origin), for timer deadlines.
    fn monotonic_ms(&mut self) -> f64;

    /// Block until the monotonic clock reaches `deadline_ms` (the event loop calls this only
    /// when nothing else is runnable). A virtual host advances its clock instead.
    fn wait_until(&mut self, deadline_ms: f64);
}

/// Real console; real time, or (`StdHost::virtual_time`) a virtual clock that jumps to the
/// next deadline instead of sleeping (`tidejs --virtual-time`).
pub struct StdHost {
    start: Instant,
    /// `Some(ms)`: virtual monotonic clock.
    virtual_ms: Option<f64>,
    epoch_ms: f64,
}

impl Default for StdHost {
    fn default() -> Self {
        StdHost {
            start: Instant::now(),
            virtual_ms: None,
            epoch_ms: 0.0,
        }
    }
}

impl StdHost {
    /// Real console output, virtual time: `wait_until` advances the clock at once, and
    /// `Date.now()` is the start time plus the virtual clock.
    pub fn virtual_time() -> StdHost {
        let mut h = StdHost::default();
        h.epoch_ms = h.now_ms();
        h.virtual_ms = Some(0.0);
        h
    }
}

impl Host for StdHost {
    fn write_line(&mut self, stream: Stream, line: &str) {
        use std::io::Write;
        // A closed pipe (`tidejs x.js | head`) must not panic: ignore write errors as Node does.
        let _ = match stream {
            Stream::Stdout => writeln!(std::io::stdout().lock(), "{line}"),
            Stream::Stderr => writeln!(std::io::stderr().lock(), "{line}"),
        };
    }

    fn now_ms(&mut self) -> f64 {
        if let Some(v) = self.virtual_ms {
            return self.epoch_ms + v.floor();
        }
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_millis() as f64)
    }

    fn monotonic_ms(&mut self) -> f64 {
        if let Some(v) = self.virtual_ms {
            return v;
        }
        self.start.elapsed().as_secs_f64() * 1000.0
    }

    fn wait_until(&mut self, deadline_ms: f64) {
        if let Some(v) = &mut self.virtual_ms {
            *v = v.max(deadline_ms);
            return;
        }
        let now = self.monotonic_ms();
        if deadline_ms > now {
            std::thread::sleep(Duration::from_secs_f64((deadline_ms - now) / 1000.0));
        }
    }
}

/// Captured output and a virtual clock: waiting jumps the clock to the deadline at once.
#[derive(Default)]
pub struct VirtualHost {
    /// Every line written, with its stream, in order.
    pub lines: Vec<(Stream, String)>,
    /// The virtual monotonic clock, in ms.
    pub clock_ms: f64,
    /// Wall-clock time at virtual time 0 (ms since the Unix epoch).
    pub epoch_ms: f64,
}

impl VirtualHost {
    /// Lines written to stdout, joined with newlines.
    pub fn stdout(&self) -> String {
        self.stream_text(Stream::Stdout)
    }

    /// Lines written to stderr, joined with newlines.
    pub fn stderr(&self) -> String {
        self.stream_text(Stream::Stderr)
    }

    fn stream_text(&self, stream: Stream) -> String {
        let mut out = String::new();
        for (s, line) in &self.lines {
            if *s == stream {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }
}

impl Host for VirtualHost {
    fn write_line(&mut self, stream: Stream, line: &str) {
        self.lines.push((stream, line.to_string()));
    }

    fn now_ms(&mut self) -> f64 {
        self.epoch_ms + self.clock_ms.floor()
    }

    fn monotonic_ms(&mut self) -> f64 {
        self.clock_ms
    }

    fn wait_until(&mut self, deadline_ms: f64) {
        if deadline_ms > self.clock_ms {
            self.clock_ms = deadline_ms;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_host_jumps_and_captures() {
        let mut h = VirtualHost::default();
        h.write_line(Stream::Stdout, "a");
        h.write_line(Stream::Stderr, "b");
        h.wait_until(1500.0);
        assert_eq!(h.monotonic_ms(), 1500.0);
        assert_eq!(h.now_ms(), 1500.0);
        h.wait_until(10.0);
        assert_eq!(h.monotonic_ms(), 1500.0, "the clock never goes back");
        assert_eq!(h.stdout(), "a\n");
        assert_eq!(h.stderr(), "b\n");
    }
}
