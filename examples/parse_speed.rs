//! Quick lex+parse throughput check (not the committed benchmark): parses each file given on the
//! command line N times (default 20) and prints the best and median MB/s.
//!
//! `cargo run --release --example parse_speed -- FILE... [-n N]`

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = args
        .iter()
        .position(|a| a == "-n")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(20usize);
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| *a != "-n" && (*i == 0 || args[i - 1] != "-n"))
        .map(|(_, a)| a)
        .collect();
    for f in files {
        let src = std::fs::read_to_string(f).expect("readable file");
        let mut times = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            let r = tidejs::parse(&src, &tidejs::ParseOptions::default());
            let dt = t.elapsed();
            if let Err(e) = &r {
                eprintln!("{}", e[0].render(f, &src));
                std::process::exit(1);
            }
            drop(r);
            times.push(dt.as_secs_f64());
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let mb = src.len() as f64 / 1e6;
        println!(
            "{f}: {:.2} MB, best {:.1} ms ({:.1} MB/s), median {:.1} ms ({:.1} MB/s)",
            mb,
            times[0] * 1e3,
            mb / times[0],
            times[n / 2] * 1e3,
            mb / times[n / 2]
        );
    }
}
