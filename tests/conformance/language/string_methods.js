// Everyday string methods: slice/substring/substr with negative indexes, padStart/padEnd, trim, repeat,
// includes/startsWith/endsWith, indexOf, replace vs replaceAll, split with limit, at, and raw concatenation.
const s = '  Hello, World  ';
console.log(JSON.stringify(s.trim()), JSON.stringify(s.trimStart()), JSON.stringify(s.trimEnd()));
const t = 'Hello, World';
console.log(t.slice(-5), t.slice(7, -1), t.substring(5, 0), t.substr(-5, 3));
console.log('5'.padStart(3, '0'), 'ab'.padEnd(6, '12'), 'x'.repeat(3), 'abc'.padStart(2));
console.log(t.includes('World'), t.startsWith('World', 7), t.endsWith('Hello', 5), t.indexOf('o'), t.lastIndexOf('o'), t.indexOf('zz'));
console.log('a-b-c'.replace('-', '+'), 'a-b-c'.replaceAll('-', '+'), 'a-b-c'.split('-', 2), 'abc'.split(''));
console.log('aaa'.replace(/a/g, (m, i) => i), 'x'.concat(1, null), 'abc'.at(-1), 'abc'.charAt(5) === '');
console.log('Title Case Me'.toLowerCase().split(' ').map((w) => w[0].toUpperCase() + w.slice(1)).join(' '));
console.log(String(123) + 4, `${[]}|${{}}`, 'b' + 'a' + +'a' + 'a');
