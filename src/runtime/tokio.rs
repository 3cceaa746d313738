//! The `tokio` feature: async host functions whose futures run on tokio's worker threads
//! ([`Runtime::register_spawned_fn`]). The future must be `Send` (it leaves the engine thread);
//! its output comes back through the runtime's own waker like any host future.
//!
//! Not here: anything the executor-agnostic core needs (`register_async_fn` works with tokio
//! futures too, polled on the engine thread inside `run_event_loop().await`).

use super::convert::{FromJs, IntoJs};
use super::runtime::Runtime;
use crate::value::JsObject;
use std::future::Future;

impl Runtime {
    /// Register an async host function whose future is spawned on the current tokio runtime
    /// (`tokio::spawn`), so it runs in parallel on tokio's worker threads; the JS side gets a
    /// promise as with [`Runtime::register_async_fn`]. Calling it outside a tokio runtime
    /// rejects the promise. Dropping the runtime aborts the spawned tasks still running.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let mut rt = tidejs::Runtime::new();
    /// rt.register_spawned_fn("square", |x: f64| async move { x * x });
    /// let p = rt.eval("square(12)", "s.js").unwrap();
    /// rt.run_event_loop().await.unwrap();
    /// let v = rt.run_until(&p).unwrap();
    /// assert_eq!(rt.convert::<f64>(&v).unwrap(), 144.0);
    /// # }
    /// ```
    pub fn register_spawned_fn<A, F, Fut, R>(&mut self, name: &str, f: F) -> JsObject
    where
        A: FromJs + 'static,
        F: Fn(A) -> Fut + 'static,
        Fut: Future<Output = R> + Send + 'static,
        R: IntoJs + Send + 'static,
    {
        self.register_async_fn(name, move |a: A| {
            let fut = f(a);
            let handle = ::tokio::runtime::Handle::try_current().map(|h| AbortOnDrop(h.spawn(fut)));
            async move {
                match handle {
                    Ok(mut h) => (&mut h.0)
                        .await
                        .map_err(|e| format!("host task failed: {e}")),
                    Err(e) => Err(format!("not inside a tokio runtime: {e}")),
                }
            }
        })
    }
}

/// A spawned task that is aborted when its promise's future is dropped (runtime dropped).
struct AbortOnDrop<T>(::tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}
