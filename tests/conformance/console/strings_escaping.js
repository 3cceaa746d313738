// Strings inside structures are quoted with single quotes, or double quotes / backticks when
// the string contains single quotes; control characters are escaped; top-level strings print raw.
console.log(['plain', "it's", 'say "hi"', `both ' and "`, `all ' " \``]);
console.log({ nl: 'line1\nline2', tab: 'a\tb', nul: 'x\0y', bell: '\x07', esc: '\x1b[0m' });
console.log(['\u00e9t\u00e9', '\u{1F600}', 'back\\slash', '\ud800']);
console.log('top level keeps\nnewlines and \'quotes\'');
console.log([''], { '': 'empty key' }, { 'a-b': 1, a_b: 2, '1a': 3, 12: 4 });
const long = 'x'.repeat(30) + ' ' + 'y'.repeat(30) + ' ' + 'z'.repeat(30);
console.log({ long });
console.log([long.slice(0, 20), long.slice(20, 40)]);
