//! `Number` and `Boolean` (constructors with new.target wrappers, `Number`'s constants and
//! predicates, the prototype methods with exact JS digits from `value::number`), and the global
//! functions `parseInt`, `parseFloat`, `isNaN`, `isFinite` and the URI family
//! (`encodeURI[Component]`, `decodeURI[Component]`, throwing URIError).
//!
//! Not here: BigInt (`builtins::bigint`; `Number(1n)` converts through ToNumeric here),
//! locale-sensitive formatting beyond the en-US grouping `toLocaleString` produces.

use super::{arg, constructor, global_value, method, native};
use crate::interp::props;
use crate::interp::{ops, Interp, JsResult};
use crate::value::number;
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property};
use crate::value::{Atom, JsObject, JsString, PropertyKey, Value};

// ───────────── Number ─────────────

fn number_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let n = match args.first() {
        None => 0.0,
        // ToNumeric, then a BigInt becomes the nearest Number (§21.1.1.1).
        Some(v) => match ops::to_numeric(interp, v)? {
            Value::BigInt(b) => b.to_f64(),
            n => n.as_number().unwrap_or(f64::NAN),
        },
    };
    match nt {
        None => Ok(Value::Number(n)),
        Some(nt) => Ok(Value::Object(interp.create_from_new_target(
            Some(nt),
            |i| &i.number_proto,
            ObjectKind::Number(n),
        )?)),
    }
}

/// thisNumberValue(value), with V8's message naming the method.
fn this_number(interp: &mut Interp, this: &Value, method: &str) -> JsResult<f64> {
    match this {
        Value::Number(n) => return Ok(*n),
        Value::Object(o) => {
            if let ObjectKind::Number(n) = o.borrow().kind {
                return Ok(n);
            }
        }
        _ => {}
    }
    Err(interp.throw_type_error(&format!(
        "Number.prototype.{method} requires that 'this' be a Number"
    )))
}

fn is_finite_static(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(
        matches!(arg(args, 0), Value::Number(n) if n.is_finite()),
    ))
}

fn is_integer(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(
        matches!(arg(args, 0), Value::Number(n) if n.is_finite() && n.trunc() == n),
    ))
}

fn is_nan_static(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(
        matches!(arg(args, 0), Value::Number(n) if n.is_nan()),
    ))
}

fn is_safe_integer(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(matches!(arg(args, 0), Value::Number(n)
        if n.is_finite() && n.trunc() == n && n.abs() <= 9_007_199_254_740_991.0)))
}

fn to_string(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let x = this_number(interp, this, "toString")?;
    let radix = match arg(args, 0) {
        Value::Undefined => 10.0,
        v => number::to_integer_or_infinity(ops::to_number(interp, &v)?),
    };
    if !(2.0..=36.0).contains(&radix) {
        return Err(interp.throw_range_error("toString() radix argument must be between 2 and 36"));
    }
    Ok(Value::String(if radix == 10.0 {
        number::to_string(x)
    } else {
        JsString::from(number::to_string_radix(x, radix as u32))
    }))
}

fn to_fixed(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let x = this_number(interp, this, "toFixed")?;
    let f = number::to_integer_or_infinity(ops::to_number(interp, &arg(args, 0))?);
    if !(0.0..=100.0).contains(&f) {
        return Err(interp.throw_range_error("toFixed() digits argument must be between 0 and 100"));
    }
    if !x.is_finite() || x.abs() >= 1e21 {
        return Ok(Value::String(number::to_string(x)));
    }
    Ok(Value::from(number::to_fixed(x, f as u32).as_str()))
}

fn to_exponential(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let x = this_number(interp, this, "toExponential")?;
    let fd = arg(args, 0);
    let f = number::to_integer_or_infinity(ops::to_number(interp, &fd)?);
    if !x.is_finite() {
        return Ok(Value::String(number::to_string(x)));
    }
    if !(0.0..=100.0).contains(&f) {
        return Err(interp.throw_range_error("toExponential() argument must be between 0 and 100"));
    }
    let f = if fd.is_undefined() {
        None
    } else {
        Some(f as u32)
    };
    Ok(Value::from(number::to_exponential(x, f).as_str()))
}

fn to_precision(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let x = this_number(interp, this, "toPrecision")?;
    let p = arg(args, 0);
    if p.is_undefined() {
        return Ok(Value::String(number::to_string(x)));
    }
    let p = number::to_integer_or_infinity(ops::to_number(interp, &p)?);
    if !x.is_finite() {
        return Ok(Value::String(number::to_string(x)));
    }
    if !(1.0..=100.0).contains(&p) {
        return Err(interp.throw_range_error("toPrecision() argument must be between 1 and 100"));
    }
    Ok(Value::from(number::to_precision(x, p as u32).as_str()))
}

