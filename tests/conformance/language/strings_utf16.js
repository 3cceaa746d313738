// Strings are UTF-16: '😀'.length is 2, indexing splits surrogate pairs, while for-of, spread and codePointAt
// work by code point. Also at(), normalize-free comparisons and localeCompare-free sorting.
const s = 'a😀b';
console.log('😀'.length, s.length, [...s].length, s[1] === '\ud83d', s.charCodeAt(1), s.codePointAt(1));
console.log(s.at(-1), s.split(''), [...s]);
console.log(String.fromCodePoint(0x1f600) === '😀', '\u{1F600}'.codePointAt(0).toString(16));
console.log('😀'.split('').map((c) => c.charCodeAt(0).toString(16)));
console.log(['b', 'a', 'C', 'é', 'Z'].sort(), 'abc' < 'abd', 'Z' < 'a', 'a'.localeCompare === undefined);
console.log('ß'.toUpperCase(), 'İ'.toLowerCase().length, 'ﬀ'.toUpperCase());
