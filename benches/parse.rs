//! Parser throughput: `cargo bench --bench parse`.
//!
//! Generates two ~1 MB scripts from the snippets below — functions, classes, objects, arrays,
//! templates, regexes, arrows, loops, destructuring, async/generators — each snippet wrapped in
//! a function of its own so declarations never clash:
//! - `semicolons`: every statement ends with `;`, plus the programs of `../shared/bench/cpu`;
//! - `no-semicolons`: the same snippets written to be valid without semicolons (no line starts
//!   with `(`, `[`, `` ` ``, `/`, `+` or `-`), so ASI does the work. The `@` in a snippet marks
//!   where its statement ends: `;` in one variant, nothing in the other. The cpu programs are
//!   written with semicolons and are not in this variant (they are not stripped blindly).
//!
//! When `node` is on PATH, both sources are first checked with `node --check` (a generator bug
//! must not be measured as parser speed). Then each is parsed `PARSE_BENCH_ITERS` times
//! (default 15); the median gives MB/s. A source tidejs cannot parse is reported as such, with
//! the error, instead of a speed. Not a test: never run by `cargo test` or CI.

use std::path::Path;
use std::time::{Duration, Instant};

/// Snippets in no-semicolon style; `@` marks a statement end, `_ID` becomes `_<n>`.
const SNIPPETS: &[&str] = &[
    r#"function fib_ID(n) {
  if (n < 2) return n@
  return fib_ID(n - 1) + fib_ID(n - 2)@
}
let total_ID = 0@
for (let i = 0; i < 10; i++) {
  total_ID += fib_ID(i) * 2 | 0@
}
"#,
    r#"class Shape_ID {
  static count = 0@
  #id = 0@
  constructor(id, w = 1, h = w * 2) {
    this.#id = id@
    this.w = w@
    this.h = h@
    Shape_ID.count++@
  }
  get area() { return this.w * this.h }
  set area(v) { this.w = v / this.h }
  static compare(a, b) { return a.area - b.area }
  *corners() {
    yield this.w@
    yield this.h@
  }
  toString() { return `Shape_ID(${this.#id}: ${this.w}x${this.h})` }
}
class Square_ID extends Shape_ID {
  constructor(id, s) { super(id, s, s)@ }
  get area() { return super.area + 0 }
}
const shapes_ID = [new Shape_ID(1, 2, 3), new Square_ID(2, 4)]@
shapes_ID.sort(Shape_ID.compare)@
"#,
    r#"const config_ID = {
  name: 'tide',
  version: [1, 2, 3],
  nested: { deep: { deeper: { value: null, flag: true } } },
  'quoted-key': 0x1f,
  [`computed${1 + 2}`]: 1e3,
  method(a, b) { return a ?? b },
  get lazy() { return this.nested?.deep?.deeper ?? {} },
  async fetch(url) { return await Promise.resolve(url) },
  *gen() { yield* [1, 2, 3] },
  ...{ spread: 1 },
}@
const { name, version: [major, ...rest], nested: { deep } = {} } = config_ID@
let copy_ID = { ...config_ID, name: name + '!' }@
"#,
    r#"const numbers_ID = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]@
const evens_ID = numbers_ID.filter(n => n % 2 === 0).map((n, i) => ({ n, i }))@
const sum_ID = numbers_ID.reduce((acc, n) => acc + n, 0)@
const nested_ID = [[1, [2, [3, [4]]]], [], [,,], [...numbers_ID, ...evens_ID]]@
const matrix_ID = Array.from({ length: 4 }, (_, r) => Array.from({ length: 4 }, (_, c) => r * c))@
let [first_ID, , third_ID = 3, ...others_ID] = numbers_ID@
"#,
    r#"const re1_ID = /^(?:[a-z0-9._%+-]+)\x40[a-z0-9.-]+\.[a-z]{2,}$/i@
const re2_ID = /\d{3}-\d{4}|\(\d{3}\) \d{3}-\d{4}/g@
const re3_ID = /[\]\/\\]+(?<name>[^/]*)\/?/u@
function words_ID(text) {
  return text.split(/\s+/).filter(w => /^[A-Z]/.test(w)).map(w => w.replace(/[aeiou]/g, '_'))@
}
const half_ID = 10 / 2 / 1@
let ratio_ID = half_ID / re1_ID.lastIndex@
"#,
    r#"const greet_ID = (who, when = new Date(0)) => `Hello, ${who.toUpperCase()}! It is ${when.getFullYear()}.`@
const multi_ID = `line one
line two with ${`nested ${'template'} inside`} and \` escaped backtick
line three: ${[1, 2, 3].map(x => `<${x}>`).join('')}`@
const tag_ID = (strings, ...values) => strings.raw.join('|') + values.length@
const tagged_ID = tag_ID`a${1}b${2}c`@
"#,
    r#"function loops_ID(limit) {
  let acc = 0@
  for (let i = 0; i < limit; i++) {
    if (i % 3 === 0) continue@
    acc += i@
  }
  for (const k in { a: 1, b: 2 }) acc += k.length@
  for (const v of [1, 2, 3]) acc -= v@
  let j = 0@
  while (j < 10) {
    j++@
    if (j > limit) break@
  }
  do { j-- } while (j > 0)@
  outer: for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      if (a * b > 2) break outer@
    }
  }
  return acc@
}
"#,
    r#"async function load_ID(urls) {
  const results = []@
  for await (const chunk of stream_ID(urls)) {
    results.push(chunk)@
  }
  try {
    const [a, b] = await Promise.all(urls.map(async u => (await fetchLike_ID(u)) ?? null))@
    return { a, b, results }@
  } catch ({ message }) {
    return { error: message }@
  } finally {
    results.length = 0@
  }
}
async function* stream_ID(items) {
  for (const item of items) yield await item@
}
function fetchLike_ID(u) { return new Promise((resolve, reject) => setTimeout(() => resolve(u), 0)) }
"#,
    r#"function classify_ID(value) {
  switch (typeof value) {
    case 'number':
      return value > 0 ? 'positive' : value < 0 ? 'negative' : 'zero'@
    case 'string': {
      const trimmed = value.trim()@
      return trimmed.length ? `string:${trimmed}` : 'empty'@
    }
    case 'object':
      if (value === null) return 'null'@
      return Array.isArray(value) ? 'array' : 'object'@
    default:
      return 'other'@
  }
}
let counter_ID = 0@
counter_ID++@
counter_ID -= 2@
let flag_ID = !counter_ID && counter_ID !== void 0 || typeof counter_ID == 'number'@
flag_ID ||= false@
flag_ID &&= counter_ID ** 2 >= 4@
"#,
    r#"const compose_ID = (...fns) => x => fns.reduceRight((acc, f) => f(acc), x)@
