// The smallest snippet: what `cargo run --release -- examples/hello.js` runs.
console.log('hello from tidejs');
