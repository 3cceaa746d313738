//! `String` (ECMA-262 §22.1): the constructor, `String.fromCharCode/fromCodePoint/raw`, every
//! `String.prototype` method of ES2023 including the Annex B ones (`substr`, the HTML methods,
//! `trimLeft`/`trimRight`), and %StringIteratorPrototype% (iteration by code points).
//! `Number` and `Boolean` still live at the end of this file (their family moves them out).
//!
//! Strings are UTF-16 (`JsString`); every index here is a code-unit index. The methods that take
//! a pattern (`match`, `matchAll`, `replace`, `replaceAll`, `search`, `split`) dispatch to the
//! argument's `Symbol.match`/… method when it is an object that has one (the current spec and
//! test262: primitives' symbol properties are not consulted), else fall back to the string
//! algorithm or to a new RegExp (`regexp.rs`).
//!
//! Not here: Intl. `localeCompare` follows the ICU root collation for ASCII (what node prints)
//! after canonical (NFC) normalization, and code-point order beyond ASCII; the `toLocale*Case`
//! methods ignore their locale argument.

use super::array::iterator::{define_to_string_tag, symbol_method};
use super::{arg, constructor, method, native, regexp};
use crate::interp::function::{is_callable, NativeFn};
use crate::interp::{iter, ops, props, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::{atoms, number, JsObject, JsString, PropertyKey, Symbol, Value, WellKnown};
use unicode_normalization::UnicodeNormalization;

// ───────────────────────────── shared helpers ─────────────────────────────

/// RequireObjectCoercible(this) then ToString: the first step of nearly every method.
fn this_str(interp: &mut Interp, this: &Value, name: &str) -> JsResult<JsString> {
    match this {
        Value::String(s) => Ok(s.clone()),
        Value::Undefined | Value::Null => Err(interp.throw_type_error(&format!(
            "String.prototype.{name} called on null or undefined"
        ))),
        v => ops::to_string(interp, v),
    }
}

/// thisStringValue (toString/valueOf): a string or a String wrapper, nothing else.
fn this_string_value(interp: &mut Interp, this: &Value, name: &str) -> JsResult<JsString> {
    match this {
        Value::String(s) => return Ok(s.clone()),
        Value::Object(o) => {
            if let ObjectKind::String(s) = &o.borrow().kind {
                return Ok(s.clone());
            }
        }
        _ => {}
    }
    Err(interp.throw_type_error(&format!(
        "String.prototype.{name} requires that 'this' be a String"
    )))
}

/// ToIntegerOrInfinity(ToNumber(v)).
pub fn to_integer(interp: &mut Interp, v: &Value) -> JsResult<f64> {
    if let Value::Number(n) = v {
        return Ok(number::to_integer_or_infinity(*n));
    }
    Ok(number::to_integer_or_infinity(ops::to_number(interp, v)?))
}

/// ToLength.
pub fn to_length(interp: &mut Interp, v: &Value) -> JsResult<f64> {
    let n = to_integer(interp, v)?;
    Ok(n.clamp(0.0, 9007199254740991.0))
}

/// Clamp an integer-or-infinity into `0..=len`.
fn clamp_index(n: f64, len: usize) -> usize {
    if n <= 0.0 {
        0
    } else if n >= len as f64 {
        len
    } else {
        n as usize
    }
}

/// GetMethod(v, @@which) for an object `v`: `None` when absent (undefined/null).
pub fn get_method(interp: &mut Interp, v: &Value, which: WellKnown) -> JsResult<Option<Value>> {
    let key = PropertyKey::Symbol(Symbol::well_known(which));
    let f = props::get(interp, v, &key)?;
    if f.is_nullish() {
        return Ok(None);
    }
    if !is_callable(&f) {
        let s = super::console::inspect_short(&f);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    Ok(Some(f))
}

/// StringIndexOf(string, search, fromIndex) on code units.
pub fn string_index_of(h: &[u16], n: &[u16], from: usize) -> Option<usize> {
    if n.is_empty() {
        return (from <= h.len()).then_some(from);
    }
    if from >= h.len() || n.len() > h.len() - from {
        return None;
    }
    let (first, rest) = (n[0], &n[1..]);
    let last_start = h.len() - n.len();
    let mut i = from;
    while i <= last_start {
        let p = h[i..=last_start].iter().position(|&c| c == first)?;
        i += p;
        if &h[i + 1..i + n.len()] == rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The largest `i <= start` where `n` occurs in `h`.
fn string_last_index_of(h: &[u16], n: &[u16], start: usize) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    let mut i = start.min(h.len() - n.len());
    loop {
        if &h[i..i + n.len()] == n {
            return Some(i);
        }
        if i == 0 {
            return None;
        }
        i -= 1;
    }
}

fn is_lead(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}
fn is_trail(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// CodePointAt(string, position): (code point, code unit count, unpaired surrogate?).
pub fn code_point_at(s: &[u16], pos: usize) -> (u32, usize, bool) {
    let first = s[pos];
    if !is_lead(first) && !is_trail(first) {
        return (u32::from(first), 1, false);
    }
    if is_trail(first) || pos + 1 == s.len() || !is_trail(s[pos + 1]) {
        return (u32::from(first), 1, true);
    }
    let cp = 0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(s[pos + 1]) - 0xDC00);
    (cp, 2, false)
}

/// AdvanceStringIndex(S, index, unicode).
pub fn advance_string_index(s: &[u16], index: usize, unicode: bool) -> usize {
    if !unicode || index + 1 >= s.len() {
        return index + 1;
    }
    index + code_point_at(s, index).1
}

fn push_code_point(out: &mut Vec<u16>, cp: u32) {
    if cp < 0x10000 {
        out.push(cp as u16);
    } else {
        let c = cp - 0x10000;
        out.push(0xD800 + (c >> 10) as u16);
        out.push(0xDC00 + (c & 0x3FF) as u16);
    }
}

fn too_long(interp: &mut Interp) -> crate::interp::Throw {
    interp.throw_range_error("Invalid string length")
}

fn concat(interp: &mut Interp, a: &JsString, b: &JsString) -> JsResult<JsString> {
    a.concat(b).map_err(|_| too_long(interp))
}

fn str_from(interp: &mut Interp, units: Vec<u16>) -> JsResult<Value> {
    if units.len() > crate::value::string::MAX_STRING_LEN {
        return Err(too_long(interp));
    }
    Ok(Value::String(JsString::from_vec(units)))
}

/// Applies `f` to each maximal well-formed run of `s` (lone surrogates are passed through
/// unchanged): case mapping and normalization are defined on code points.
fn map_well_formed(s: &[u16], mut f: impl FnMut(&str, &mut String)) -> Vec<u16> {
    let mut out = Vec::with_capacity(s.len());
    let mut run = String::new();
    let mut mapped = String::new();
    let mut flush = |run: &mut String, out: &mut Vec<u16>| {
        if !run.is_empty() {
            mapped.clear();
            f(run, &mut mapped);
            out.extend(mapped.encode_utf16());
            run.clear();
        }
    };
    for r in char::decode_utf16(s.iter().copied()) {
        match r {
            Ok(c) => run.push(c),
            Err(e) => {
                flush(&mut run, &mut out);
                out.push(e.unpaired_surrogate());
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

// ───────────────────────────── constructor and statics ─────────────────────────────

fn string_ctor(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let s = match args.first() {
        None => JsString::empty(),
        Some(Value::Symbol(s)) if nt.is_none() => s.descriptive_string(),
        Some(v) => ops::to_string(interp, v)?,
    };
    // Called with `new`: a wrapper object; called plainly: the string.
    if nt.is_some() {
        let o = interp.create_from_new_target(nt, |i| &i.string_proto, ObjectKind::String(s))?;
        return Ok(Value::Object(o));
    }
    Ok(Value::String(s))
}

fn from_char_code(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        out.push(number::to_uint16(ops::to_number(interp, a)?));
    }
    if out.len() == 1 {
        return Ok(Value::String(JsString::from_code_unit(out[0])));
    }
    str_from(interp, out)
}

fn from_code_point(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        let n = ops::to_number(interp, a)?;
        if n.fract() != 0.0 || !(0.0..=1114111.0).contains(&n) {
            let shown = number::to_rust_string(n);
            return Err(interp.throw_range_error(&format!("Invalid code point {shown}")));
        }
        push_code_point(&mut out, n as u32);
    }
    str_from(interp, out)
}

/// LengthOfArrayLike.
fn length_of(interp: &mut Interp, o: &Value) -> JsResult<f64> {
    let l = props::get(interp, o, &PropertyKey::String(atoms::LENGTH))?;
    to_length(interp, &l)
}

fn raw(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let subs = args.get(1..).unwrap_or(&[]);
    let cooked = Value::Object(ops::to_object(interp, &arg(args, 0))?);
    let raw_key = PropertyKey::String(Atom::intern_str("raw"));
    let raw_v = props::get(interp, &cooked, &raw_key)?;
    let literals = Value::Object(ops::to_object(interp, &raw_v)?);
    let count = length_of(interp, &literals)?;
    if count <= 0.0 {
        return Ok(Value::String(JsString::empty()));
    }
    let mut out: Vec<u16> = Vec::new();
    let mut i: u64 = 0;
    loop {
        let v = props::get(interp, &literals, &PropertyKey::from_number(i as f64))?;
        let lit = ops::to_string(interp, &v)?;
        out.extend_from_slice(lit.as_slice());
        if (i + 1) as f64 >= count {
            return str_from(interp, out);
        }
        if let Some(sub) = subs.get(i as usize) {
            let s = ops::to_string(interp, sub)?;
            out.extend_from_slice(s.as_slice());
        }
        if out.len() > crate::value::string::MAX_STRING_LEN {
            return Err(too_long(interp));
        }
        i += 1;
    }
}

use crate::value::Atom;

// ───────────────────────────── code units and code points ─────────────────────────────

fn at(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "at")?;
    let len = s.len() as f64;
    let rel = to_integer(interp, &arg(args, 0))?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::Undefined);
    }
    Ok(Value::String(JsString::from_code_unit(
        s.as_slice()[k as usize],
    )))
}

fn char_at(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "charAt")?;
    let p = to_integer(interp, &arg(args, 0))?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::String(JsString::empty()));
    }
    Ok(Value::String(JsString::from_code_unit(
        s.as_slice()[p as usize],
    )))
}

