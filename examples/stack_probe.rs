//! Measures the Rust stack each level of JS call depth uses, for several call shapes (the
//! figures behind `STACK_PER_DEPTH` in `src/runtime/runtime.rs`): prints bytes per level.
//!
//! `cargo run --release --example stack_probe`

use tidejs::{Runtime, Value};
fn main() {
    let mut rt = Runtime::builder().capture_console().build();
    rt.register_fn_raw("sp", 0, |_, _, _| {
        let x = 0u8;
        Ok(Value::from(&x as *const u8 as usize as f64))
    });
    let src = r#"
    function plain(n) { return n === 0 ? sp() : plain(n - 1); }
    const o = { m(n) { return n === 0 ? sp() : this.m(n - 1); } };
    function viaCall(n) { return n === 0 ? sp() : viaCall.call(null, n - 1); }
    function viaMap(n) { return n === 0 ? sp() : [n - 1].map(viaMap)[0]; }
    const g = { get x() { this.n--; return this.n === 0 ? sp() : this.x; }, n: 0 };
    function viaTry(n) { try { return n === 0 ? sp() : viaTry(n - 1); } finally { } }
    function viaNew(n) { if (n === 0) { this.v = sp(); } else { this.v = new viaNew(n - 1).v; } }
    class A { constructor(n) { this.v = n === 0 ? sp() : new A(n - 1).v; } }
    function viaSort(n) { let r; [2, 1].sort((a, b) => { r = n === 0 ? sp() : viaSort(n - 1); return a - b; }); return r; }
    function* gen(n) { if (n === 0) yield sp(); else yield* gen(n - 1); }
    async function af(n) { return n === 0 ? sp() : af(n - 1); }
    const per = (f) => (f(1) - f(1001)) / 1000;
    g.n = 2; const g1 = g.x; g.n = 1002; const g2 = g.x;
    [per(plain), per(n => o.m(n)), per(viaCall), per(viaMap), (g1 - g2) / 1000, per(viaTry), per(n => new viaNew(n).v), per(n => new A(n).v), per(viaSort), per(n => gen(n).next().value)].join(' ')
    "#;
    let v = rt.eval(src, "probe.js").unwrap();
    println!(
        "bytes per level: plain method call apply map getter try new class sort generator: {}",
        rt.convert::<String>(&v).unwrap()
    );
}
