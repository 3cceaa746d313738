//! `Array`: the constructor, `Array.isArray`, and the prototype methods the vertical slice
//! needs (push, pop, join, indexOf, includes, slice, concat, reverse, forEach, map, filter,
//! reduce, some, every, find, sort with a comparator).
//!
//! Not yet: the rest of the ES2023 surface (splice, flat, toSorted, with, iterators …).

pub mod iterator;

use super::{arg, constructor, method};
use crate::interp::{ops, props, Interp, JsResult};
use crate::value::object::IterationKind;
use crate::value::{Atom, JsObject, JsString, PropertyKey, Value, WellKnown};

/// 2^53 - 1: the largest length of an array-like (ToLength's bound).
pub const MAX_SAFE_LENGTH: u64 = (1 << 53) - 1;

/// The property key of index `i` of an array-like: an array index below 2^32 - 1, else the
/// canonical numeric string ("4294967295", "9007199254740990", …).
pub fn index_key(i: u64) -> PropertyKey {
    if i < u64::from(u32::MAX) {
        PropertyKey::Index(i as u32)
    } else {
        PropertyKey::String(Atom::intern(&crate::value::number::to_string(i as f64)))
    }
}

/// ToLength(v).
pub fn to_length(interp: &mut Interp, v: &Value) -> JsResult<u64> {
    let n = crate::value::number::to_integer_or_infinity(ops::to_number(interp, v)?);
    Ok(if n <= 0.0 {
        0
    } else {
        n.min(MAX_SAFE_LENGTH as f64) as u64
    })
}

/// LengthOfArrayLike(obj): ToLength(Get(obj, "length")).
pub fn length_of_array_like(interp: &mut Interp, o: &Value) -> JsResult<u64> {
    if let Value::Object(obj) = o {
        if let crate::value::ObjectKind::Array(a) = &obj.borrow().kind {
            return Ok(u64::from(a.length));
        }
    }
    let len = props::get(interp, o, &PropertyKey::String(crate::value::atoms::LENGTH))?;
    to_length(interp, &len)
}

fn this_array(interp: &mut Interp, this: &Value) -> JsResult<(JsObject, u32)> {
    let o = ops::to_object(interp, this)?;
    let len = props::get(
        interp,
        this,
        &PropertyKey::String(crate::value::atoms::LENGTH),
    )?;
    let len = ops::to_number(interp, &len)?;
    let len = if len.is_nan() || len < 0.0 {
        0
    } else {
        len.min(u32::MAX as f64) as u32
    };
    Ok((o, len))
}

fn elements(interp: &mut Interp, this: &Value) -> JsResult<Vec<Value>> {
    let (_, len) = this_array(interp, this)?;
    (0..len)
        .map(|i| props::get(interp, this, &PropertyKey::Index(i)))
        .collect()
}

fn array_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    if let [Value::Number(n)] = args {
        let len = *n as u32;
        if len as f64 != *n {
            return Err(interp.throw_range_error("Invalid array length"));
        }
        let arr = interp.new_array(Vec::new());
        props::set(
            interp,
            &Value::Object(arr.clone()),
            PropertyKey::String(crate::value::atoms::LENGTH),
            Value::Number(*n),
        )?;
        return Ok(Value::Object(arr));
    }
    Ok(Value::Object(interp.new_array(args.to_vec())))
}

fn is_array(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(
        matches!(arg(args, 0), Value::Object(o) if o.kind_name() == "Array"),
    ))
}

fn push(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let (_, mut len) = this_array(interp, this)?;
    for a in args {
        props::set(interp, this, PropertyKey::Index(len), a.clone())?;
        len += 1;
    }
    props::set(
        interp,
        this,
        PropertyKey::String(crate::value::atoms::LENGTH),
        Value::Number(len as f64),
    )?;
    Ok(Value::Number(len as f64))
}

fn pop(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let (_, len) = this_array(interp, this)?;
    if len == 0 {
        return Ok(Value::Undefined);
    }
    let v = props::get(interp, this, &PropertyKey::Index(len - 1))?;
    props::set(
        interp,
        this,
        PropertyKey::String(crate::value::atoms::LENGTH),
        Value::Number((len - 1) as f64),
    )?;
    Ok(v)
}

