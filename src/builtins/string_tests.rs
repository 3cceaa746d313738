//! String and RegExp end to end: each source's expected output is what node v20 prints.

use crate::host::{Host, Stream};
use crate::interp::Interp;
use crate::parser::{parse, ParseOptions};
use std::cell::RefCell;
use std::rc::Rc;

struct Capture(Rc<RefCell<Vec<String>>>);

impl Host for Capture {
    fn write_line(&mut self, _: Stream, line: &str) {
        self.0.borrow_mut().push(line.to_string());
    }
    fn now_ms(&mut self) -> f64 {
        0.0
    }
    fn monotonic_ms(&mut self) -> f64 {
        0.0
    }
    fn wait_until(&mut self, _: f64) {}
}

fn run(src: &str) -> String {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let program = parse(src, &ParseOptions::default()).expect("parses");
    let script = crate::lower::lower_script(&program).expect("lowers");
    let mut interp = Interp::new(Box::new(Capture(lines.clone())));
    if interp.run_script(&script).is_err() {
        lines.borrow_mut().push("uncaught".to_string());
    }
    let out = lines.borrow().join("\n");
    out
}

#[test]
fn string_methods_match_node() {
    let src = r#"console.log(['ß'.toUpperCase(), 'ΑΣ'.toLowerCase(), 'İ'.toLowerCase().length, 'Straße'.toLocaleUpperCase()].join('|'));
console.log(['abc'.at(-1), 'abc'.padStart(6, '12'), 'abc'.padEnd(5) + '|', 'abc'.substr(-2, 1), 'abcdef'.substring(4, 1), 'ab'.repeat(3)].join('|'));
console.log(['a-b-c'.split('-', 2).join(), 'abc'.split('').length, 'x'.replace('x', "$$-$`-$'-$1-$&"), 'aaa'.replaceAll('a', (m, p) => p)].join('|'));
console.log([String.fromCodePoint(0x1F600).length, String.raw({ raw: ['x', 'y', 'z'] }, 1), '\u0041\u030A'.normalize().length, 'Å'.normalize('NFD').length].join('|'));
console.log(['a'.localeCompare('B'), 'a'.localeCompare('A'), 'a-c'.localeCompare('ab'), [...'a😀b'].length, 'abcabc'.lastIndexOf('b', 3)].join('|'));
console.log(['x'.anchor('"y"'), 'ab\uD800'.toWellFormed().charCodeAt(2), 'ab\uD800'.isWellFormed()].join('|'));
"#;
    let expected = r#"SS|ας|2|STRASSE
c|121abc|abc  ||b|bcd|ababab
a,b|3|$---$1-x|012
2|x1yz|1|2
-1|-1|-1|3|1
<a name="&quot;y&quot;">x</a>|65533|false"#;
    assert_eq!(run(src), expected);
}

#[test]
fn regexp_methods_match_node() {
    let src = r#"var re = /(\d+)-(?<w>\w+)/g;
var m = re.exec('a 12-ab 3-c');
console.log([m.join(), m.index, m.groups.w, re.lastIndex].join('|'));
console.log(['a1b2c3'.replace(/\d/g, d => d * 2), 'john smith'.replace(/(\w+)\s(\w+)/, '$2, $1'), 'x-y'.replace(/(?<a>x)-(?<b>y)/, '$<b>-$<a>')].join('|'));
console.log(['a1b2c3'.split(/(\d)/).join(), 'a 12-ab 3'.match(/\d+/g).join(), 'abc'.search(/c/), [...'a1b22'.matchAll(/\d+/g)].map(m => m[0] + '@' + m.index).join()].join('|'));
console.log([/a/gi.flags, new RegExp('/').source, String(/x\/y/m), new RegExp(/ab/g, 'i').toString(), RegExp.prototype.source, /a(?<n>b)?/d.exec('xa').indices[0].join()].join('|'));
console.log([/\u{1F600}/u.test('😀'), /^.$/.test('😀'), /^.$/u.test('😀'), 'A<B>x</B>'.split(/<(\/)?([^<>]+)>/).length].join('|'));
var r2 = /a/y; r2.lastIndex = 1;
console.log([r2.test('ba'), r2.lastIndex, r2.test('ba'), r2.lastIndex].join('|'));
try { new RegExp('a', 'gg'); } catch (e) { console.log(e.name); }
"#;
    let expected = r#"12-ab,12,ab|2|ab|7
a2b4c6|smith, john|y-x
a,1,b,2,c,3,|12,3|2|1@1,22@3
gi|\/|/x\/y/m|/ab/i|(?:)|1,2
true|false|true|7
true|2|false|0
SyntaxError"#;
    assert_eq!(run(src), expected);
}
