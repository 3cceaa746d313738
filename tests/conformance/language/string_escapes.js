// String literal escapes and their lengths: \n \t \\ \' \" \0, \x and \u escapes, \u{...}, line continuation,
// and JSON.stringify escaping control characters and lone surrogates.
const s = 'tab\there\nquote\' dq\" back\\ nul\0end';
console.log(s.length, JSON.stringify(s));
console.log('\x41\u0042\u{43}', '\u{1F600}'.length, 'a\
b', '\v\f\b'.length);
console.log(JSON.stringify('\u0001\u001f\u2028'), JSON.stringify('\ud800'), JSON.stringify('😀'), JSON.stringify('é'));
console.log(encodeURIComponent('a b&c/d?é'), decodeURIComponent('%E2%9C%93'), encodeURI('http://x.y/a b?q=1&r=é'));