fn join(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let sep = match arg(args, 0) {
        Value::Undefined => JsString::from(","),
        v => ops::to_string(interp, &v)?,
    };
    let mut pieces = Vec::new();
    for (i, v) in elements(interp, this)?.into_iter().enumerate() {
        if i > 0 {
            pieces.push(sep.clone());
        }
        if !v.is_nullish() {
            pieces.push(ops::to_string(interp, &v)?);
        }
    }
    JsString::concat_all(&pieces)
        .map(Value::String)
        .map_err(|_| interp.throw_range_error("Invalid string length"))
}

fn to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    join(interp, this, &[])
}

fn index_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let target = arg(args, 0);
    let pos = elements(interp, this)?
        .iter()
        .position(|v| v.strict_equals(&target));
    Ok(Value::Number(pos.map_or(-1.0, |p| p as f64)))
}

fn includes(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let target = arg(args, 0);
    Ok(Value::Bool(
        elements(interp, this)?
            .iter()
            .any(|v| v.same_value_zero(&target)),
    ))
}

fn relative(interp: &mut Interp, v: &Value, len: u32, default: u32) -> JsResult<u32> {
    if v.is_undefined() {
        return Ok(default);
    }
    let n = crate::value::number::to_integer_or_infinity(ops::to_number(interp, v)?);
    Ok(if n < 0.0 {
        (len as f64 + n).max(0.0) as u32
    } else {
        n.min(len as f64) as u32
    })
}

fn slice(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let all = elements(interp, this)?;
    let len = all.len() as u32;
    let start = relative(interp, &arg(args, 0), len, 0)?;
    let end = relative(interp, &arg(args, 1), len, len)?;
    let out = if start < end {
        all[start as usize..end as usize].to_vec()
    } else {
        Vec::new()
    };
    Ok(Value::Object(interp.new_array(out)))
}

fn concat(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let mut out = elements(interp, this)?;
    for a in args {
        match a {
            Value::Object(o) if o.kind_name() == "Array" => out.extend(elements(interp, a)?),
            v => out.push(v.clone()),
        }
    }
    Ok(Value::Object(interp.new_array(out)))
}

fn reverse(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let mut all = elements(interp, this)?;
    all.reverse();
    for (i, v) in all.into_iter().enumerate() {
        props::set(interp, this, PropertyKey::Index(i as u32), v)?;
    }
    Ok(this.clone())
}

