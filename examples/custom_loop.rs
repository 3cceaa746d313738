//! Driving the event loop from a host's own loop (a GUI frame loop, a game tick) with
//! `try_tick`, on a manual clock the host advances by its frame time.
//!
//! `cargo run --release --example custom_loop`

use tidejs::{Runtime, Tick};

fn main() -> Result<(), tidejs::Error> {
    let mut rt = Runtime::builder().manual_time().capture_console().build();
    rt.register_fn("frameLog", |s: String| println!("[js] {s}"));
    rt.eval(
        r#"
        let frames = 0;
        const id = setInterval(() => {
          frames++;
          frameLog(`interval at ${frames * 50} ms`);
          if (frames === 3) clearInterval(id);
        }, 50);
        Promise.resolve().then(() => frameLog('microtask before the first frame'));
        "#,
        "custom_loop.js",
    )?;
    // 16 ms "frames": the host renders, then gives the engine one step.
    for frame in 0..20 {
        let tick = rt.try_tick()?;
        if tick == Tick::Idle {
            println!("frame {frame}: engine idle, stopping");
            break;
        }
        rt.advance_time(16.0)?;
    }
    Ok(())
}
