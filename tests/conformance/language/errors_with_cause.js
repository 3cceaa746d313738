// Errors: the cause option, name/message/toString, custom error subclasses, instanceof, AggregateError, and
// throwing non-Error values. Stacks are never printed.
class ValidationError extends Error {
  constructor(field, options) { super(`invalid ${field}`, options); this.name = 'ValidationError'; this.field = field; }
}
try {
  try { JSON.parse('{'); } catch (e) { throw new ValidationError('config', { cause: e }); }
} catch (e) {
  console.log(String(e), e instanceof ValidationError, e instanceof Error, e.field, e.cause.name, 'cause' in e);
}
const plain = new Error('no cause');
console.log('cause' in plain, new Error('x', { cause: undefined }).hasOwnProperty('cause'), new Error('y', {}).hasOwnProperty('cause'));
console.log(new TypeError('t').toString(), new RangeError().message === '', Error('called without new').message);
const agg = new AggregateError([new Error('a'), 'b'], 'several');
console.log(agg.name, agg.message, agg.errors.length, String(agg.errors[0]));
try { throw { code: 42 }; } catch (e) { console.log('threw a plain object:', e.code); }
const e = new Error('msg'); e.name = 'Custom';
console.log(String(e), Object.prototype.toString.call(e), Object.keys(e), typeof e.stack);