/// Calls `f(element, index, array)` for each element; `step` decides whether to go on.
fn each(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    mut step: impl FnMut(&Value, Value, u32) -> Option<Value>,
) -> JsResult<Option<Value>> {
    let f = arg(args, 0);
    if !crate::interp::function::is_callable(&f) {
        let s = super::console::inspect_short(&f);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    let this_arg = arg(args, 1);
    let (_, len) = this_array(interp, this)?;
    for i in 0..len {
        let key = PropertyKey::Index(i);
        if !props::has_property(interp, this, &key)? {
            continue;
        }
        let v = props::get(interp, this, &key)?;
        let r = interp.call(
            &f,
            this_arg.clone(),
            &[v.clone(), Value::Number(i as f64), this.clone()],
        )?;
        if let Some(done) = step(&v, r, i) {
            return Ok(Some(done));
        }
    }
    Ok(None)
}

fn for_each(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    each(interp, this, args, |_, _, _| None)?;
    Ok(Value::Undefined)
}

fn map(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let mut out = Vec::new();
    each(interp, this, args, |_, r, _| {
        out.push(r);
        None
    })?;
    Ok(Value::Object(interp.new_array(out)))
}

fn filter(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let mut out = Vec::new();
    each(interp, this, args, |v, r, _| {
        if r.to_boolean() {
            out.push(v.clone());
        }
        None
    })?;
    Ok(Value::Object(interp.new_array(out)))
}

fn some(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let found = each(interp, this, args, |_, r, _| {
        r.to_boolean().then_some(Value::Bool(true))
    })?;
    Ok(Value::Bool(found.is_some()))
}

fn every(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let failed = each(interp, this, args, |_, r, _| {
        (!r.to_boolean()).then_some(Value::Bool(false))
    })?;
    Ok(Value::Bool(failed.is_none()))
}

fn find(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let found = each(interp, this, args, |v, r, _| {
        r.to_boolean().then(|| v.clone())
    })?;
    Ok(found.unwrap_or(Value::Undefined))
}

fn reduce(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let f = arg(args, 0);
    let all = elements(interp, this)?;
    let mut iter = all.into_iter().enumerate();
    let mut acc = match args.get(1) {
        Some(v) => v.clone(),
        None => match iter.next() {
            Some((_, v)) => v,
            None => {
                return Err(interp.throw_type_error("Reduce of empty array with no initial value"))
            }
        },
    };
    for (i, v) in iter {
        acc = interp.call(
            &f,
            Value::Undefined,
            &[acc, v, Value::Number(i as f64), this.clone()],
        )?;
    }
    Ok(acc)
}

fn sort(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let cmp = arg(args, 0);
    let mut all = elements(interp, this)?;
    // Merge sort (stable, as the spec requires) with a fallible comparator.
    let mut error = None;
    let mut keyed: Vec<(Value, JsString)> = Vec::with_capacity(all.len());
    for v in all.drain(..) {
        let s = if cmp.is_undefined() && !v.is_undefined() {
            ops::to_string(interp, &v)?
        } else {
            JsString::empty()
        };
        keyed.push((v, s));
    }
    let mut less_or_equal =
        |interp: &mut Interp, a: &(Value, JsString), b: &(Value, JsString)| -> bool {
            if error.is_some() {
                return true;
            }
            match (&a.0, &b.0) {
                (Value::Undefined, _) => return b.0.is_undefined(),
                (_, Value::Undefined) => return true,
                _ => {}
            }
            if cmp.is_undefined() {
                return a.1.as_slice() <= b.1.as_slice();
            }
            match interp
                .call(&cmp, Value::Undefined, &[a.0.clone(), b.0.clone()])
                .and_then(|r| ops::to_number(interp, &r))
            {
                // NaN compares as equal (keeps order).
                Ok(n) => n <= 0.0 || n.is_nan(),
                Err(t) => {
                    error = Some(t);
                    true
                }
            }
        };
    let mut v = keyed;
    let mut width = 1;
    while width < v.len() {
        let mut merged = Vec::with_capacity(v.len());
        let mut i = 0;
        while i < v.len() {
            let mid = (i + width).min(v.len());
            let end = (i + 2 * width).min(v.len());
            let (mut a, mut b) = (i, mid);
            while a < mid && b < end {
                if less_or_equal(interp, &v[a], &v[b]) {
                    merged.push(v[a].clone());
                    a += 1;
                } else {
                    merged.push(v[b].clone());
                    b += 1;
                }
            }
            merged.extend_from_slice(&v[a..mid]);
            merged.extend_from_slice(&v[b..end]);
            i = end;
        }
        v = merged;
        width *= 2;
    }
    if let Some(t) = error {
        return Err(t);
    }
    for (i, (val, _)) in v.into_iter().enumerate() {
        props::set(interp, this, PropertyKey::Index(i as u32), val)?;
    }
    Ok(this.clone())
}

fn iterator_of(interp: &mut Interp, this: &Value, kind: IterationKind) -> JsResult<Value> {
    let o = ops::to_object(interp, this)?;
    Ok(iterator::create_array_iterator(interp, o, kind))
}

fn keys(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    iterator_of(interp, this, IterationKind::Keys)
}

fn values(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    iterator_of(interp, this, IterationKind::Values)
}

fn entries(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    iterator_of(interp, this, IterationKind::Entries)
}

pub fn install(interp: &mut Interp) {
    iterator::install(interp);
    let proto = interp.intrinsics.array_proto.clone();
    let ctor = constructor(interp, "Array", 1, array_ctor, &proto);
    method(interp, &ctor, "isArray", 1, is_array);
    for (name, len, f) in [
        ("push", 1, push as crate::interp::function::NativeFn),
        ("pop", 0, pop),
        ("join", 1, join),
        ("toString", 0, to_string),
        ("indexOf", 1, index_of),
        ("includes", 1, includes),
        ("slice", 2, slice),
        ("concat", 1, concat),
        ("reverse", 0, reverse),
        ("forEach", 1, for_each),
        ("map", 1, map),
        ("filter", 1, filter),
        ("some", 1, some),
        ("every", 1, every),
        ("find", 1, find),
        ("reduce", 1, reduce),
        ("sort", 1, sort),
    ] {
        method(interp, &proto, name, len, f);
    }
    method(interp, &proto, "keys", 0, keys);
    method(interp, &proto, "entries", 0, entries);
    // `values` and `[Symbol.iterator]` are the same function object.
    let values_fn = super::native(interp, "values", 0, values, false);
    let key = PropertyKey::String(Atom::intern_str("values"));
    props::define_hidden(&proto, key, Value::Object(values_fn.clone()));
    let sym = PropertyKey::Symbol(crate::value::Symbol::well_known(WellKnown::Iterator));
    props::define_hidden(&proto, sym, Value::Object(values_fn.clone()));
    interp.intrinsics.array_proto_values = values_fn;
}
