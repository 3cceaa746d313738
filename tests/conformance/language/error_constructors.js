// The Error family: each constructor has its own prototype chained to Error.prototype; called
// without `new` it still makes an error; `cause` is kept only when given; toString rules.
const ctors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
for (const C of ctors) {
  const e = C('m');
  console.log(C.name, e instanceof C, e instanceof Error, Object.getPrototypeOf(C) === (C === Error ? Function.prototype : Error), C.prototype.name, C.length);
}
const withCause = new Error('outer', { cause: 'inner' });
console.log(withCause.cause, 'cause' in new Error('x', {}), 'cause' in new Error('x', { cause: undefined }));
console.log(Object.keys(new Error('not enumerable')), Object.getOwnPropertyNames(new TypeError('t')).includes('message'));
console.log(Error.prototype.toString.call({ name: 'N', message: 'M' }));
console.log(Error.prototype.toString.call({ name: '', message: 'only message' }));
console.log(Error.prototype.toString.call({ message: 'default name' }));
console.log(Error.prototype.toString.call({ name: 'OnlyName', message: '' }));
try { Error.prototype.toString.call(1); } catch (e) { console.log(e.constructor.name); }
class AppError extends RangeError {
  constructor(msg) { super(msg); this.name = 'AppError'; }
}
const a = new AppError('custom');
console.log(String(a), a instanceof RangeError, a.constructor.name, Object.prototype.toString.call(a));
console.log(new Error(undefined).message === '', new Error(42).message, new Error({ toString() { return 'obj'; } }).message);
console.log(typeof Error.captureStackTrace, Error.stackTraceLimit);
