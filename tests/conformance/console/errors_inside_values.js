// Errors nested in objects and arrays print their stack indented; without frames (stack
// replaced) they print in brackets; extra own properties and `cause` follow in braces.
function strip(e) { e.stack = `${e.name}: ${e.message}`; return e; }
const plain = strip(new Error('plain'));
console.log(plain);
console.log([strip(new TypeError('in array'))]);
console.log({ err: strip(new RangeError('in object')) });
const withProps = strip(new Error('props'));
withProps.code = 'E_CODE';
withProps.detail = { n: 1 };
console.log(withProps);
const noMessage = strip(new SyntaxError());
console.log(noMessage);
const renamed = strip(new Error('renamed'));
renamed.name = 'CustomName';
console.log(renamed);
class MyError extends Error {}
console.log(strip(new MyError('sub')));
console.log(String(new MyError('as string')), `${new TypeError('tpl')}`);
console.log(Object.prototype.toString.call(plain), plain instanceof Error);
