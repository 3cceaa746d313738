//! `String`, `Number` and `Boolean`: the constructors (conversion when called), and the
//! `String.prototype` methods the vertical slice needs; `Number.prototype.toString/toFixed`.
//!
//! Not yet: the rest of each surface (replace, match, normalize, padStart, …).

use super::{arg, constructor, method};
use crate::interp::{ops, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::{number, JsString, Value};

fn this_str(interp: &mut Interp, this: &Value) -> JsResult<JsString> {
    match this {
        Value::Object(o) => {
            if let ObjectKind::String(s) = &o.borrow().kind {
                return Ok(s.clone());
            }
            ops::to_string(interp, this)
        }
        Value::Undefined | Value::Null => {
            Err(interp.throw_type_error("String.prototype method called on null or undefined"))
        }
        v => ops::to_string(interp, v),
    }
}

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

fn units(s: &JsString) -> &[u16] {
    s.as_slice()
}

fn find(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(hay.len()));
    }
    (from..=hay.len().saturating_sub(needle.len()))
        .find(|&i| i + needle.len() <= hay.len() && &hay[i..i + needle.len()] == needle)
}

fn index_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let n = ops::to_string(interp, &arg(args, 0))?;
    let from = ops::to_number(interp, &arg(args, 1))?;
    let from = if from.is_nan() {
        0
    } else {
        from.max(0.0).min(s.len() as f64) as usize
    };
    Ok(Value::Number(
        find(units(&s), units(&n), from).map_or(-1.0, |i| i as f64),
    ))
}

fn last_index_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let n = ops::to_string(interp, &arg(args, 0))?;
    let (h, nd) = (units(&s), units(&n));
    let found = (0..=h.len().saturating_sub(nd.len()))
        .rev()
        .find(|&i| i + nd.len() <= h.len() && &h[i..i + nd.len()] == nd);
    Ok(Value::Number(found.map_or(-1.0, |i| i as f64)))
}

fn includes(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let n = ops::to_string(interp, &arg(args, 0))?;
    Ok(Value::Bool(find(units(&s), units(&n), 0).is_some()))
}

fn rel(interp: &mut Interp, v: &Value, len: usize, default: usize) -> JsResult<usize> {
    if v.is_undefined() {
        return Ok(default);
    }
    let n = number::to_integer_or_infinity(ops::to_number(interp, v)?);
    Ok(if n < 0.0 {
        (len as f64 + n).max(0.0) as usize
    } else {
        n.min(len as f64) as usize
    })
}

fn slice(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let start = rel(interp, &arg(args, 0), s.len(), 0)?;
    let end = rel(interp, &arg(args, 1), s.len(), s.len())?;
    Ok(Value::String(if start < end {
        s.substring(start, end)
    } else {
        JsString::empty()
    }))
}

fn substring(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let clamp = |interp: &mut Interp, v: &Value, d: usize| -> JsResult<usize> {
        if v.is_undefined() {
            return Ok(d);
        }
        let n = ops::to_number(interp, v)?;
        Ok(if n.is_nan() {
            0
        } else {
            n.max(0.0).min(s.len() as f64) as usize
        })
    };
    let a = clamp(interp, &arg(args, 0), 0)?;
    let b = clamp(interp, &arg(args, 1), s.len())?;
    Ok(Value::String(s.substring(a.min(b), a.max(b))))
}

fn char_at(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let i = ops::to_number(interp, &arg(args, 0))?;
    let i = if i.is_nan() { 0.0 } else { i.trunc() };
    Ok(Value::String(if i >= 0.0 && (i as usize) < s.len() {
        s.substring(i as usize, i as usize + 1)
    } else {
        JsString::empty()
    }))
}

fn char_code_at(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let i = ops::to_number(interp, &arg(args, 0))?;
    let i = if i.is_nan() { 0.0 } else { i.trunc() };
    Ok(Value::Number(if i >= 0.0 {
        s.code_unit_at(i as usize).map_or(f64::NAN, f64::from)
    } else {
        f64::NAN
    }))
}

fn split(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let sep = arg(args, 0);
    if sep.is_undefined() {
        return Ok(Value::Object(interp.new_array(vec![Value::String(s)])));
    }
    let sep = ops::to_string(interp, &sep)?;
    let (h, nd) = (units(&s), units(&sep));
    let mut out = Vec::new();
    if nd.is_empty() {
        out.extend((0..h.len()).map(|i| Value::String(s.substring(i, i + 1))));
    } else {
        let mut start = 0;
        while let Some(i) = find(h, nd, start) {
            if i + nd.len() > h.len() {
                break;
            }
            out.push(Value::String(s.substring(start, i)));
            start = i + nd.len();
        }
        out.push(Value::String(s.substring(start, h.len())));
    }
    Ok(Value::Object(interp.new_array(out)))
}

fn map_str(interp: &mut Interp, this: &Value, f: fn(&str) -> String) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    Ok(Value::String(JsString::from(f(&s.to_std_string_lossy()))))
}
fn to_upper(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    map_str(interp, this, |s| s.to_uppercase())
}
fn to_lower(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    map_str(interp, this, |s| s.to_lowercase())
}
fn trim(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let u = units(&s);
    let ws = |c: &u16| number::is_js_whitespace(*c);
    let start = u.iter().position(|c| !ws(c)).unwrap_or(u.len());
    let end = u.iter().rposition(|c| !ws(c)).map_or(start, |e| e + 1);
    Ok(Value::String(s.substring(start, end.max(start))))
}
fn repeat(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let n = ops::to_number(interp, &arg(args, 0))?;
    if n < 0.0 || n.is_infinite() {
        return Err(interp.throw_range_error(&format!(
            "Invalid count value: {}",
            number::to_rust_string(n)
        )));
    }
    let pieces = vec![s; n as usize];
    JsString::concat_all(&pieces)
        .map(Value::String)
        .map_err(|_| interp.throw_range_error("Invalid string length"))
}
fn starts_with(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let n = ops::to_string(interp, &arg(args, 0))?;
    Ok(Value::Bool(units(&s).starts_with(units(&n))))
}
fn ends_with(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let s = this_str(interp, this)?;
    let n = ops::to_string(interp, &arg(args, 0))?;
    Ok(Value::Bool(units(&s).ends_with(units(&n))))
}
fn string_to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::String(this_str(interp, this)?))
}

pub fn install(interp: &mut Interp) {
    let sp = interp.intrinsics.string_proto.clone();
    interp.intrinsics.string_proto.borrow_mut().kind = ObjectKind::String(JsString::empty());
    constructor(interp, "String", 1, string_ctor, &sp);
    for (name, len, f) in [
        ("indexOf", 1, index_of as crate::interp::function::NativeFn),
        ("lastIndexOf", 1, last_index_of),
        ("includes", 1, includes),
        ("slice", 2, slice),
        ("substring", 2, substring),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("split", 2, split),
        ("toUpperCase", 0, to_upper),
        ("toLowerCase", 0, to_lower),
        ("trim", 0, trim),
        ("repeat", 1, repeat),
        ("startsWith", 1, starts_with),
        ("endsWith", 1, ends_with),
        ("toString", 0, string_to_string),
        ("valueOf", 0, string_to_string),
    ] {
        method(interp, &sp, name, len, f);
    }
}
