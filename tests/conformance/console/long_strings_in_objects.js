// A single long string value does not get wrapped: the object breaks onto multiple lines but each string stays
// whole; strings longer than 16 characters in arrays disable column grouping.
const long = 'word '.repeat(25).trim();
console.log({ text: long });
console.log({ short: 'a', text: long, after: 1 });
console.log([long.slice(0, 40), long.slice(0, 50)]);
console.log('a top-level string:', long);
