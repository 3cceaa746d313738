// printf-style substitutions in the first argument: %s (String, but objects inspected shallowly), %d and %i
// (Number / parseInt), %f (parseFloat), %j (JSON), %o and %O (inspect), %% (a literal %), extra arguments appended.
console.log('%s is %d years and %i days', 'Ada', 36.6, 12.9);
console.log('%f and %d', '3.14abc', '42px');
console.log('%j', { a: [1, 2], b: 'x' });
console.log('%O', { a: { b: { c: { d: 1 } } } });
console.log('%o', [1, 'two']);
console.log('100%% sure, %s', 'really', 'extra', 1, { k: 'v' });
console.log('%s', { nested: { obj: 1 } }, '%s');
console.log('%d %d', 1);
console.log('no substitution %x', 5);
console.log('%s|%s|%s|%s', null, undefined, -0, 5n);
console.log('%i', 'not a number', '%c styled', 'color: red');
console.log(5, '%s', 'first arg not a string, so no substitution');
