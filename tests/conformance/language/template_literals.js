// Template literals: interpolation calls ToString (arrays join, objects use toString), multi-line text, nesting,
// tagged templates get cooked and raw strings, and String.raw.
const obj = { toString() { return 'custom'; } };
console.log(`sum=${1 + 2} arr=${[1, [2, 3]]} obj=${obj} nul=${null} undef=${undefined}`);
console.log(`line one
line two`);
console.log(`outer ${`inner ${'deep'}`}`);
function tag(strings, ...values) {
  console.log(strings, strings.raw, values);
  return strings.reduce((out, s, i) => out + s + (i < values.length ? `[${values[i]}]` : ''), '');
}
console.log(tag`a${1}b\n${'two'}c`);
console.log(String.raw`C:\new\table ${1 + 1}`);
const t1 = (s) => s;
const first = t1`same`;
console.log(Object.isFrozen(first), Array.isArray(first.raw));
