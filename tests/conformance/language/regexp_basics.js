// RegExp basics: test/exec with groups and named groups, the g flag's lastIndex, matchAll, replace with $1 and
// $<name>, split with a capture, sticky and unicode flags, and source/flags/toString.
const re = /(\d{4})-(?<month>\d{2})/;
const m = '2024-05 and 2025-06'.match(re);
console.log(m[0], m[1], m.groups.month, m.index);
const g = /o/g;
console.log(g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex);
console.log([...'a1b22c333'.matchAll(/\d+/g)].map((x) => `${x[0]}@${x.index}`));
console.log('2024-05'.replace(re, '$<month>/$1'), 'John Smith'.replace(/(\w+)\s(\w+)/, '$2, $1'), 'aaa'.replace(/a/y, 'b'));
console.log('one, two;three'.split(/([,;])\s*/), 'abc'.split(/(?:)/u));
console.log(/😀/u.test('😀'), /^.$/.test('😀'), /^.$/u.test('😀'), /a.c/s.test('a\nc'), /A/i.flags);
const r = new RegExp('a+b', 'gi');
console.log(r.source, r.flags, String(r), /[/]/.source, new RegExp('/').source);
console.log('x'.match(/y/), 'aBc'.search(/[A-Z]/), /(a)|(b)/.exec('b'));