fn char_code_at(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "charCodeAt")?;
    let p = to_integer(interp, &arg(args, 0))?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::Number(f64::NAN));
    }
    Ok(Value::Number(f64::from(s.as_slice()[p as usize])))
}

fn code_point_at_method(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "codePointAt")?;
    let p = to_integer(interp, &arg(args, 0))?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::Undefined);
    }
    Ok(Value::Number(f64::from(
        code_point_at(s.as_slice(), p as usize).0,
    )))
}

fn concat_method(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let mut r = this_str(interp, this, "concat")?;
    for a in args {
        let next = ops::to_string(interp, a)?;
        r = concat(interp, &r, &next)?;
    }
    Ok(Value::String(r))
}

// ───────────────────────────── searching ─────────────────────────────

/// The `IsRegExp` check of startsWith/endsWith/includes.
fn reject_regexp(interp: &mut Interp, v: &Value, name: &str) -> JsResult<()> {
    if regexp::is_regexp(interp, v)? {
        return Err(interp.throw_type_error(&format!(
            "First argument to String.prototype.{name} must not be a regular expression"
        )));
    }
    Ok(())
}

fn ends_with(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "endsWith")?;
    let search = arg(args, 0);
    reject_regexp(interp, &search, "endsWith")?;
    let search = ops::to_string(interp, &search)?;
    let len = s.len();
    let end = match arg(args, 1) {
        Value::Undefined => len,
        v => clamp_index(to_integer(interp, &v)?, len),
    };
    let n = search.len();
    if n == 0 {
        return Ok(Value::Bool(true));
    }
    if n > end {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(
        &s.as_slice()[end - n..end] == search.as_slice(),
    ))
}