const curry_ID = f => a => b => c => f(a, b, c)@
function makeCounter_ID() {
  let count = 0@
  return {
    inc: () => ++count,
    dec: () => --count,
    get value() { return count },
  }@
}
const memo_ID = new Map()@
function memoized_ID(n) {
  if (memo_ID.has(n)) return memo_ID.get(n)@
  const v = n < 2 ? n : memoized_ID(n - 1) + memoized_ID(n - 2)@
  memo_ID.set(n, v)@
  return v@
}
"#,
    r#"function* range_ID(start, end, step = 1) {
  for (let i = start; i < end; i += step) yield i@
}
const squares_ID = [...range_ID(0, 20)].map(x => x * x)@
const iter_ID = {
  from: 1,
  to: 5,
  [Symbol.iterator]() {
    let cur = this.from, last = this.to@
    return { next: () => cur <= last ? { done: false, value: cur++ } : { done: true, value: undefined } }@
  },
}@
const json_ID = JSON.stringify({ squares: squares_ID, list: [...iter_ID] }, null, 2)@
const parsed_ID = JSON.parse(json_ID, (k, v) => typeof v === 'number' ? v + 0.5 : v)@
"#,
];

/// Build a ~`target`-byte source from the snippets (and the cpu programs, for `semicolons`).
fn generate(semicolons: bool, cpu_programs: &[String], target: usize) -> String {
    let mut out = String::with_capacity(target + 4096);
    out.push_str("// generated by benches/parse.rs\n");
    let mut n = 0usize;
    let mut cpu = cpu_programs.iter().cycle();
    while out.len() < target {
        for snippet in SNIPPETS {
            let body = snippet
                .replace("_ID", &format!("_{n}"))
                .replace('@', if semicolons { ";" } else { "" });
            out.push_str(&format!("function chunk_{n}() {{\n{body}}}\n"));
            n += 1;
        }
        if semicolons {
            if let Some(program) = cpu.next() {
                out.push_str(&format!("function chunk_{n}() {{\n{program}\n}}\n"));
                n += 1;
            }
        }
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn node_check(name: &str, source: &str) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join(format!("parse-bench-{name}.js"));
    std::fs::write(&file, source).expect("write generated source");
    match std::process::Command::new("node")
        .arg("--check")
        .arg(&file)
        .output()
    {
        Ok(out) if out.status.success() => println!("node --check {}: ok", file.display()),
        Ok(out) => {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            panic!(
                "the generated {name} source is not valid JavaScript (a bug in benches/parse.rs)"
            );
        }
        Err(_) => println!("node not found: generated sources not cross-checked"),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is accepted and ignored.
    let iters: usize = std::env::var("PARSE_BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15)
        .max(1);
    let cpu_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/cpu");
    let mut cpu_programs = Vec::new();
    match std::fs::read_dir(&cpu_dir) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "js"))
            {
                cpu_programs.push(std::fs::read_to_string(&p).expect("read cpu program"));
            }
        }
        Err(e) => println!(
            "{}: {e} (semicolon variant without the cpu programs)",
            cpu_dir.display()
        ),
    }

    let variants = [
        ("semicolons", generate(true, &cpu_programs, 1_000_000)),
        ("no-semicolons", generate(false, &cpu_programs, 1_000_000)),
    ];
    for (name, source) in &variants {
        node_check(name, source);
    }

    println!("\n| variant | size | median | MB/s | min | iterations |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, source) in &variants {
        let size_mb = source.len() as f64 / 1e6;
        let opts = tidejs::ParseOptions::default();
        // One untimed run to warm caches and to learn whether it parses at all.
        if let Err(errors) = tidejs::parse(source, &opts) {
            let e = &errors[0];
            let index = tidejs::span::LineIndex::new(source);
            let (line, col) = index.line_col(source, e.span.start);
            println!(
                "| {name} | {size_mb:.2} MB | - | FAILED: tidejs cannot parse it ({e} at {line}:{col}) | - | 0 |"
            );
            continue;
        }
        let mut times = Vec::with_capacity(iters);
        for _ in 0..iters {
            let t = Instant::now();
            let program = tidejs::parse(source, &opts);
            times.push(t.elapsed());
            assert!(program.is_ok());
            drop(program);
        }
        let min = *times.iter().min().expect("iters >= 1");
        let med = median(times);
        println!(
            "| {name} | {size_mb:.2} MB | {:.1} ms | {:.2} | {:.1} ms | {iters} |",
            med.as_secs_f64() * 1e3,
            size_mb / med.as_secs_f64(),
            min.as_secs_f64() * 1e3,
        );
    }
}
