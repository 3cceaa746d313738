// console.count prints 'label: n' (default label 'default'), countReset restarts it; console.assert prints
// only when the assertion fails, and to stderr, so stdout shows nothing for it and the program continues.
console.count();
console.count();
console.count('apples');
console.count('apples');
console.countReset('apples');
console.count('apples');
console.count('default');
console.assert(1 === 1, 'not printed');
console.assert(false, 'printed on stderr: %s', 'assertion');
console.assert(0);
console.log('after failed asserts, still running');