fn starts_with(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "startsWith")?;
    let search = arg(args, 0);
    reject_regexp(interp, &search, "startsWith")?;
    let search = ops::to_string(interp, &search)?;
    let start = clamp_index(to_integer(interp, &arg(args, 1))?, s.len());
    let n = search.len();
    if n == 0 {
        return Ok(Value::Bool(true));
    }
    if start + n > s.len() {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(
        &s.as_slice()[start..start + n] == search.as_slice(),
    ))
}

fn includes(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "includes")?;
    let search = arg(args, 0);
    reject_regexp(interp, &search, "includes")?;
    let search = ops::to_string(interp, &search)?;
    let start = clamp_index(to_integer(interp, &arg(args, 1))?, s.len());
    Ok(Value::Bool(
        string_index_of(s.as_slice(), search.as_slice(), start).is_some(),
    ))
}

fn index_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "indexOf")?;
    let search = ops::to_string(interp, &arg(args, 0))?;
    let start = clamp_index(to_integer(interp, &arg(args, 1))?, s.len());
    Ok(Value::Number(
        string_index_of(s.as_slice(), search.as_slice(), start).map_or(-1.0, |i| i as f64),
    ))
}

fn last_index_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "lastIndexOf")?;
    let search = ops::to_string(interp, &arg(args, 0))?;
    let num = ops::to_number(interp, &arg(args, 1))?;
    let pos = if num.is_nan() {
        f64::INFINITY
    } else {
        number::to_integer_or_infinity(num)
    };
    let start = clamp_index(pos, s.len());
    Ok(Value::Number(
        string_last_index_of(s.as_slice(), search.as_slice(), start).map_or(-1.0, |i| i as f64),
    ))
}

// ───────────────────────────── well-formedness, normalization, case ─────────────────────────────

fn is_well_formed(s: &[u16]) -> bool {
    char::decode_utf16(s.iter().copied()).all(|r| r.is_ok())
}

fn is_well_formed_method(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "isWellFormed")?;
    Ok(Value::Bool(is_well_formed(s.as_slice())))
}

fn to_well_formed(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "toWellFormed")?;
    if is_well_formed(s.as_slice()) {
        return Ok(Value::String(s));
    }
    let out: Vec<u16> = char::decode_utf16(s.as_slice().iter().copied())
        .flat_map(|r| {
            let mut b = [0u16; 2];
            let c = r.unwrap_or('\u{FFFD}');
            c.encode_utf16(&mut b).to_vec()
        })
        .collect();
    Ok(Value::String(JsString::from_vec(out)))
}

