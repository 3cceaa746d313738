// An arrow function at the top level takes `this` from the top level, whatever receiver it is
// called with (call, apply, forEach's thisArg, method call).
const top = this;
const usurper = { tag: 'usurper' };
const arrow = () => this;
console.log(arrow.call(usurper) === top, arrow.apply(usurper, []) === top);
[1].forEach(() => console.log(this === usurper, this === top), usurper);
new Set([1]).forEach(() => console.log(this === usurper), usurper);
const obj = { arrow, method() { return (() => this)(); } };
console.log(obj.arrow() === top, obj.method() === obj);
function f() { return (() => this).call(usurper); }
console.log(f.call({ tag: 'f' }).tag);
