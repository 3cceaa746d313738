//! `Array.prototype` methods that read `this` without changing it: the callback-driven ones
//! (forEach, map, filter, every, some, find*, reduce, reduceRight), the searches (at,
//! includes, indexOf, lastIndexOf) and the string conversions (join, toString,
//! toLocaleString). Each follows its ECMA-262 §23.1.3 algorithm step by step; element reads go
//! through `get_index`/`get_if_present` (an own dense element is read in place).

use std::cell::RefCell;

use super::{
    append_index_fast, array_species_create, callback_arg, create_index, fast_element,
    get_if_present, get_index, length_of_array_like, this_object, to_integer_or_infinity,
};
use crate::builtins::arg;
use crate::interp::function::{closure_slot, is_callable};
use crate::interp::{ops, props, Callback, EnteredCall, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::{Atom, JsObject, JsString, PropertyKey, Value};

fn num(k: u64) -> Value {
    Value::Number(k as f64)
}

/// `at(index)`.
pub fn at(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let rel = to_integer_or_infinity(interp, &arg(args, 0))?;
    let k = if rel >= 0.0 { rel } else { len as f64 + rel };
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    get_index(interp, &o, k as u64)
}

/// The loop shared by forEach/map/filter/every/some: visits present elements in order, calls
/// the callback with (value, index, O), and hands its result to `step` (`true`: stop).
///
/// The callback stays entered ([`Interp::call_entered`]) while nothing else can run code:
/// own dense elements are read in place; any other read leaves it first, and so must `step`
/// before anything that may run code (it gets the entry to leave).
fn visit_present(
    interp: &mut Interp,
    o: &Value,
    len: u64,
    f: &Value,
    this_arg: &Value,
    mut step: impl FnMut(&mut Interp, &mut Option<EnteredCall>, Value, u64, Value) -> JsResult<bool>,
) -> JsResult<bool> {
    let f = &Callback::new(f);
    let mut entered = None;
    let r = (|| {
        for k in 0..len {
            let v = match fast_element(o, k) {
                Some(v) => v,
                None => {
                    interp.leave_callback(&mut entered);
                    match get_if_present(interp, o, k)? {
                        Some(v) => v,
                        None => continue,
                    }
                }
            };
            let r = interp.call_entered(f, &mut entered, this_arg, [&v, &num(k), o])?;
            if step(interp, &mut entered, v, k, r)? {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    interp.leave_callback(&mut entered);
    r
}

/// `forEach(callbackfn, thisArg)`.
pub fn for_each(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let f = callback_arg(interp, args, 0)?;
    visit_present(interp, &o, len, &f, &arg(args, 1), |_, _, _, _, _| {
        Ok(false)
    })?;
    Ok(Value::Undefined)
}

/// `every(callbackfn, thisArg)`.
pub fn every(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let f = callback_arg(interp, args, 0)?;
    let failed = visit_present(interp, &o, len, &f, &arg(args, 1), |_, _, _, _, r| {
        Ok(!r.to_boolean())
    })?;
    Ok(Value::Bool(!failed))
}

/// `some(callbackfn, thisArg)`.
pub fn some(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let f = callback_arg(interp, args, 0)?;
    let found = visit_present(interp, &o, len, &f, &arg(args, 1), |_, _, _, _, r| {
        Ok(r.to_boolean())
    })?;
    Ok(Value::Bool(found))
}

/// CreateDataPropertyOrThrow(A, k, v) from inside a `visit_present` step: in place when
/// that runs no code, else after leaving the entered callback (a general definition can
/// run a proxy trap or setter).
fn append_entered(
    interp: &mut Interp,
    entered: &mut Option<EnteredCall>,
    a: &Value,
    k: u64,
    v: Value,
) -> JsResult<()> {
    if let Err(v) = append_index_fast(a, k, v) {
        interp.leave_callback(entered);
        create_index(interp, a, k, v)?;
    }
    Ok(())
}

/// `map(callbackfn, thisArg)`: ArraySpeciesCreate(O, len), holes stay holes.
pub fn map(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let f = callback_arg(interp, args, 0)?;
    let a = array_species_create(interp, &o, len)?;
    visit_present(
        interp,
        &o,
        len,
        &f,
        &arg(args, 1),
        |interp, entered, _, k, r| {
            append_entered(interp, entered, &a, k, r)?;
            Ok(false)
        },
    )?;
    Ok(a)
}

/// `filter(callbackfn, thisArg)`.
pub fn filter(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let f = callback_arg(interp, args, 0)?;
    let a = array_species_create(interp, &o, 0)?;
    let mut to = 0;
    visit_present(
        interp,
        &o,
        len,
        &f,
        &arg(args, 1),
        |interp, entered, v, _, r| {
            if r.to_boolean() {
                append_entered(interp, entered, &a, to, v)?;
                to += 1;
            }
            Ok(false)
        },
    )?;
    Ok(a)
}

/// FindViaPredicate (find/findIndex/findLast/findLastIndex): every index is read, holes
/// included. Returns the index and value found.
fn find_via_predicate(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    ascending: bool,
) -> JsResult<Option<(u64, Value)>> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let pred = callback_arg(interp, args, 0)?;
    let this_arg = arg(args, 1);
    let pred = Callback::new(&pred);
    // The predicate stays entered while elements are read in place (see `visit_present`).
    let mut entered = None;
    let r = (|| {
        for i in 0..len {
            let k = if ascending { i } else { len - 1 - i };
            let v = match fast_element(&o, k) {
                Some(v) => v,
                None => {
                    interp.leave_callback(&mut entered);
                    get_index(interp, &o, k)?
                }
            };
            let r = interp.call_entered(&pred, &mut entered, &this_arg, [&v, &num(k), &o])?;
            if r.to_boolean() {
                return Ok(Some((k, v)));
            }
        }
        Ok(None)
    })();
    interp.leave_callback(&mut entered);
    r
}

pub fn find(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(find_via_predicate(interp, this, args, true)?.map_or(Value::Undefined, |(_, v)| v))
}

pub fn find_index(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(find_via_predicate(interp, this, args, true)?.map_or(Value::Number(-1.0), |(k, _)| num(k)))
}

pub fn find_last(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(find_via_predicate(interp, this, args, false)?.map_or(Value::Undefined, |(_, v)| v))
}

pub fn find_last_index(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(find_via_predicate(interp, this, args, false)?.map_or(Value::Number(-1.0), |(k, _)| num(k)))
}

/// reduce / reduceRight (§23.1.3.24-25).
fn reduce_impl(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    ascending: bool,
) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let f = callback_arg(interp, args, 0)?;
    if len == 0 && args.len() < 2 {
        return Err(interp.throw_type_error("Reduce of empty array with no initial value"));
    }
    let index = |i: u64| if ascending { i } else { len - 1 - i };
    let mut i = 0;
    let mut acc = match args.get(1) {
        Some(v) => v.clone(),
        None => {
            let mut found = None;
            while found.is_none() && i < len {
                found = get_if_present(interp, &o, index(i))?;
                i += 1;
            }
            match found {
                Some(v) => v,
                None => {
                    return Err(
                        interp.throw_type_error("Reduce of empty array with no initial value")
                    )
                }
            }
        }
    };
    let f = Callback::new(&f);
    // The callback stays entered while elements are read in place (see `visit_present`).
    let mut entered = None;
    let r = (|| {
        while i < len {
            let k = index(i);
            let v = match fast_element(&o, k) {
                Some(v) => Some(v),
                None => {
                    interp.leave_callback(&mut entered);
                    get_if_present(interp, &o, k)?
                }
            };
            if let Some(v) = v {
                acc = interp.call_entered(
                    &f,
                    &mut entered,
                    &Value::Undefined,
                    [&acc, &v, &num(k), &o],
                )?;
            }
            i += 1;
        }
        Ok(acc)
    })();
    interp.leave_callback(&mut entered);
    r
}

pub fn reduce(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    reduce_impl(interp, this, args, true)
}

pub fn reduce_right(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    reduce_impl(interp, this, args, false)
}

/// The start index of includes/indexOf from `fromIndex` (`None`: nothing to search).
fn from_index(interp: &mut Interp, v: &Value, len: u64) -> JsResult<Option<u64>> {
    let n = to_integer_or_infinity(interp, v)?;
    if n == f64::INFINITY {
        return Ok(None);
    }
    Ok(Some(if n >= 0.0 {
        n as u64
    } else {
        (len as f64 + n).max(0.0) as u64
    }))
}

/// `includes(searchElement, fromIndex)`: SameValueZero, holes read as undefined.
pub fn includes(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    if len == 0 {
        return Ok(Value::Bool(false));
    }
    let Some(start) = from_index(interp, &arg(args, 1), len)? else {
        return Ok(Value::Bool(false));
    };
    let target = arg(args, 0);
    for k in start..len {
        if get_index(interp, &o, k)?.same_value_zero(&target) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `indexOf(searchElement, fromIndex)`: IsStrictlyEqual, holes skipped.
pub fn index_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    let Some(start) = from_index(interp, &arg(args, 1), len)? else {
        return Ok(Value::Number(-1.0));
    };
    let target = arg(args, 0);
    let mut k = start;
    // Own dense elements are compared in place (no code runs until the first hole).
    if let Value::Object(obj) = &o {
        let d = obj.borrow();
        if matches!(d.kind, ObjectKind::Array(_) | ObjectKind::Ordinary) {
            let elements = d.properties.elements();
            let end = len.min(elements.len() as u64);
            while k < end {
                match &elements[k as usize] {
                    Some(v) if v.strict_equals(&target) => return Ok(num(k)),
                    Some(_) => k += 1,
                    None => break,
                }
            }
        }
    }
    while k < len {
        if let Some(v) = get_if_present(interp, &o, k)? {
            if v.strict_equals(&target) {
                return Ok(num(k));
            }
        }
        k += 1;
    }
    Ok(Value::Number(-1.0))
}

/// `lastIndexOf(searchElement, fromIndex)`: `fromIndex` defaults to len - 1 only when absent.
pub fn last_index_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    let n = if args.len() > 1 {
        to_integer_or_infinity(interp, &args[1])?
    } else {
        len as f64 - 1.0
    };
    if n == f64::NEG_INFINITY {
        return Ok(Value::Number(-1.0));
    }
    let start = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if start < 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let target = arg(args, 0);
    let mut k = start as u64;
    loop {
        if let Some(v) = get_if_present(interp, &o, k)? {
            if v.strict_equals(&target) {
                return Ok(num(k));
            }
        }
        if k == 0 {
            return Ok(Value::Number(-1.0));
        }
        k -= 1;
    }
}

thread_local! {
    /// Arrays being joined right now (join/toLocaleString): a cyclic element joins as '' as in
    /// V8, instead of recursing forever. Entries are identities of live objects (each is held
    /// by the running join's frame).
    static JOIN_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Pops the join-stack entry when the join finishes, normally or by a throw.
struct JoinGuard;

impl Drop for JoinGuard {
    fn drop(&mut self) {
        JOIN_STACK.with(|s| s.borrow_mut().pop());
    }
}

/// Enters a join of `o`; `None` if `o` is already being joined (a cycle).
fn enter_join(o: &Value) -> Option<JoinGuard> {
    let Value::Object(obj) = o else {
        return Some(JoinGuard::new_untracked());
    };
    let addr = obj.addr();
    JOIN_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&addr) {
            return None;
        }
        s.push(addr);
        Some(JoinGuard)
    })
}

impl JoinGuard {
    /// A guard for a non-object (never on the stack): pushes a sentinel so Drop stays uniform.
    fn new_untracked() -> JoinGuard {
        JOIN_STACK.with(|s| s.borrow_mut().push(0));
        JoinGuard
    }
}

fn concat_pieces(interp: &mut Interp, pieces: &[JsString]) -> JsResult<Value> {
    JsString::concat_all(pieces)
        .map(Value::String)
        .map_err(|_| interp.throw_range_error("Invalid string length"))
}

/// `join(separator)`.
pub fn join(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let sep = match arg(args, 0) {
        Value::Undefined => JsString::from(","),
        v => ops::to_string(interp, &v)?,
    };
    let Some(_guard) = enter_join(&o) else {
        return Ok(Value::String(JsString::empty()));
    };
    let mut pieces = Vec::new();
    let mut total = 0usize;
    for k in 0..len {
        if k > 0 {
            total += sep.len();
            pieces.push(sep.clone());
        }
        let v = get_index(interp, &o, k)?;
        if !v.is_nullish() {
            let s = ops::to_string(interp, &v)?;
            total += s.len();
            pieces.push(s);
        }
        if total > crate::value::string::MAX_STRING_LEN {
            return Err(interp.throw_range_error("Invalid string length"));
        }
    }
    concat_pieces(interp, &pieces)
}

/// `toString()`: `this.join()` if callable, else %Object.prototype.toString% (slot 0).
pub fn to_string(
    interp: &mut Interp,
    callee: &JsObject,
    this: &Value,
    _: &[Value],
) -> JsResult<Value> {
    let array = this_object(interp, this)?;
    let mut func = props::get(
        interp,
        &array,
        &PropertyKey::String(Atom::intern_str("join")),
    )?;
    if !is_callable(&func) {
        func = closure_slot(callee, 0);
    }
    interp.call(&func, array, &[])
}

/// `toLocaleString()`: each element's `toLocaleString()`, separated by ",".
pub fn to_locale_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    let Some(_guard) = enter_join(&o) else {
        return Ok(Value::String(JsString::empty()));
    };
    let mut pieces = Vec::new();
    let key = PropertyKey::String(Atom::intern_str("toLocaleString"));
    for k in 0..len {
        if k > 0 {
            pieces.push(JsString::from(","));
        }
        let v = get_index(interp, &o, k)?;
        if !v.is_nullish() {
            let f = props::get_value(interp, &v, &key)?;
            let r = interp.call(&f, v, &[])?;
            pieces.push(ops::to_string(interp, &r)?);
        }
    }
    concat_pieces(interp, &pieces)
}
