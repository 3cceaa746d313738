//! Async host functions on tokio: many host futures (simulated I/O with `tokio::time::sleep`)
//! running concurrently, awaited from JS with `Promise.all`, one of them failing in Rust and
//! caught in JS. The runtime's loop is driven by `run_event_loop().await` on a current-thread
//! tokio runtime; `register_spawned_fn` runs `Send` work on tokio's worker pool instead.
//!
//! `cargo run --release --features tokio --example async_host`

use std::time::{Duration, Instant};
use tidejs::Runtime;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), tidejs::Error> {
    let mut rt = Runtime::builder().capture_console().build();
    rt.register_async_fn("fetchUser", |id: u32| async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if id == 0 {
            return Err("user 0 does not exist".to_string());
        }
        Ok(format!("user-{id}"))
    });
    rt.register_spawned_fn("checksum", |text: String| async move {
        text.bytes()
            .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
    });
    let started = Instant::now();
    rt.eval(
        r#"
        (async () => {
          const ids = Array.from({ length: 20 }, (_, i) => i + 1);
          const users = await Promise.all(ids.map(fetchUser));
          console.log(users.length, 'users, first', users[0], 'last', users[19]);
          try {
            await Promise.all([fetchUser(1), fetchUser(0)]);
          } catch (e) {
            console.log('rejected from Rust:', e.message);
          }
          console.log('checksum', await checksum(users.join()));
        })();
        "#,
        "async_host.js",
    )?;
    rt.run_event_loop().await?;
    let elapsed = started.elapsed();
    for line in rt.take_console_output() {
        println!("{line}");
    }
    // 20 sleeps of 100 ms then 2 more: about 200 ms when they overlap, not 2.1 s.
    println!("elapsed {} ms", elapsed.as_millis());
    assert!(
        elapsed < Duration::from_millis(1500),
        "futures ran concurrently"
    );
    Ok(())
}
