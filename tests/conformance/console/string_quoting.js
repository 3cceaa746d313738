// Nested strings are quoted with single quotes unless they contain one; then double quotes, then backticks;
// escapes for newlines and backslashes. Top-level strings are printed raw.
console.log(['plain', "it's", 'say "hi"', `it's "both"`, 'all three \' " `', 'line\nbreak', 'tab\t', 'back\\slash']);
console.log({ s: "it's" }, { 'key with space': 1, valid_id: 2, $dollar: 3, '1abc': 4, 'é': 5 });
console.log("it's", 'say "hi"', 'line\nbreak');
console.log([''], { empty: '' }, ['\u0001', '\x7f', 'é😀']);
