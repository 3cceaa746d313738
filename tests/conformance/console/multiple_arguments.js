// Several arguments are joined by single spaces; strings among them are raw, other values inspected;
// console.log() with no arguments prints an empty line; a multi-line value keeps its own line breaks.
console.log('a', 1, 'b', [2], { c: 3 }, null, undefined, true);
console.log();
console.log('');
console.log('value:', { first: 'a long string value number one', second: 'a long string value number two' });
console.log(1, 2, 3, '4', [5, '6']);
console.log('%', '%%', '%s');
