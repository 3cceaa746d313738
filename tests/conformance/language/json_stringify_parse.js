// JSON: replacer function and array, indent (number and string), toJSON, values JSON cannot represent
// (undefined, functions, symbols, NaN), and a reviver on parse.
const data = { name: 'Ada', age: 36, tags: ['x', 'y'], skip: undefined, f() {}, n: NaN, inf: -Infinity, nested: { deep: [1, { k: null }] } };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, ['name', 'tags']));
console.log(JSON.stringify(data, (k, v) => (typeof v === 'number' ? v * 2 : v), 2));
console.log(JSON.stringify([undefined, () => 1, Symbol('s')]), JSON.stringify(undefined), JSON.stringify('he said "hi"\n'));
console.log(JSON.stringify({ a: [1, 2], b: {} }, null, '--'));
const withToJSON = { secret: 1, toJSON(key) { return { public: true, key }; } };
console.log(JSON.stringify({ w: withToJSON }), JSON.stringify(new Date(Date.UTC(2020, 0, 2))));
const revived = JSON.parse('{"a":1,"b":{"c":2},"d":[3,4]}', function (k, v) { return typeof v === 'number' ? v + 100 : v; });
console.log(revived);
console.log(JSON.parse(' [1, "2", true, null] '), JSON.parse('"\\u0041"'));
try { JSON.parse("{'a':1}"); } catch (e) { console.log(e.name); }
