//! The iteration protocol (ECMA-262 §7.4): GetIterator, IteratorStep/IteratorStepValue,
//! IteratorClose, CreateIterResultObject. Used by for-of, spread, destructuring, `Array.from`,
//! the collection constructors and the promise combinators.
//!
//! Not here: the iterator objects themselves (array/string/map/set iterators live with their
//! builtin families; generators with the state machine).

use super::{props, Interp, JsResult, Throw};
use crate::value::{atoms, JsObject, PropertyKey, Symbol, Value, WellKnown};

/// An Iterator Record: the iterator, its cached `next` method, and whether it is done.
pub struct IteratorRecord {
    pub iterator: Value,
    pub next: Value,
    pub done: bool,
}

/// GetIterator(obj, sync): calls `obj[Symbol.iterator]()` and caches `next`.
pub fn get_iterator(interp: &mut Interp, v: &Value) -> JsResult<IteratorRecord> {
    let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::Iterator));
    let method = props::get_value(interp, v, &key)?;
    if !super::function::is_callable(&method) {
        let s = crate::builtins::console::inspect_short(v);
        return Err(interp.throw_type_error(&format!("{s} is not iterable")));
    }
    get_iterator_from_method(interp, v, &method)
}

/// GetIteratorFromMethod(obj, method).
pub fn get_iterator_from_method(
    interp: &mut Interp,
    v: &Value,
    method: &Value,
) -> JsResult<IteratorRecord> {
    let iterator = interp.call(method, v.clone(), &[])?;
    if !matches!(iterator, Value::Object(_)) {
        return Err(
            interp.throw_type_error("Result of the Symbol.iterator method is not an object")
        );
    }
    let next = props::get(interp, &iterator, &PropertyKey::String(atoms::NEXT))?;
    Ok(IteratorRecord {
        iterator,
        next,
        done: false,
    })
}

/// IteratorStepValue: the next value, or `None` when done. A throw (from `next`, or from
/// reading `done`/`value`) marks the record done, as the spec requires.
pub fn step_value(interp: &mut Interp, rec: &mut IteratorRecord) -> JsResult<Option<Value>> {
    if rec.done {
        return Ok(None);
    }
    if let Value::Object(next) = &rec.next {
        if JsObject::ptr_eq(next, &interp.intrinsics.array_iterator_next) {
            let step = crate::builtins::array::iterator::next_step(interp, &rec.iterator);
            if !matches!(step, Ok(Some(_))) {
                rec.done = true;
            }
            return step;
        }
    }
    let result = match interp.call(&rec.next.clone(), rec.iterator.clone(), &[]) {
        Ok(r) => r,
        Err(t) => {
            rec.done = true;
            return Err(t);
        }
    };
    if !matches!(result, Value::Object(_)) {
        rec.done = true;
        let s = crate::builtins::console::inspect_short(&result);
        return Err(interp.throw_type_error(&format!("Iterator result {s} is not an object")));
    }
    let done = match props::get(interp, &result, &PropertyKey::String(atoms::DONE)) {
        Ok(d) => d.to_boolean(),
        Err(t) => {
            rec.done = true;
            return Err(t);
        }
    };
    if done {
        rec.done = true;
        return Ok(None);
    }
    match props::get(interp, &result, &PropertyKey::String(atoms::VALUE)) {
        Ok(v) => Ok(Some(v)),
        Err(t) => {
            rec.done = true;
            Err(t)
        }
    }
}

/// IteratorClose after an abrupt completion of the loop body (`throwing`: the completion is
/// a throw, whose exception wins over anything `return` does) or a normal early exit (break,
/// return: errors from `return` and a non-object result are thrown).
pub fn close(interp: &mut Interp, rec: &IteratorRecord, throwing: bool) -> JsResult<()> {
    let saved = if throwing {
        Some(std::mem::take(&mut interp.exception))
    } else {
        None
    };
    let r = close_inner(interp, rec);
    if let Some(exc) = saved {
        interp.exception = exc;
        return Err(Throw);
    }
    r
}

fn close_inner(interp: &mut Interp, rec: &IteratorRecord) -> JsResult<()> {
    let ret = props::get_value(interp, &rec.iterator, &PropertyKey::String(atoms::RETURN))?;
    if ret.is_nullish() {
        return Ok(());
    }
    let result = interp.call(&ret, rec.iterator.clone(), &[])?;
    if !matches!(result, Value::Object(_)) {
        return Err(interp.throw_type_error("Iterator result is not an object"));
    }
    Ok(())
}

/// CreateIterResultObject(value, done).
pub fn iter_result(interp: &mut Interp, value: Value, done: bool) -> Value {
    let o = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    props::define_data(&o, PropertyKey::String(atoms::VALUE), value);
    props::define_data(&o, PropertyKey::String(atoms::DONE), Value::Bool(done));
    Value::Object(o)
}

/// IteratorToList over a full iteration (spread, `Array.from`, destructuring rest).
pub fn collect(interp: &mut Interp, v: &Value) -> JsResult<Vec<Value>> {
    let mut rec = get_iterator(interp, v)?;
    let mut out = Vec::new();
    while let Some(x) = step_value(interp, &mut rec)? {
        out.push(x);
    }
    Ok(out)
}
