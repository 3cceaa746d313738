//! `Array.prototype` methods that change `this` in place: push, pop, shift, unshift, splice,
//! copyWithin, fill, reverse (ECMA-262 §23.1.3). Generic over array-likes; `push` and `pop`
//! have fast paths for true arrays where [[Set]]/[[Delete]] could do nothing observable beyond
//! the direct update (see `can_append_fast`).

use super::{
    array_species_create, can_append_fast, create_index, delete_index, get_if_present,
    length_of_array_like, relative_index, set_index, set_length, this_object,
    to_integer_or_infinity, MAX_SAFE_LENGTH,
};
use crate::builtins::arg;
use crate::interp::{Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::Value;

fn too_long(interp: &mut Interp) -> crate::interp::Throw {
    interp.throw_type_error("Array length exceeds the maximum safe integer")
}

/// `push(...items)`.
pub fn push(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if let Value::Object(obj) = this {
        if can_append_fast(obj) {
            let mut d = obj.borrow_mut();
            let len = match &d.kind {
                ObjectKind::Array(a) => u64::from(a.length),
                _ => 0,
            };
            // The length must stay a valid array length; past it the generic path throws.
            if len + (args.len() as u64) < super::MAX_ARRAY_LENGTH {
                for v in args {
                    d.properties.push_element(v.clone());
                }
                let new_len = len + args.len() as u64;
                if let ObjectKind::Array(a) = &mut d.kind {
                    a.length = new_len as u32;
                }
                return Ok(Value::Number(new_len as f64));
            }
        }
    }
    let o = this_object(interp, this)?;
    let mut len = length_of_array_like(interp, &o)?;
    if len + args.len() as u64 > MAX_SAFE_LENGTH {
        return Err(too_long(interp));
    }
    for v in args {
        set_index(interp, &o, len, v.clone())?;
        len += 1;
    }
    set_length(interp, &o, len)?;
    Ok(Value::Number(len as f64))
}

/// `pop()`.
pub fn pop(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    if let Value::Object(obj) = &o {
        // A true array whose last element is dense and whose length is writable: Get reads
        // it, Delete removes it (configurable), Set(length) drops nothing else.
        let mut d = obj.borrow_mut();
        if let ObjectKind::Array(a) = d.kind {
            let n = d.properties.elements().len();
            if a.length_writable && a.length as usize == n && n > 0 && d.properties.is_dense() {
                if let Some(Some(v)) = d.properties.elements().last().cloned() {
                    d.properties.truncate_indices(a.length - 1);
                    if let ObjectKind::Array(a) = &mut d.kind {
                        a.length -= 1;
                    }
                    return Ok(v);
                }
            }
        }
    }
    let len = length_of_array_like(interp, &o)?;
    if len == 0 {
        set_length(interp, &o, 0)?;
        return Ok(Value::Undefined);
    }
    let new_len = len - 1;
    let element = super::get_index(interp, &o, new_len)?;
    delete_index(interp, &o, new_len)?;
    set_length(interp, &o, new_len)?;
    Ok(element)
}

/// Moves element `from` to `to` (Set if present, else Delete): the inner step of shift,
/// unshift, splice and copyWithin.
fn move_element(interp: &mut Interp, o: &Value, from: u64, to: u64) -> JsResult<()> {
    match get_if_present(interp, o, from)? {
        Some(v) => set_index(interp, o, to, v),
        None => delete_index(interp, o, to),
    }
}

/// `shift()`.
pub fn shift(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    if let Value::Object(obj) = this {
        // A dense array with a writable length and no index properties on its prototypes (the
        // conditions of the push fast path): every Get/Set/Delete of the generic loop is a plain
        // element move, so `shift` is one move of the element vector — O(n) memmove instead of
        // n property operations (queues written with push/shift).
        if super::can_append_fast(obj) {
            let mut d = obj.borrow_mut();
            let first = d.properties.shift_elements();
            if let ObjectKind::Array(a) = &mut d.kind {
                a.length = a.length.saturating_sub(1);
            }
            return Ok(first.unwrap_or(Value::Undefined));
        }
    }
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    if len == 0 {
        set_length(interp, &o, 0)?;
        return Ok(Value::Undefined);
    }
    let first = super::get_index(interp, &o, 0)?;
    for k in 1..len {
        move_element(interp, &o, k, k - 1)?;
    }
    delete_index(interp, &o, len - 1)?;
    set_length(interp, &o, len - 1)?;
    Ok(first)
}

/// `unshift(...items)`.
pub fn unshift(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let count = args.len() as u64;
    if count > 0 {
        if len + count > MAX_SAFE_LENGTH {
            return Err(too_long(interp));
        }
        let mut k = len;
        while k > 0 {
            move_element(interp, &o, k - 1, k + count - 1)?;
            k -= 1;
        }
        for (j, v) in args.iter().enumerate() {
            set_index(interp, &o, j as u64, v.clone())?;
        }
    }
    set_length(interp, &o, len + count)?;
    Ok(Value::Number((len + count) as f64))
}

/// `splice(start, deleteCount, ...items)`.
pub fn splice(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let start = relative_index(interp, &arg(args, 0), len, 0)?;
    let items = args.get(2..).unwrap_or(&[]);
    let item_count = items.len() as u64;
    let delete_count = match args.len() {
        0 => 0,
        1 => len - start,
        _ => {
            let dc = to_integer_or_infinity(interp, &args[1])?;
            dc.clamp(0.0, (len - start) as f64) as u64
        }
    };
    if len + item_count - delete_count > MAX_SAFE_LENGTH {
        return Err(too_long(interp));
    }
    let a = array_species_create(interp, &o, delete_count)?;
    for k in 0..delete_count {
        if let Some(v) = get_if_present(interp, &o, start + k)? {
            create_index(interp, &a, k, v)?;
        }
    }
    set_length(interp, &a, delete_count)?;
    if item_count < delete_count {
        for k in start..len - delete_count {
            move_element(interp, &o, k + delete_count, k + item_count)?;
        }
        let mut k = len;
        while k > len - delete_count + item_count {
            delete_index(interp, &o, k - 1)?;
            k -= 1;
        }
    } else if item_count > delete_count {
        let mut k = len - delete_count;
        while k > start {
            move_element(interp, &o, k + delete_count - 1, k + item_count - 1)?;
            k -= 1;
        }
    }
    for (j, v) in items.iter().enumerate() {
        set_index(interp, &o, start + j as u64, v.clone())?;
    }
    set_length(interp, &o, len - delete_count + item_count)?;
    Ok(a)
}

/// `copyWithin(target, start, end)`.
pub fn copy_within(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    // ToIntegerOrInfinity(undefined) is 0: `target`/`start` default to the start.
    let to = relative_index(interp, &arg(args, 0), len, 0)?;
    let from = relative_index(interp, &arg(args, 1), len, 0)?;
    let fin = relative_index(interp, &arg(args, 2), len, len)?;
    let count = fin.saturating_sub(from).min(len - to);
    if count == 0 {
        return Ok(o);
    }
    if from < to && to < from + count {
        for i in (0..count).rev() {
            move_element(interp, &o, from + i, to + i)?;
        }
    } else {
        for i in 0..count {
            move_element(interp, &o, from + i, to + i)?;
        }
    }
    Ok(o)
}

/// `fill(value, start, end)`.
pub fn fill(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let value = arg(args, 0);
    let k = relative_index(interp, &arg(args, 1), len, 0)?;
    let fin = relative_index(interp, &arg(args, 2), len, len)?;
    for i in k..fin.max(k) {
        set_index(interp, &o, i, value.clone())?;
    }
    Ok(o)
}

/// `reverse()`.
pub fn reverse(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    // Every index below `len` an own dense element: the swaps are plain value exchanges (no
    // getter, setter or deletion is involved, and no code runs).
    let mut values = Vec::new();
    if super::take_dense_run(&o, 0, len, &mut values) == len {
        values.reverse();
        let mut values = values.into_iter();
        let written = super::set_dense_run(&o, 0, &mut values);
        debug_assert_eq!(written, len);
        return Ok(o);
    }
    drop(values);
    let middle = len / 2;
    for lower in 0..middle {
        let upper = len - lower - 1;
        let lower_value = get_if_present(interp, &o, lower)?;
        let upper_value = get_if_present(interp, &o, upper)?;
        match (lower_value, upper_value) {
            (Some(lv), Some(uv)) => {
                set_index(interp, &o, lower, uv)?;
                set_index(interp, &o, upper, lv)?;
            }
            (None, Some(uv)) => {
                set_index(interp, &o, lower, uv)?;
                delete_index(interp, &o, upper)?;
            }
            (Some(lv), None) => {
                delete_index(interp, &o, lower)?;
                set_index(interp, &o, upper, lv)?;
            }
            (None, None) => {}
        }
    }
    Ok(o)
}