fn normalize(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "normalize")?;
    let form = match arg(args, 0) {
        Value::Undefined => "NFC".to_string(),
        v => ops::to_string(interp, &v)?.to_std_string_lossy(),
    };
    let f: fn(&str, &mut String) = match form.as_str() {
        "NFC" => |r, o| o.extend(r.nfc()),
        "NFD" => |r, o| o.extend(r.nfd()),
        "NFKC" => |r, o| o.extend(r.nfkc()),
        "NFKD" => |r, o| o.extend(r.nfkd()),
        _ => {
            return Err(interp.throw_range_error(&format!(
                "The normalization form should be one of NFC, NFD, NFKC, NFKD. Received {form}"
            )))
        }
    };
    if s.is_ascii() {
        return Ok(Value::String(s));
    }
    Ok(Value::String(JsString::from_vec(map_well_formed(
        s.as_slice(),
        f,
    ))))
}

/// Full Unicode case mapping (SpecialCasing included: 'ß' → "SS", final sigma).
fn change_case(s: &JsString, upper: bool) -> JsString {
    let u = s.as_slice();
    if u.iter().all(|&c| c < 0x80) {
        let changes = |c: u16| {
            if upper {
                (u16::from(b'a')..=u16::from(b'z')).contains(&c)
            } else {
                (u16::from(b'A')..=u16::from(b'Z')).contains(&c)
            }
        };
        if !u.iter().any(|&c| changes(c)) {
            return s.clone();
        }
        let out: Vec<u16> = u
            .iter()
            .map(|&c| if changes(c) { c ^ 0x20 } else { c })
            .collect();
        return JsString::from_vec(out);
    }
    JsString::from_vec(map_well_formed(u, |r, o| {
        if upper {
            o.push_str(&r.to_uppercase())
        } else {
            o.push_str(&r.to_lowercase())
        }
    }))
}

fn to_upper(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "toUpperCase")?;
    Ok(Value::String(change_case(&s, true)))
}
fn to_lower(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "toLowerCase")?;
    Ok(Value::String(change_case(&s, false)))
}
fn to_locale_upper(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "toLocaleUpperCase")?;
    Ok(Value::String(change_case(&s, true)))
}
fn to_locale_lower(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "toLocaleLowerCase")?;
    Ok(Value::String(change_case(&s, false)))
}

/// ICU root collation order of printable ASCII (from node: sorting with `localeCompare`).
const ASCII_ORDER: &[u8] =
    b" _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";

/// (primary, tertiary) weights: letters share a primary weight across case, lowercase first.
/// `None`: ignorable (ASCII control characters).
fn collation_weight(cp: u32) -> Option<(u32, u32)> {
    if cp < 0x20 || cp == 0x7F {
        return None;
    }
    if cp < 0x80 {
        let c = cp as u8;
        let lower = c.to_ascii_lowercase();
        let pos = ASCII_ORDER.iter().position(|&x| x == lower).unwrap_or(0) as u32;
        return Some((pos, u32::from(c.is_ascii_uppercase())));
    }
    Some((0x100 + cp, 0))
}

