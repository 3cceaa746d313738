// Errors printed as values include their stack, which differs between engines, so this file prints what is
// portable: message, String(err), name, and an error inside an object via its String(). No stack is printed.
const e = new TypeError('bad input', { cause: 'user typo' });
console.log(e.message);
console.log(String(e));
console.log(`${e.name} | ${e.cause}`);
console.log({ error: String(e), code: 42 });
console.log([new RangeError('r'), new Error('plain')].map(String));
const agg = new AggregateError([new Error('x')], 'many');
console.log(String(agg), agg.errors.map((x) => x.message));
console.log(Object.prototype.toString.call(e), e instanceof Error);
