//! The `tidejs` command line. Uses the public library API only.
//!
//! - `tidejs [--virtual-time] [--trace] FILE.js` runs a script and its event loop to completion
//!   (real time by default; `--virtual-time` jumps the clock to the next timer instead of
//!   waiting, same order; `--trace` prints the event-loop trace on stderr): exit 0 when it
//!   completes; a SyntaxError code frame, node's uncaught-exception report (the throw point's
//!   source line with a caret, then the error's stack or the value; also for a throw in a timer
//!   callback), Node's unhandled-rejection report, or a "not supported yet: …" line with its
//!   position, and exit 1, otherwise.
//! - `tidejs test262 [DIR…] [--filter SUBSTR] [--threads N] [--timeout S] [--parse-only]` runs
//!   test262 (from `$TEST262_DIR` or `../shared/test262`) in execution mode (or parse mode) and
//!   prints the per-directory table, the exclusion counts and every failure with its reason;
//!   exit 1 when anything failed. Execution runs in worker processes (`--worker`, see
//!   `test262::isolate`) unless `--in-process`.
//! - `tidejs --test262-host FILE.js` runs one prepared test file (harness already prepended, as
//!   eshost-style runners do) with the test262 host bindings `print` and `$262`, then its event
//!   loop: exit 0 when it completes, 1 with the error on stderr otherwise.

use std::path::PathBuf;

/// mimalloc for the command line: small-block allocation and freeing is a large share of an
/// interpreter's work (see the Cargo.toml comment); the library itself does not choose.
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc with a shorter path for the common layouts than `mimalloc::MiMalloc`, which calls
/// `mi_malloc_aligned` for every allocation (four calls deep before the page's free list,
/// ~50 instructions per GC box); a layout whose alignment mimalloc gives anyway goes to
/// `mi_malloc` directly.
struct Mimalloc;