fn locale_compare(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "localeCompare")?;
    let that = ops::to_string(interp, &arg(args, 0))?;
    let weights = |s: &JsString| -> Vec<(u32, u32)> {
        let units = map_well_formed(s.as_slice(), |r, o| o.extend(r.nfc()));
        let mut out = Vec::with_capacity(units.len());
        let mut i = 0;
        while i < units.len() {
            let (cp, n, _) = code_point_at(&units, i);
            out.extend(collation_weight(cp));
            i += n;
        }
        out
    };
    let (a, b) = (weights(&s), weights(&that));
    let primary = a.iter().map(|w| w.0).cmp(b.iter().map(|w| w.0));
    let ord = primary.then_with(|| a.iter().map(|w| w.1).cmp(b.iter().map(|w| w.1)));
    Ok(Value::Number(match ord {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

// ───────────────────────────── padding, repeat, slicing, trimming ─────────────────────────────

fn pad(interp: &mut Interp, this: &Value, args: &[Value], start: bool) -> JsResult<Value> {
    let s = this_str(interp, this, if start { "padStart" } else { "padEnd" })?;
    let max = to_length(interp, &arg(args, 0))?;
    let len = s.len();
    if max <= len as f64 {
        return Ok(Value::String(s));
    }
    let filler = match arg(args, 1) {
        Value::Undefined => JsString::from(" "),
        v => ops::to_string(interp, &v)?,
    };
    if filler.is_empty() {
        return Ok(Value::String(s));
    }
    if max > crate::value::string::MAX_STRING_LEN as f64 {
        return Err(too_long(interp));
    }
    let fill_len = max as usize - len;
    let f = filler.as_slice();
    let mut out = Vec::with_capacity(max as usize);
    let fill = |out: &mut Vec<u16>| out.extend(f.iter().copied().cycle().take(fill_len));
    if start {
        fill(&mut out);
        out.extend_from_slice(s.as_slice());
    } else {
        out.extend_from_slice(s.as_slice());
        fill(&mut out);
    }
    Ok(Value::String(JsString::from_vec(out)))
}
fn pad_start(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    pad(interp, this, args, true)
}
fn pad_end(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    pad(interp, this, args, false)
}

fn repeat(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "repeat")?;
    let n = to_integer(interp, &arg(args, 0))?;
    if n < 0.0 || n == f64::INFINITY {
        let shown = number::to_rust_string(n);
        return Err(interp.throw_range_error(&format!("Invalid count value: {shown}")));
    }
    if n == 0.0 || s.is_empty() {
        return Ok(Value::String(JsString::empty()));
    }
    if n * s.len() as f64 > crate::value::string::MAX_STRING_LEN as f64 {
        return Err(too_long(interp));
    }
    let u = s.as_slice();
    let mut out = Vec::with_capacity(u.len() * n as usize);
    for _ in 0..n as usize {
        out.extend_from_slice(u);
    }
    Ok(Value::String(JsString::from_vec(out)))
}

/// A relative index (slice, substr): negative counts from the end.
fn relative(n: f64, len: usize) -> usize {
    if n < 0.0 {
        clamp_index(len as f64 + n, len)
    } else {
        clamp_index(n, len)
    }
}

fn slice(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "slice")?;
    let len = s.len();
    let from = relative(to_integer(interp, &arg(args, 0))?, len);
    let to = match arg(args, 1) {
        Value::Undefined => len,
        v => relative(to_integer(interp, &v)?, len),
    };
    Ok(Value::String(if from < to {
        s.substring(from, to)
    } else {
        JsString::empty()
    }))
}

fn substring(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "substring")?;
    let len = s.len();
    let a = clamp_index(to_integer(interp, &arg(args, 0))?, len);
    let b = match arg(args, 1) {
        Value::Undefined => len,
        v => clamp_index(to_integer(interp, &v)?, len),
    };
    Ok(Value::String(s.substring(a.min(b), a.max(b))))
}

fn substr(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "substr")?;
    let size = s.len();
    let start = relative(to_integer(interp, &arg(args, 0))?, size);
    let length = match arg(args, 1) {
        Value::Undefined => size,
        v => clamp_index(to_integer(interp, &v)?, size),
    };
    let end = (start + length).min(size);
    Ok(Value::String(if start < end {
        s.substring(start, end)
    } else {
        JsString::empty()
    }))
}

fn trim_impl(
    interp: &mut Interp,
    this: &Value,
    name: &str,
    start: bool,
    end: bool,
) -> JsResult<Value> {
    let s = this_str(interp, this, name)?;
    let u = s.as_slice();
    let ws = |c: &u16| number::is_js_whitespace(*c);
    let a = if start {
        u.iter().position(|c| !ws(c)).unwrap_or(u.len())
    } else {
        0
    };
    let b = if end {
        u.iter().rposition(|c| !ws(c)).map_or(a, |e| e + 1)
    } else {
        u.len()
    };
    Ok(Value::String(s.substring(a, b.max(a))))
}
fn trim(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    trim_impl(interp, this, "trim", true, true)
}
fn trim_start(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    trim_impl(interp, this, "trimStart", true, false)
}
fn trim_end(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    trim_impl(interp, this, "trimEnd", false, true)
}

fn string_to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::String(this_string_value(interp, this, "toString")?))
}
fn string_value_of(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::String(this_string_value(interp, this, "valueOf")?))
}

// ───────────────────────────── split / replace and the RegExp-dispatching methods ─────────────────────────────

fn split(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(interp.throw_type_error("String.prototype.split called on null or undefined"));
    }
    let (sep, limit) = (arg(args, 0), arg(args, 1));
    if let Value::Object(_) = sep {
        if let Some(f) = get_method(interp, &sep, WellKnown::Split)? {
            return interp.call(&f, sep.clone(), &[this.clone(), limit]);
        }
    }
    let s = ops::to_string(interp, this)?;
    let lim = match limit {
        Value::Undefined => u32::MAX,
        v => number::to_uint32(ops::to_number(interp, &v)?),
    } as usize;
    let r = ops::to_string(interp, &sep)?;
    if lim == 0 {
        return Ok(Value::Object(interp.new_array(Vec::new())));
    }
    if sep.is_undefined() {
        return Ok(Value::Object(interp.new_array(vec![Value::String(s)])));
    }
    let (h, nd) = (s.as_slice(), r.as_slice());
    if nd.is_empty() {
        let out = h
            .iter()
            .take(lim)
            .map(|&u| Value::String(JsString::from_code_unit(u)))
            .collect();
        return Ok(Value::Object(interp.new_array(out)));
    }
    if h.is_empty() {
        return Ok(Value::Object(interp.new_array(vec![Value::String(s)])));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(j) = string_index_of(h, nd, i) {
        out.push(Value::String(s.substring(i, j)));
        if out.len() == lim {
            return Ok(Value::Object(interp.new_array(out)));
        }
        i = j + nd.len();
    }
    out.push(Value::String(s.substring(i, h.len())));
    Ok(Value::Object(interp.new_array(out)))
}

