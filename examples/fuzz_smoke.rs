//! Throwaway robustness check: mutate the given files (delete/duplicate/insert bytes at random)
//! and parse each mutant; any panic is reported with the mutant saved to /tmp.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces = [
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        "`",
        "${",
        "/",
        "'",
        "\"",
        "\\",
        "\n",
        "=>",
        "async ",
        "yield ",
        "await ",
        "let ",
        "?.",
        "#",
        "\\u",
        "é",
        "😀",
        "\u{2028}",
        "/*",
        "*/",
        "<!--",
        "-->",
        "0x",
        "1_",
        "09",
        ".5",
        ";",
        ",",
        "function* ",
        "class ",
        "static ",
    ];
    let mut n = 0;
    for path in &args {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        for _ in 0..40 {
            let mut s = src.clone();
            for _ in 0..(1 + rnd() % 4) {
                if s.is_empty() {
                    break;
                }
                let mut at = (rnd() as usize) % s.len();
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                match rnd() % 3 {
                    0 => {
                        let mut end = (at + 1 + (rnd() as usize) % 8).min(s.len());
                        while !s.is_char_boundary(end) {
                            end += 1;
                        }
                        s.replace_range(at..end, "");
                    }
                    _ => s.insert_str(at, pieces[(rnd() as usize) % pieces.len()]),
                }
            }
            n += 1;
            let r = std::panic::catch_unwind(|| {
                let _ = tidejs::parse(&s, &tidejs::ParseOptions::default());
            });
            if r.is_err() {
                std::fs::write(format!("/tmp/fuzz-panic-{n}.js"), &s).unwrap();
                eprintln!("PANIC on mutant of {path} -> /tmp/fuzz-panic-{n}.js");
            }
        }
    }
    println!("{n} mutants parsed");
}
