// A typical mistake: the closing brace of `greet` is missing.
function greet(name) {
  console.log(`hello, ${name}`);

greet('world');