/// GetSubstitution(matched, str, position, captures, namedCaptures, replacementTemplate),
/// appending to `out`.
#[allow(clippy::too_many_arguments)] // the spec's six parameters, plus the interpreter and output
pub fn get_substitution(
    interp: &mut Interp,
    matched: &[u16],
    s: &[u16],
    position: usize,
    captures: &[Option<JsString>],
    named: &Value,
    template: &[u16],
    out: &mut Vec<u16>,
) -> JsResult<()> {
    const DOLLAR: u16 = b'$' as u16;
    let digit = |u: u16| (u16::from(b'0')..=u16::from(b'9')).contains(&u);
    let mut i = 0;
    while i < template.len() {
        let c = template[i];
        if c != DOLLAR || i + 1 == template.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let next = template[i + 1];
        match next {
            DOLLAR => {
                out.push(DOLLAR);
                i += 2;
            }
            0x26 /* & */ => {
                out.extend_from_slice(matched);
                i += 2;
            }
            0x60 /* ` */ => {
                out.extend_from_slice(&s[..position.min(s.len())]);
                i += 2;
            }
            0x27 /* ' */ => {
                let tail = (position + matched.len()).min(s.len());
                out.extend_from_slice(&s[tail..]);
                i += 2;
            }
            d if digit(d) => {
                let two = i + 2 < template.len() && digit(template[i + 2]);
                let mut count = if two { 2 } else { 1 };
                let mut index = usize::from(d - u16::from(b'0'));
                if two {
                    index = index * 10 + usize::from(template[i + 2] - u16::from(b'0'));
                    if index > captures.len() {
                        count = 1;
                        index = usize::from(d - u16::from(b'0'));
                    }
                }
                if (1..=captures.len()).contains(&index) {
                    if let Some(c) = &captures[index - 1] {
                        out.extend_from_slice(c.as_slice());
                    }
                } else {
                    out.extend_from_slice(&template[i..i + 1 + count]);
                }
                i += 1 + count;
            }
            0x3C /* < */ => {
                let gt = template[i + 2..].iter().position(|&u| u == u16::from(b'>'));
                match gt {
                    Some(g) if !named.is_undefined() => {
                        let name = JsString::from(&template[i + 2..i + 2 + g]);
                        let v = props::get(interp, named, &PropertyKey::from_js_string(&name))?;
                        if !v.is_undefined() {
                            let v = ops::to_string(interp, &v)?;
                            out.extend_from_slice(v.as_slice());
                        }
                        i += 3 + g;
                    }
                    _ => {
                        out.extend_from_slice(&template[i..i + 2]);
                        i += 2;
                    }
                }
            }
            _ => {
                out.push(DOLLAR);
                i += 1;
            }
        }
        if out.len() > crate::value::string::MAX_STRING_LEN {
            return Err(too_long(interp));
        }
    }
    Ok(())
}

fn replace_impl(interp: &mut Interp, this: &Value, args: &[Value], all: bool) -> JsResult<Value> {
    let name = if all { "replaceAll" } else { "replace" };
    if this.is_nullish() {
        return Err(interp.throw_type_error(&format!(
            "String.prototype.{name} called on null or undefined"
        )));
    }
    let (search, replace) = (arg(args, 0), arg(args, 1));
    if let Value::Object(_) = search {
        if all && regexp::is_regexp(interp, &search)? {
            let flags = props::get(interp, &search, &PropertyKey::from_str_key("flags"))?;
            if flags.is_nullish() {
                return Err(interp.throw_type_error("RegExp flags is null or undefined"));
            }
            let flags = ops::to_string(interp, &flags)?;
            if !flags.as_slice().contains(&u16::from(b'g')) {
                return Err(
                    interp.throw_type_error("replaceAll must be called with a global RegExp")
                );
            }
        }
        if let Some(f) = get_method(interp, &search, WellKnown::Replace)? {
            return interp.call(&f, search.clone(), &[this.clone(), replace]);
        }
    }
    let s = ops::to_string(interp, this)?;
    let search = ops::to_string(interp, &search)?;
    let functional = is_callable(&replace);
    let template = if functional {
        JsString::empty()
    } else {
        ops::to_string(interp, &replace)?
    };
    let (h, nd) = (s.as_slice(), search.as_slice());
    let mut positions = Vec::new();
    let advance = nd.len().max(1);
    let mut pos = string_index_of(h, nd, 0);
    while let Some(p) = pos {
        positions.push(p);
        if !all {
            break;
        }
        pos = string_index_of(h, nd, p + advance);
    }
    if positions.is_empty() {
        return Ok(Value::String(s));
    }
    let mut out: Vec<u16> = Vec::with_capacity(h.len());
    let mut end_of_last = 0;
    for p in positions {
        out.extend_from_slice(&h[end_of_last..p]);
        if functional {
            let r = interp.call(
                &replace,
                Value::Undefined,
                &[
                    Value::String(search.clone()),
                    Value::Number(p as f64),
                    Value::String(s.clone()),
                ],
            )?;
            let r = ops::to_string(interp, &r)?;
            out.extend_from_slice(r.as_slice());
        } else {
            get_substitution(
                interp,
                nd,
                h,
                p,
                &[],
                &Value::Undefined,
                template.as_slice(),
                &mut out,
            )?;
        }
        end_of_last = p + nd.len();
    }
    out.extend_from_slice(&h[end_of_last.min(h.len())..]);
    str_from(interp, out)
}