/// en-US formatting as node's default ICU locale prints it: grouped integer part, at most three
/// fraction digits (rounded), `∞` for infinities.
fn to_locale_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let x = this_number(interp, this, "toLocaleString")?;
    if x.is_nan() {
        return Ok(Value::from("NaN"));
    }
    if x.is_infinite() {
        return Ok(Value::from(if x > 0.0 { "∞" } else { "-∞" }));
    }
    let fixed = number::to_fixed(x.abs(), 3);
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 || (x == 0.0 && x.is_sign_negative()) {
        "-"
    } else {
        ""
    };
    let s = if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    };
    Ok(Value::from(s.as_str()))
}

fn value_of(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Number(this_number(interp, this, "valueOf")?))
}

// ───────────── Boolean ─────────────

fn boolean_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let b = arg(args, 0).to_boolean();
    match nt {
        None => Ok(Value::Bool(b)),
        Some(nt) => Ok(Value::Object(interp.create_from_new_target(
            Some(nt),
            |i| &i.boolean_proto,
            ObjectKind::Boolean(b),
        )?)),
    }
}

fn this_boolean(interp: &mut Interp, this: &Value, method: &str) -> JsResult<bool> {
    match this {
        Value::Bool(b) => return Ok(*b),
        Value::Object(o) => {
            if let ObjectKind::Boolean(b) = o.borrow().kind {
                return Ok(b);
            }
        }
        _ => {}
    }
    Err(interp.throw_type_error(&format!(
        "Boolean.prototype.{method} requires that 'this' be a Boolean"
    )))
}

fn boolean_to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let b = this_boolean(interp, this, "toString")?;
    Ok(Value::from(if b { "true" } else { "false" }))
}

fn boolean_value_of(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(this_boolean(interp, this, "valueOf")?))
}

// ───────────── global functions ─────────────

fn parse_int(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let s = ops::to_string(interp, &arg(args, 0))?;
    let radix = ops::to_int32(interp, &arg(args, 1))?;
    Ok(Value::Number(number::parse_int(&s, radix)))
}

fn parse_float(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let s = ops::to_string(interp, &arg(args, 0))?;
    Ok(Value::Number(number::parse_float(&s)))
}

fn is_nan(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(ops::to_number(interp, &arg(args, 0))?.is_nan()))
}

fn is_finite(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(
        ops::to_number(interp, &arg(args, 0))?.is_finite(),
    ))
}

const URI_RESERVED: &str = ";/?:@&=+$,";
const URI_MARK: &str = "-_.!~*'()";

fn uri_unescaped(u: u16) -> bool {
    u < 0x80 && {
        let c = u as u8 as char;
        c.is_ascii_alphanumeric() || URI_MARK.contains(c)
    }
}

fn uri_error(interp: &mut Interp) -> crate::interp::Throw {
    let p = interp.intrinsics.uri_error_proto.clone();
    interp.throw_error(p, "URI malformed")
}

/// Encode(string, extraUnescaped) (ECMA-262 §19.2.6.5).
fn encode(interp: &mut Interp, v: &Value, extra: &str) -> JsResult<Value> {
    let s = ops::to_string(interp, v)?;
    let units = s.as_slice();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut k = 0;
    while k < units.len() {
        let c = units[k];
        if uri_unescaped(c) || (c < 0x80 && extra.contains(c as u8 as char)) {
            out.push(c);
            k += 1;
            continue;
        }
        let cp = match c {
            0xDC00..=0xDFFF => return Err(uri_error(interp)),
            0xD800..=0xDBFF => match units.get(k + 1) {
                Some(&lo) if (0xDC00..=0xDFFF).contains(&lo) => {
                    k += 1;
                    0x10000 + ((u32::from(c) - 0xD800) << 10) + (u32::from(lo) - 0xDC00)
                }
                _ => return Err(uri_error(interp)),
            },
            _ => u32::from(c),
        };
        k += 1;
        let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        for b in ch.encode_utf8(&mut buf).bytes() {
            for unit in format!("%{b:02X}").encode_utf16() {
                out.push(unit);
            }
        }
    }
    Ok(Value::String(JsString::from_vec(out)))
}

fn hex_byte(units: &[u16], at: usize) -> Option<u8> {
    let h = |u: u16| char::from_u32(u32::from(u))?.to_digit(16);
    let hi = h(*units.get(at)?)?;
    let lo = h(*units.get(at + 1)?)?;
    Some((hi * 16 + lo) as u8)
}

