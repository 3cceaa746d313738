// AggregateError keeps its errors as an own non-enumerable array copied from the iterable (here an array),
// supports a cause, and inherits from Error.
const e = new AggregateError(['a', 'b'], 'many', { cause: 'root' });
console.log(e.name, e.message, e.errors.length, e.errors[1], e.cause);
console.log(e instanceof AggregateError, e instanceof Error, Object.keys(e).length);
console.log(String(AggregateError([1])));
console.log(Object.getPrototypeOf(AggregateError) === Error);