fn replace(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    replace_impl(interp, this, args, false)
}
fn replace_all(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    replace_impl(interp, this, args, true)
}

/// match / search: dispatch to `regexp[@@which]`, else `RegExpCreate(regexp, flags)[@@which](S)`.
fn regexp_dispatch(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    which: WellKnown,
    name: &str,
) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(interp.throw_type_error(&format!(
            "String.prototype.{name} called on null or undefined"
        )));
    }
    let rx_arg = arg(args, 0);
    if let Value::Object(_) = rx_arg {
        if which == WellKnown::MatchAll && regexp::is_regexp(interp, &rx_arg)? {
            let flags = props::get(interp, &rx_arg, &PropertyKey::from_str_key("flags"))?;
            if flags.is_nullish() {
                return Err(interp.throw_type_error("RegExp flags is null or undefined"));
            }
            let flags = ops::to_string(interp, &flags)?;
            if !flags.as_slice().contains(&u16::from(b'g')) {
                return Err(interp.throw_type_error(
                    "String.prototype.matchAll called with a non-global RegExp argument",
                ));
            }
        }
        if let Some(f) = get_method(interp, &rx_arg, which)? {
            return interp.call(&f, rx_arg.clone(), std::slice::from_ref(this));
        }
    }
    let s = ops::to_string(interp, this)?;
    let flags = if which == WellKnown::MatchAll {
        Value::from("g")
    } else {
        Value::Undefined
    };
    let rx = regexp::regexp_create(interp, &rx_arg, &flags)?;
    let f = props::get(interp, &rx, &PropertyKey::Symbol(Symbol::well_known(which)))?;
    interp.call(&f, rx, &[Value::String(s)])
}

fn match_method(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    regexp_dispatch(interp, this, args, WellKnown::Match, "match")
}
fn match_all(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    regexp_dispatch(interp, this, args, WellKnown::MatchAll, "matchAll")
}
fn search(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    regexp_dispatch(interp, this, args, WellKnown::Search, "search")
}

// ───────────────────────────── Annex B HTML methods ─────────────────────────────

/// CreateHTML(string, tag, attribute, value) (B.2.2.2.1).
fn create_html(
    interp: &mut Interp,
    this: &Value,
    name: &str,
    tag: &str,
    attr: Option<(&str, &Value)>,
) -> JsResult<Value> {
    let s = this_str(interp, this, name)?;
    let mut out: Vec<u16> = Vec::new();
    out.push(u16::from(b'<'));
    out.extend(tag.encode_utf16());
    if let Some((attribute, value)) = attr {
        let v = ops::to_string(interp, value)?;
        out.push(u16::from(b' '));
        out.extend(attribute.encode_utf16());
        out.extend("=\"".encode_utf16());
        for &u in v.as_slice() {
            if u == u16::from(b'"') {
                out.extend("&quot;".encode_utf16());
            } else {
                out.push(u);
            }
        }
        out.push(u16::from(b'"'));
    }
    out.push(u16::from(b'>'));
    out.extend_from_slice(s.as_slice());
    out.extend("</".encode_utf16());
    out.extend(tag.encode_utf16());
    out.push(u16::from(b'>'));
    str_from(interp, out)
}

macro_rules! html_methods {
    ($($fname:ident: $name:literal, $tag:literal $(, $attr:literal)?;)*) => {
        $(fn $fname(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
            #[allow(unused_variables)]
            let attr: Option<(&str, &Value)> = None;
            $(let v = arg(args, 0); let attr = Some(($attr, &v));)?
            let _ = args;
            create_html(interp, this, $name, $tag, attr)
        })*
        const HTML_METHODS: &[(&str, u32, NativeFn)] = &[
            $(($name, html_methods!(@len $($attr)?), $fname)),*
        ];
    };
    (@len $attr:literal) => { 1 };
    (@len) => { 0 };
}

