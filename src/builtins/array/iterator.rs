//! `%IteratorPrototype%` (ECMA-262 §27.1.2: only its `[Symbol.iterator]() { return this }`)
//! and `%ArrayIteratorPrototype%` (§23.1.5: `next`, `[Symbol.toStringTag]`), plus
//! CreateArrayIterator for `keys`/`values`/`entries` and the `arguments` object.
//!
//! Array iterators are generic: they walk any object through `length` and [[Get]] (array-likes,
//! String wrappers, `arguments`). Not here: the iterator helpers of ES2025 (`Iterator.prototype.
//! map` …) and TypedArray iterators (no TypedArrays yet).

use super::{index_key, length_of_array_like};
use crate::builtins::native;
use crate::interp::{iter, props, Interp, JsResult};
use crate::value::object::{ArrayIteratorData, IterationKind, ObjectKind};
use crate::value::property::{Attributes, Property};
use crate::value::{JsObject, PropertyKey, Symbol, Value, WellKnown};

/// Defines a symbol-keyed builtin method (`[Symbol.iterator]` etc.): writable, configurable,
/// not enumerable; its `name` is `"[description]"`. Returns the function object.
pub fn symbol_method(
    interp: &Interp,
    target: &JsObject,
    which: WellKnown,
    length: u32,
    f: crate::interp::function::NativeFn,
) -> JsObject {
    let sym = Symbol::well_known(which);
    let desc = sym
        .description()
        .map(|d| d.to_std_string_lossy())
        .unwrap_or_default();
    let name = format!("[{desc}]");
    let func = native(interp, &name, length, f, false);
    props::define_hidden(
        target,
        PropertyKey::Symbol(sym),
        Value::Object(func.clone()),
    );
    func
}

/// `[Symbol.toStringTag]`: non-writable, non-enumerable, configurable.
pub fn define_to_string_tag(target: &JsObject, tag: &str) {
    target.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::ToStringTag)),
        Property::data(Value::from(tag), Attributes::CONFIGURABLE),
    );
}

/// CreateArrayIterator(array, kind).
pub fn create_array_iterator(interp: &Interp, array: JsObject, kind: IterationKind) -> Value {
    Value::Object(JsObject::new(
        Some(interp.intrinsics.array_iterator_proto.clone()),
        ObjectKind::ArrayIterator(Box::new(ArrayIteratorData {
            iterated: Some(array),
            next_index: 0,
            kind,
        })),
    ))
}

fn return_this(_: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(this.clone())
}

/// %ArrayIteratorPrototype%.next (the closure of CreateArrayIterator, §23.1.5.1).
fn next(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(match next_step(interp, this)? {
        Some(v) => iter::iter_result(interp, v, false),
        None => iter::iter_result(interp, Value::Undefined, true),
    })
}

/// %ArrayIteratorPrototype%.next without the result object: `None` when done. The iteration
/// protocol calls this directly when an iterator's cached `next` is the original function
/// (`iter::step_value`): the `{ value, done }` object it skips is unobservable (own data
/// properties of a fresh object nobody else sees).
pub fn next_step(interp: &mut Interp, this: &Value) -> JsResult<Option<Value>> {
    let state = match this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::ArrayIterator(it) => Some((it.iterated.clone(), it.next_index, it.kind)),
            _ => None,
        },
        _ => None,
    };
    let Some((iterated, index, kind)) = state else {
        return Err(interp.throw_type_error(
            "Method Array Iterator.prototype.next called on incompatible receiver",
        ));
    };
    let Value::Object(it_obj) = this else {
        unreachable!("checked above")
    };
    let Some(array) = iterated else {
        return Ok(None);
    };
    let av = Value::Object(array);
    let len = length_of_array_like(interp, &av)?;
    let set_state = |iterated: Option<JsObject>, next_index: u64| {
        if let ObjectKind::ArrayIterator(it) = &mut it_obj.borrow_mut().kind {
            it.iterated = iterated;
            it.next_index = next_index;
        }
    };
    if index >= len {
        set_state(None, index);
        return Ok(None);
    }
    set_state(av.as_object().cloned(), index + 1);
    let key_value = Value::Number(index as f64);
    let result = match kind {
        IterationKind::Keys => key_value,
        IterationKind::Values => props::get(interp, &av, &index_key(index))?,
        IterationKind::Entries => {
            let v = props::get(interp, &av, &index_key(index))?;
            Value::Object(interp.new_array(vec![key_value, v]))
        }
    };
    Ok(Some(result))
}

pub fn install(interp: &mut Interp) {
    let iterator_proto = interp.intrinsics.iterator_proto.clone();
    symbol_method(interp, &iterator_proto, WellKnown::Iterator, 0, return_this);

    let aip = interp.intrinsics.array_iterator_proto.clone();
    let next_fn = native(interp, "next", 0, next, false);
    props::define_hidden(
        &aip,
        PropertyKey::String(crate::value::atoms::NEXT),
        Value::Object(next_fn.clone()),
    );
    interp.intrinsics.array_iterator_next = next_fn;
    define_to_string_tag(&aip, "Array Iterator");
}

/// Spread's fast path (`props::iterate_to_vec`): when `v` is a true array whose
/// `[Symbol.iterator]` (already read by the caller: `method`) is the original
/// %Array.prototype.values% and %ArrayIteratorPrototype%.next is untouched, iterating through
/// the protocol would only read `length` and each index in order — which this does, without
/// allocating an iterator and a result object per element. `None`: take the protocol.
pub fn array_values_fast(
    interp: &mut Interp,
    v: &Value,
    method: &Value,
) -> Option<JsResult<Vec<Value>>> {
    let Value::Object(o) = v else { return None };
    let Value::Object(m) = method else {
        return None;
    };
    if !matches!(o.borrow().kind, ObjectKind::Array(_))
        || !JsObject::ptr_eq(m, &interp.intrinsics.array_proto_values)
    {
        return None;
    }
    let next_key = PropertyKey::String(crate::value::atoms::NEXT);
    match interp
        .intrinsics
        .array_iterator_proto
        .get_own_data(&next_key)
    {
        Some(Value::Object(n)) if JsObject::ptr_eq(&n, &interp.intrinsics.array_iterator_next) => {}
        _ => return None,
    }
    let mut out = Vec::new();
    let mut i: u32 = 0;
    loop {
        // The length is re-read every step, as `next` does: a getter on a hole may change it.
        let (len, dense) = {
            let d = o.borrow();
            let len = match &d.kind {
                ObjectKind::Array(a) => a.length,
                _ => 0,
            };
            (
                len,
                d.properties.elements().get(i as usize).cloned().flatten(),
            )
        };
        if i >= len {
            return Some(Ok(out));
        }
        match dense {
            Some(x) => out.push(x),
            None => match props::get(interp, v, &PropertyKey::Index(i)) {
                Ok(x) => out.push(x),
                Err(t) => return Some(Err(t)),
            },
        }
        i += 1;
    }
}
