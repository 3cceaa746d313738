// Conversion to primitives: Symbol.toPrimitive with its hint ('number', 'string', 'default'), valueOf before
// toString for numbers, toString first for strings, and Date's default hint being 'string'.
const hinted = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 42 : `hint:${hint}`; } };
console.log(+hinted, `${hinted}`, hinted + '', hinted * 2, hinted == 'hint:default', String(hinted));
const both = { valueOf() { return 7; }, toString() { return 'seven'; } };
console.log(both + 1, `${both}`, String(both), both > 6, [both] + '', Object.keys({ [both]: 1 }));
const d = new Date(Date.UTC(2020, 0, 1));
console.log(typeof (d + 1), typeof (d - 1), d - 0);
const noPrim = { valueOf() { return {}; }, toString() { return {}; } };
try { noPrim + 1; } catch (e) { console.log(e.constructor.name); }
console.log([1, 2] + [3], String([null, [undefined, [2]]]), String({}), String(Symbol('x')));
