// Object keys print bare when they are valid identifiers (ASCII letters, digits, _ ), quoted otherwise; numeric
// keys are quoted; symbol keys use brackets; values are quoted as strings are.
console.log({ simple: 1, _under: 2, camelCase: 3, 'kebab-case': 4, 'has space': 5, '': 6, 42: 7, 'a.b': 8 });
console.log({ "it's": 1, 'say "x"': 2, ['new\nline']: 3 });
console.log(Object.fromEntries([['ü', 1], ['x1', 2], ['1x', 3]]));