html_methods! {
    html_anchor: "anchor", "a", "name";
    html_big: "big", "big";
    html_blink: "blink", "blink";
    html_bold: "bold", "b";
    html_fixed: "fixed", "tt";
    html_fontcolor: "fontcolor", "font", "color";
    html_fontsize: "fontsize", "font", "size";
    html_italics: "italics", "i";
    html_link: "link", "a", "href";
    html_small: "small", "small";
    html_strike: "strike", "strike";
    html_sub: "sub", "sub";
    html_sup: "sup", "sup";
}

// ───────────────────────────── %StringIteratorPrototype% ─────────────────────────────

fn string_iterator(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this, "[Symbol.iterator]")?;
    Ok(Value::Object(JsObject::new(
        Some(interp.intrinsics.string_iterator_proto.clone()),
        ObjectKind::StringIterator(Box::new(crate::value::object::StringIteratorData {
            string: Some(s),
            position: 0,
        })),
    )))
}

fn string_iterator_next(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let step = match this {
        Value::Object(o) => match &mut o.borrow_mut().kind {
            ObjectKind::StringIterator(it) => Some(match &it.string {
                None => None,
                Some(s) if it.position >= s.len() => {
                    it.string = None;
                    None
                }
                Some(s) => {
                    let units = s.as_slice();
                    let n = code_point_at(units, it.position).1;
                    let piece = if n == 1 {
                        JsString::from_code_unit(units[it.position])
                    } else {
                        s.substring(it.position, it.position + n)
                    };
                    it.position += n;
                    Some(piece)
                }
            }),
            _ => None,
        },
        _ => None,
    };
    match step {
        None => Err(interp.throw_type_error(
            "Method String Iterator.prototype.next called on incompatible receiver",
        )),
        Some(None) => Ok(iter::iter_result(interp, Value::Undefined, true)),
        Some(Some(s)) => Ok(iter::iter_result(interp, Value::String(s), false)),
    }
}

// ───────────────────────────── Number and Boolean (moving out) ─────────────────────────────

pub fn install(interp: &mut Interp) {
    // Number and Boolean live in `number.rs`.
    install_string(interp);
}

fn install_string(interp: &mut Interp) {
    let sp = interp.intrinsics.string_proto.clone();
    interp.intrinsics.string_proto.borrow_mut().kind = ObjectKind::String(JsString::empty());
    let ctor = constructor(interp, "String", 1, string_ctor, &sp);
    method(interp, &ctor, "fromCharCode", 1, from_char_code);
    method(interp, &ctor, "fromCodePoint", 1, from_code_point);
    method(interp, &ctor, "raw", 1, raw);
    let methods: &[(&str, u32, NativeFn)] = &[
        ("at", 1, at),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("codePointAt", 1, code_point_at_method),
        ("concat", 1, concat_method),
        ("endsWith", 1, ends_with),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("isWellFormed", 0, is_well_formed_method),
        ("lastIndexOf", 1, last_index_of),
        ("localeCompare", 1, locale_compare),
        ("match", 1, match_method),
        ("matchAll", 1, match_all),
        ("normalize", 0, normalize),
        ("padEnd", 1, pad_end),
        ("padStart", 1, pad_start),
        ("repeat", 1, repeat),
        ("replace", 2, replace),
        ("replaceAll", 2, replace_all),
        ("search", 1, search),
        ("slice", 2, slice),
        ("split", 2, split),
        ("startsWith", 1, starts_with),
        ("substring", 2, substring),
        ("substr", 2, substr),
        ("toLocaleLowerCase", 0, to_locale_lower),
        ("toLocaleUpperCase", 0, to_locale_upper),
        ("toLowerCase", 0, to_lower),
        ("toString", 0, string_to_string),
        ("toUpperCase", 0, to_upper),
        ("toWellFormed", 0, to_well_formed),
        ("trim", 0, trim),
        ("valueOf", 0, string_value_of),
    ];
    for &(name, len, f) in methods.iter().chain(HTML_METHODS) {
        method(interp, &sp, name, len, f);
    }
    // trimLeft/trimRight (Annex B) are the same function objects as trimStart/trimEnd.
    for (name, alias, f) in [
        ("trimStart", "trimLeft", trim_start as NativeFn),
        ("trimEnd", "trimRight", trim_end),
    ] {
        let func = Value::Object(native(interp, name, 0, f, false));
        props::define_hidden(&sp, PropertyKey::from_str_key(name), func.clone());
        props::define_hidden(&sp, PropertyKey::from_str_key(alias), func);
    }
    symbol_method(interp, &sp, WellKnown::Iterator, 0, string_iterator);
    let sip = interp.intrinsics.string_iterator_proto.clone();
    method(interp, &sip, "next", 0, string_iterator_next);
    define_to_string_tag(&sip, "String Iterator");
}

#[cfg(test)]
#[path = "string_tests.rs"]
mod tests;
