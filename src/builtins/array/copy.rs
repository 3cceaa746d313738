//! `Array.prototype` methods that build a new array from `this`: concat, slice, flat, flatMap
//! (through ArraySpeciesCreate) and the ES2023 change-array-by-copy methods toReversed,
//! toSpliced, with (always a plain %Array%; `toSorted` lives with `sort`).
//!
//! The change-array-by-copy results are fresh arrays nobody can observe until returned, so they
//! are collected in a vector and built at once (after the RangeError check ArrayCreate makes
//! first).

use super::{
    array_species_create, callback_arg, create_index, get_if_present, get_index, is_array_value,
    length_of_array_like, relative_index, set_length, this_object, to_integer_or_infinity,
    MAX_ARRAY_LENGTH, MAX_SAFE_LENGTH,
};
use crate::builtins::arg;
use crate::interp::{props, Interp, JsResult, Throw};
use crate::value::{PropertyKey, Symbol, Value, WellKnown};

fn too_long(interp: &mut Interp) -> Throw {
    interp.throw_type_error("Array length exceeds the maximum safe integer")
}

/// IsConcatSpreadable(O).
fn is_concat_spreadable(interp: &mut Interp, o: &Value) -> JsResult<bool> {
    if !matches!(o, Value::Object(_)) {
        return Ok(false);
    }
    let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::IsConcatSpreadable));
    let spreadable = props::get(interp, o, &key)?;
    if !spreadable.is_undefined() {
        return Ok(spreadable.to_boolean());
    }
    is_array_value(interp, o)
}

/// `concat(...items)`.
pub fn concat(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let a = array_species_create(interp, &o, 0)?;
    let mut n: u64 = 0;
    for e in std::iter::once(&o).chain(args) {
        if is_concat_spreadable(interp, e)? {
            let len = length_of_array_like(interp, e)?;
            if n + len > MAX_SAFE_LENGTH {
                return Err(too_long(interp));
            }
            for k in 0..len {
                if let Some(v) = get_if_present(interp, e, k)? {
                    create_index(interp, &a, n, v)?;
                }
                n += 1;
            }
        } else {
            if n >= MAX_SAFE_LENGTH {
                return Err(too_long(interp));
            }
            create_index(interp, &a, n, e.clone())?;
            n += 1;
        }
    }
    set_length(interp, &a, n)?;
    Ok(a)
}

/// `slice(start, end)`.
pub fn slice(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let k = relative_index(interp, &arg(args, 0), len, 0)?;
    let fin = relative_index(interp, &arg(args, 1), len, len)?;
    let count = fin.saturating_sub(k);
    let a = array_species_create(interp, &o, count)?;
    let mut i = k;
    // Defining elements on anything but a proxy runs no code: the source's leading dense
    // elements can be read in one pass first.
    if matches!(&a, Value::Object(ao) if !props::is_proxy(ao)) {
        let mut values = Vec::new();
        i = super::take_dense_run(&o, k, fin, &mut values);
        for (n, v) in values.into_iter().enumerate() {
            create_index(interp, &a, n as u64, v)?;
        }
    }
    while i < fin {
        if let Some(v) = get_if_present(interp, &o, i)? {
            create_index(interp, &a, i - k, v)?;
        }
        i += 1;
    }
    set_length(interp, &a, count)?;
    Ok(a)
}

/// Nesting limit of FlattenIntoArray's recursion (a RangeError past it, never a Rust stack
/// overflow on a deeply nested array).
const MAX_FLATTEN_DEPTH: u32 = 10_000;

