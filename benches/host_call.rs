//! Cost of calling a host function from JS, beside a plain JS function call:
//! `cargo bench --bench host_call`.
//!
//! Each case runs a JS loop of `HOST_CALL_ITERS` iterations (default 2,000,000) calling
//! `f(i, 1)`, where `f` is: nothing (the loop alone, subtracted from the others), a JS function
//! `(a, b) => a + b`, a host function registered with `register_fn("add", |a: f64, b: f64| a + b)`
//! (typed: both arguments converted, the result converted back), and a raw host function
//! (`register_fn_raw`, no conversion). Each case runs 7 times; the median, minus the loop's
//! median, divided by the iterations gives ns per call, in wall time and in the thread's CPU
//! time (the figure to read on a shared, loaded machine). Not a test: never run by
//! `cargo test` or CI (clippy compiles it).

use std::time::Instant;
use tidejs::{Runtime, Value};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// This thread's CPU time in ns: on a loaded machine, wall time measures the other processes.
fn thread_cpu_ns() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid out-pointer for clock_gettime.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e9 + ts.tv_nsec as f64
}

/// (median wall ns, median thread-CPU ns) of 7 runs.
fn time_case(rt: &mut Runtime, body: &str, iters: u64) -> (f64, f64) {
    let src = format!(
        "(() => {{ let s = 0; for (let i = 0; i < {iters}; i++) {{ {body} }} return s }})()"
    );
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..7 {
        let t0 = Instant::now();
        let c0 = thread_cpu_ns();
        rt.eval(&src, "bench.js").expect("bench script runs");
        cpu.push(thread_cpu_ns() - c0);
        wall.push(t0.elapsed().as_secs_f64() * 1e9);
    }
    (median(wall), median(cpu))
}

fn main() {
    let iters: u64 = std::env::var("HOST_CALL_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000_000);
    let mut rt = Runtime::new();
    rt.register_fn("add", |a: f64, b: f64| a + b);
    rt.register_fn_raw("addRaw", 2, |_, _, args| {
        let a = args.first().and_then(Value::as_number).unwrap_or(f64::NAN);
        let b = args.get(1).and_then(Value::as_number).unwrap_or(f64::NAN);
        Ok(Value::Number(a + b))
    });
    rt.eval("var jsAdd = (a, b) => a + b;", "setup.js")
        .expect("setup");
    let base = time_case(&mut rt, "s = i + 1;", iters);
    let n = iters as f64;
    let per = |t: (f64, f64)| ((t.0 - base.0) / n, (t.1 - base.1) / n);
    let js = per(time_case(&mut rt, "s = jsAdd(i, 1);", iters));
    let host = per(time_case(&mut rt, "s = add(i, 1);", iters));
    let raw = per(time_case(&mut rt, "s = addRaw(i, 1);", iters));
    println!("host_call: {iters} calls per case, median of 7, loop overhead subtracted");
    println!("                        wall ns   thread-CPU ns");
    println!(
        "  loop alone (per iter) {:7.1}   {:7.1}",
        base.0 / n,
        base.1 / n
    );
    println!("  JS function call      {:7.1}   {:7.1}", js.0, js.1);
    println!("  host fn (typed)       {:7.1}   {:7.1}", host.0, host.1);
    println!("  host fn (raw)         {:7.1}   {:7.1}", raw.0, raw.1);
}
