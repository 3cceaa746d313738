//! Host functions, a host object and a host class: Rust code callable from JS with typed
//! arguments, and what a script sees when it passes the wrong type.
//!
//! `cargo run --release --example host_function`

use tidejs::Runtime;

struct Inventory {
    items: Vec<(String, u32)>,
}

fn main() -> Result<(), tidejs::Error> {
    let mut rt = Runtime::builder().capture_console().build();
    rt.register_fn("add", |a: f64, b: f64| a + b);
    rt.register_fn("parsePort", |s: String| -> Result<u16, String> {
        s.parse::<u16>().map_err(|e| format!("bad port {s:?}: {e}"))
    });
    rt.register_object("env")
        .method("get", |name: String| std::env::var(name).ok())
        .value("platform", std::env::consts::OS)
        .build();
    rt.register_class::<Inventory>("Inventory")
        .constructor(|| Inventory { items: Vec::new() })
        .method("add", |inv: &mut Inventory, name: String, n: u32| {
            inv.items.push((name, n));
            inv.items.len()
        })
        .method("total", |inv: &mut Inventory| {
            inv.items.iter().map(|(_, n)| *n).sum::<u32>()
        })
        .build();
    rt.eval(
        r#"
        console.log('add(2, 3) =', add(2, 3));
        console.log('port', parsePort('8080'));
        try { parsePort('http') } catch (e) { console.log(e.name + ':', e.message) }
        try { add('2', 3) } catch (e) { console.log(e.name + ':', e.message) }
        console.log('platform is a', typeof env.platform);
        const inv = new Inventory();
        inv.add('apples', 3); inv.add('pears', 4);
        console.log('total', inv.total());
        "#,
        "host_function.js",
    )?;
    for line in rt.take_console_output() {
        println!("{line}");
    }
    Ok(())
}