/// Decode(string, preserveEscapeSet) (ECMA-262 §19.2.6.6).
fn decode(interp: &mut Interp, v: &Value, preserve: &str) -> JsResult<Value> {
    let s = ops::to_string(interp, v)?;
    let units = s.as_slice();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut k = 0;
    while k < units.len() {
        let c = units[k];
        if c != u16::from(b'%') {
            out.push(c);
            k += 1;
            continue;
        }
        let start = k;
        let Some(b) = hex_byte(units, k + 1) else {
            return Err(uri_error(interp));
        };
        k += 3;
        if b < 0x80 {
            if preserve.contains(b as char) {
                out.extend_from_slice(&units[start..k]);
            } else {
                out.push(u16::from(b));
            }
            continue;
        }
        let n = b.leading_ones() as usize;
        if n == 1 || n > 4 {
            return Err(uri_error(interp));
        }
        let mut octets = vec![b];
        for _ in 1..n {
            if units.get(k) != Some(&u16::from(b'%')) {
                return Err(uri_error(interp));
            }
            let Some(b) = hex_byte(units, k + 1) else {
                return Err(uri_error(interp));
            };
            if b & 0xC0 != 0x80 {
                return Err(uri_error(interp));
            }
            octets.push(b);
            k += 3;
        }
        // std's UTF-8 decoder rejects overlong forms and surrogates, as the spec requires.
        let Ok(text) = std::str::from_utf8(&octets) else {
            return Err(uri_error(interp));
        };
        out.extend(text.encode_utf16());
    }
    Ok(Value::String(JsString::from_vec(out)))
}

fn encode_uri(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    encode(interp, &arg(args, 0), ";/?:@&=+$,#")
}

fn encode_uri_component(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    encode(interp, &arg(args, 0), "")
}

fn decode_uri(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    decode(interp, &arg(args, 0), ";/?:@&=+$,#")
}

fn decode_uri_component(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    decode(interp, &arg(args, 0), "")
}

/// A non-writable, non-enumerable, non-configurable data property (constants).
fn constant(obj: &JsObject, name: &str, v: Value) {
    obj.borrow_mut().properties.insert(
        PropertyKey::String(Atom::intern_str(name)),
        Property::data(v, Attributes::NONE),
    );
}

pub fn install(interp: &mut Interp) {
    let _ = URI_RESERVED;
    let np = interp.intrinsics.number_proto.clone();
    np.borrow_mut().kind = ObjectKind::Number(0.0);
    let nc = constructor(interp, "Number", 1, number_ctor, &np);
    for (name, v) in [
        ("EPSILON", f64::EPSILON),
        ("MAX_SAFE_INTEGER", 9_007_199_254_740_991.0),
        ("MAX_VALUE", f64::MAX),
        ("MIN_SAFE_INTEGER", -9_007_199_254_740_991.0),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
    ] {
        constant(&nc, name, Value::Number(v));
    }
    type F = crate::interp::function::NativeFn;
    let statics: [(&str, u32, F); 4] = [
        ("isFinite", 1, is_finite_static),
        ("isInteger", 1, is_integer),
        ("isNaN", 1, is_nan_static),
        ("isSafeInteger", 1, is_safe_integer),
    ];
    for (name, len, f) in statics {
        method(interp, &nc, name, len, f);
    }
    let protos: [(&str, u32, F); 6] = [
        ("toExponential", 1, to_exponential),
        ("toFixed", 1, to_fixed),
        ("toLocaleString", 0, to_locale_string),
        ("toPrecision", 1, to_precision),
        ("toString", 1, to_string),
        ("valueOf", 0, value_of),
    ];
    for (name, len, f) in protos {
        method(interp, &np, name, len, f);
    }
    // `Number.parseInt === parseInt` and `Number.parseFloat === parseFloat`: one object each.
    for (name, len, f) in [
        ("parseInt", 2, parse_int as F),
        ("parseFloat", 1, parse_float),
    ] {
        let func = Value::Object(native(interp, name, len, f, false));
        global_value(interp, name, func.clone());
        props::define_hidden(&nc, PropertyKey::String(Atom::intern_str(name)), func);
    }
    let globals: [(&str, u32, F); 6] = [
        ("isNaN", 1, is_nan),
        ("isFinite", 1, is_finite),
        ("encodeURI", 1, encode_uri),
        ("encodeURIComponent", 1, encode_uri_component),
        ("decodeURI", 1, decode_uri),
        ("decodeURIComponent", 1, decode_uri_component),
    ];
    for (name, len, f) in globals {
        let func = Value::Object(native(interp, name, len, f, false));
        global_value(interp, name, func);
    }

    let bp = interp.intrinsics.boolean_proto.clone();
    bp.borrow_mut().kind = ObjectKind::Boolean(false);
    constructor(interp, "Boolean", 1, boolean_ctor, &bp);
    method(interp, &bp, "toString", 0, boolean_to_string);
    method(interp, &bp, "valueOf", 0, boolean_value_of);
}