/// Whether `mi_malloc(size)` (and `mi_zalloc`, `mi_realloc` to that size) returns memory
/// aligned for `align`: mimalloc aligns every block to its size up to `MI_MAX_ALIGN_SIZE`
/// (16), the rule its own aligned entry points use to take the unaligned path
/// (`mi_malloc_is_naturally_aligned` in `alloc-aligned.c`: `alignment <= size &&
/// alignment <= MI_MAX_ALIGN_SIZE`).
#[inline(always)]
fn naturally_aligned(size: usize, align: usize) -> bool {
    align <= 16 && align <= size
}

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free` accepts blocks from
// both its aligned and unaligned functions); a block from the unaligned functions is used
// only where `naturally_aligned` holds, so it meets the layout's alignment; otherwise the
// aligned functions are called as `mimalloc::MiMalloc` (the `mimalloc` crate) calls them.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: see the impl.
        unsafe {
            if naturally_aligned(size, align) {
                libmimalloc_sys::mi_malloc(size).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(size, align).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: see the impl.
        unsafe {
            if naturally_aligned(size, align) {
                libmimalloc_sys::mi_zalloc(size).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(size, align).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from one of the functions above.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: see the impl; `ptr` came from one of the functions above.
        unsafe {
            if naturally_aligned(new_size, align) {
                libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, align).cast()
            }
        }
    }
}
use std::process::ExitCode;

const USAGE: &str = "usage: tidejs [--virtual-time] [--trace] FILE.js\n       tidejs test262 [DIR…] [--filter SUBSTR] [--threads N] [--timeout SECONDS] [--parse-only] [--in-process]\n       tidejs --test262-host FILE.js";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help") => {
            eprintln!("{USAGE}");
            ExitCode::from(9)
        }
        Some("test262") => test262(&args[1..]),
        Some("--test262-host") => match args.get(1) {
            Some(path) if args.len() == 2 => test262_host(path),
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(9)
            }
        },
        Some(_) => {
            let mut options = tidejs::api::RunOptions::default();
            let mut virtual_time = false;
            let mut path = None;
            for a in &args {
                match a.as_str() {
                    "--virtual-time" => virtual_time = true,
                    "--trace" => options.trace = true,
                    flag if flag.starts_with("--") => {
                        eprintln!("tidejs: unknown option {flag}\n{USAGE}");
                        return ExitCode::from(9);
                    }
                    p if path.is_none() => path = Some(p.to_string()),
                    _ => {
                        eprintln!("{USAGE}");
                        return ExitCode::from(9);
                    }
                }
            }
            match path {
                Some(p) => check_file(&p, virtual_time, options),
                None => {
                    eprintln!("{USAGE}");
                    ExitCode::from(9)
                }
            }
        }
    }
}

fn read(path: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("tidejs: cannot read {path}: {e}");
        ExitCode::from(1)
    })
}

fn check_file(path: &str, virtual_time: bool, options: tidejs::api::RunOptions) -> ExitCode {
    let source = match read(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The engine runs on its own thread so deep JS recursion has the stack its depth limit
    // assumes (a catchable RangeError, never a Rust stack overflow).
    let name = path.to_string();
    let mut options = options;
    // Stack frames and error reports name the script by its absolute path, as node does.
    options.file_name = Some(
        std::fs::canonicalize(path)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| name.clone()),
    );
    // The exit code comes back over a channel while the engine thread stays parked: the
    // process then exits without running that thread's destructors, which would sweep the
    // whole GC heap one box at a time (seconds for a million live objects) for nothing.
    let (done, exit_code) = std::sync::mpsc::channel::<ExitCode>();
    let runner = std::thread::Builder::new()
        .stack_size(tidejs::api::ENGINE_STACK_BYTES)
        .spawn(move || {
            let code = run_script_thread(&source, &name, &options, virtual_time);
            use std::io::Write;
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().flush();
            if done.send(code).is_ok() {
                loop {
                    std::thread::park();
                }
            }
        });
    match runner.map(|_| exit_code.recv()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("tidejs: internal error while running {path}");
            ExitCode::from(70)
        }
    }
}

/// Run one script on the engine thread: its exit code (errors reported on stderr).
fn run_script_thread(
    source: &str,
    name: &str,
    options: &tidejs::api::RunOptions,
    virtual_time: bool,
) -> ExitCode {
    {
        {
            let host = if virtual_time {
                tidejs::api::StdHost::virtual_time()
            } else {
                tidejs::api::StdHost::default()
            };
            let result = tidejs::api::run_source_with(source, Box::new(host), options);
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(tidejs::api::RunError::Syntax(errors)) => {
                    eprintln!("{}", errors[0].render(name, source));
                    ExitCode::from(1)
                }
                Err(tidejs::api::RunError::Unsupported(e)) => {
                    let index = tidejs::span::LineIndex::new(source);
                    let (line, col) = index.line_col(source, e.span.start);
                    eprintln!("tidejs: {name}:{line}:{col}: {}", e.message);
                    ExitCode::from(1)
                }
                Err(tidejs::api::RunError::Uncaught(report)) => {
                    eprintln!("{report}");
                    ExitCode::from(1)
                }
                Err(tidejs::api::RunError::UnhandledRejection(message)) => {
                    eprintln!("{message}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// The test262 host: runs `path` with `print` and `$262`; exit 0 when it completes, 1 on a
/// syntax error, an unsupported construct or an uncaught exception (eshost-style runners read
/// the exit code and the printed lines).
fn test262_host(path: &str) -> ExitCode {
    let source = match read(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let name = path.to_string();
    let runner = std::thread::Builder::new()
        .stack_size(tidejs::api::ENGINE_STACK_BYTES)
        .spawn(move || {
            let host = Box::new(tidejs::api::StdHost::default());
            match tidejs::test262::host::run_source(&source, host) {
                Ok(()) => ExitCode::SUCCESS,
                Err(tidejs::api::RunError::Syntax(errors)) => {
                    eprintln!("{}", errors[0].render(&name, &source));
                    ExitCode::from(1)
                }
                Err(tidejs::api::RunError::Unsupported(e)) => {
                    let index = tidejs::span::LineIndex::new(&source);
                    let (line, col) = index.line_col(&source, e.span.start);
                    eprintln!("tidejs: {name}:{line}:{col}: {}", e.message);
                    ExitCode::from(1)
                }
                Err(tidejs::api::RunError::Uncaught(shown)) => {
                    eprintln!("Uncaught {shown}");
                    ExitCode::from(1)
                }
                Err(tidejs::api::RunError::UnhandledRejection(message)) => {
                    eprintln!("{message}");
                    ExitCode::from(1)
                }
            }
        });
    match runner.map(|t| t.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("tidejs: internal error while running {path}");
            ExitCode::from(70)
        }
    }
}

fn test262(args: &[String]) -> ExitCode {
    use tidejs::test262::{
        run, Exclusions, Execute, Executor, Harness, ParseOnly, RunConfig, Suite,
    };
    let mut config = RunConfig::default();
    let mut parse_only = false;
    let mut worker = false;
    let mut in_process = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--parse-only" => parse_only = true,
            "--worker" => worker = true,
            "--in-process" => in_process = true,
            "--timeout" => match it.next().and_then(|n| n.parse::<f64>().ok()) {
                Some(s) if s > 0.0 => config.timeout = std::time::Duration::from_secs_f64(s),
                _ => return usage_error("--timeout needs a number of seconds"),
            },
            "--filter" => match it.next() {
                Some(f) => config.filter = Some(f.clone()),
                None => return usage_error("--filter needs a value"),
            },
            "--threads" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => config.threads = n,
                None => return usage_error("--threads needs a number"),
            },
            flag if flag.starts_with("--") => {
                return usage_error(&format!("unknown option {flag}"))
            }
            dir => config.paths.push(PathBuf::from(dir)),
        }
    }
    if worker {
        // One worker process of an isolated run: test paths on stdin, results on stdout.
        return match tidejs::test262::isolate::worker_main(config.timeout) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("tidejs test262 --worker: {e}");
                ExitCode::from(2)
            }
        };
    }
    if !parse_only && !in_process {
        config.isolate = std::env::current_exe().ok();
    }
    let prepared = Suite::locate().and_then(|s| Harness::load(&s).map(|h| (s, h)));
    let (suite, harness) = match prepared {
        Ok(p) => p,
        Err(e) => {
            eprintln!("tidejs test262: {e}");
            return ExitCode::from(2);
        }
    };
    let executor: &dyn Executor = if parse_only { &ParseOnly } else { &Execute };
    let report = match run(
        &suite,
        &harness,
        &Exclusions::committed(),
        executor,
        &config,
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tidejs test262: {e}");
            return ExitCode::from(2);
        }
    };
    println!("# test262 — {}\n", report.executor);
    println!("suite: {}\n", suite.root.display());
    println!("{}", report.table_markdown());
    println!("## Excluded\n\n{}", report.exclusions_markdown());
    let failures = report.failures_markdown(true);
    if !failures.is_empty() {
        println!("## Failing (path, scenario): reason\n\n{failures}");
    }
    println!("{}", report.summary_line());
    if report.totals().failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("tidejs test262: {msg}\n{USAGE}");
    ExitCode::from(9)
}