/// FlattenIntoArray(target, source, sourceLen, start, depth [, mapper, thisArg]).
#[allow(clippy::too_many_arguments)]
fn flatten_into_array(
    interp: &mut Interp,
    target: &Value,
    source: &Value,
    source_len: u64,
    start: u64,
    depth: f64,
    mapper: Option<(&Value, &Value)>,
    nesting: u32,
) -> JsResult<u64> {
    if nesting > MAX_FLATTEN_DEPTH {
        return Err(interp.throw_range_error("Maximum call stack size exceeded"));
    }
    let mut target_index = start;
    for source_index in 0..source_len {
        let Some(mut element) = get_if_present(interp, source, source_index)? else {
            continue;
        };
        if let Some((f, this_arg)) = mapper {
            element = interp.call(
                f,
                this_arg.clone(),
                &[element, Value::Number(source_index as f64), source.clone()],
            )?;
        }
        if depth > 0.0 && is_array_value(interp, &element)? {
            let element_len = length_of_array_like(interp, &element)?;
            target_index = flatten_into_array(
                interp,
                target,
                &element,
                element_len,
                target_index,
                depth - 1.0,
                None,
                nesting + 1,
            )?;
        } else {
            if target_index >= MAX_SAFE_LENGTH {
                return Err(too_long(interp));
            }
            create_index(interp, target, target_index, element)?;
            target_index += 1;
        }
    }
    Ok(target_index)
}

/// `flat(depth)`.
pub fn flat(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let source_len = length_of_array_like(interp, &o)?;
    let depth = match arg(args, 0) {
        Value::Undefined => 1.0,
        d => to_integer_or_infinity(interp, &d)?.max(0.0),
    };
    let a = array_species_create(interp, &o, 0)?;
    flatten_into_array(interp, &a, &o, source_len, 0, depth, None, 0)?;
    Ok(a)
}

/// `flatMap(mapper, thisArg)`.
pub fn flat_map(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let source_len = length_of_array_like(interp, &o)?;
    let f = callback_arg(interp, args, 0)?;
    let this_arg = arg(args, 1);
    let a = array_species_create(interp, &o, 0)?;
    flatten_into_array(interp, &a, &o, source_len, 0, 1.0, Some((&f, &this_arg)), 0)?;
    Ok(a)
}

/// ArrayCreate's RangeError, checked before any element is read.
fn check_array_length(interp: &mut Interp, len: u64) -> JsResult<()> {
    if len > MAX_ARRAY_LENGTH {
        return Err(interp.throw_range_error("Invalid array length"));
    }
    Ok(())
}

/// A vector capacity for `len` elements: reserved up front only while small, so an array-like
/// with a huge `length` cannot make us allocate before its elements are read.
fn capacity(len: u64) -> usize {
    len.min(1 << 16) as usize
}

/// `toReversed()`.
pub fn to_reversed(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    check_array_length(interp, len)?;
    let mut out = Vec::with_capacity(capacity(len));
    for k in 0..len {
        out.push(get_index(interp, &o, len - k - 1)?);
    }
    Ok(Value::Object(interp.new_array(out)))
}

/// `toSpliced(start, skipCount, ...items)`.
pub fn to_spliced(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let start = relative_index(interp, &arg(args, 0), len, 0)?;
    let items = args.get(2..).unwrap_or(&[]);
    let skip = match args.len() {
        0 => 0,
        1 => len - start,
        _ => {
            let sc = to_integer_or_infinity(interp, &args[1])?;
            sc.clamp(0.0, (len - start) as f64) as u64
        }
    };
    let new_len = len + items.len() as u64 - skip;
    if new_len > MAX_SAFE_LENGTH {
        return Err(too_long(interp));
    }
    check_array_length(interp, new_len)?;
    let mut out = Vec::with_capacity(capacity(new_len));
    for i in 0..start {
        out.push(get_index(interp, &o, i)?);
    }
    out.extend(items.iter().cloned());
    for r in start + skip..len {
        out.push(get_index(interp, &o, r)?);
    }
    Ok(Value::Object(interp.new_array(out)))
}

/// `with(index, value)`.
pub fn with(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let rel = to_integer_or_infinity(interp, &arg(args, 0))?;
    let actual = if rel >= 0.0 { rel } else { len as f64 + rel };
    if actual >= len as f64 || actual < 0.0 {
        return Err(interp.throw_range_error("Invalid index"));
    }
    let actual = actual as u64;
    check_array_length(interp, len)?;
    let value = arg(args, 1);
    let mut out = Vec::with_capacity(capacity(len));
    for k in 0..len {
        out.push(if k == actual {
            value.clone()
        } else {
            get_index(interp, &o, k)?
        });
    }
    Ok(Value::Object(interp.new_array(out)))
}
