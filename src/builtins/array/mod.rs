//! `Array` (ECMA-262 §23.1, ES2023 with change-array-by-copy): the constructor, `Array.from`,
//! `Array.of`, `Array.isArray`, `Array[Symbol.species]`, every `Array.prototype` method, and
//! the shared abstract operations they use (LengthOfArrayLike, ArraySpeciesCreate,
//! CreateDataPropertyOrThrow, DeletePropertyOrThrow, IsConcatSpreadable).
//!
//! Every prototype method is generic: it works on `this` through ToObject, `length` and
//! [[Get]]/[[Set]]/[[HasProperty]]/[[Delete]], so it runs on any array-like. Speed comes from
//! fast paths that are indistinguishable from the generic algorithm: reading an own dense
//! element of an array or ordinary object directly (the same value [[Get]] would return,
//! without the prototype walk), appending to an array whose prototype chain has no indexed
//! properties, and ArrayCreate in place of `Construct(%Array%, «len»)`.
//!
//! Files: `iterator.rs` (the iterator prototypes), `methods.rs` (the callback-driven and
//! searching methods), `mutate.rs` (methods that change `this` in place), `copy.rs` (methods
//! building a new array), `sort.rs` (the stable merge sort behind `sort`/`toSorted`).
//!
//! Not here: Proxy-aware IsArray (no Proxy yet), realms (one realm), TypedArrays.

pub mod copy;
pub mod iterator;
pub mod methods;
pub mod mutate;
pub mod sort;

use super::{arg, constructor, method, native};
use crate::interp::function::{is_callable, NativeFn};
use crate::interp::{iter, ops, props, Interp, JsResult, Throw};
use crate::value::object::{ArrayData, IterationKind, ObjectKind};
use crate::value::property::{Accessor, Attributes, Property};
use crate::value::{atoms, Atom, JsObject, PropertyKey, Symbol, Value, WellKnown};

/// 2^53 - 1: the largest length of an array-like (ToLength's bound).
pub const MAX_SAFE_LENGTH: u64 = (1 << 53) - 1;

/// The largest array length (2^32 - 1).
pub const MAX_ARRAY_LENGTH: u64 = u32::MAX as u64;

/// The property key of index `i` of an array-like: an array index below 2^32 - 1, else the
/// canonical numeric string ("4294967295", "9007199254740990", …).
pub fn index_key(i: u64) -> PropertyKey {
    if i < MAX_ARRAY_LENGTH {
        PropertyKey::Index(i as u32)
    } else {
        PropertyKey::String(Atom::intern(&crate::value::number::to_string(i as f64)))
    }
}

fn length_key() -> PropertyKey {
    PropertyKey::String(atoms::LENGTH)
}

/// ToLength(v).
pub fn to_length(interp: &mut Interp, v: &Value) -> JsResult<u64> {
    let n = to_integer_or_infinity(interp, v)?;
    Ok(if n <= 0.0 {
        0
    } else {
        n.min(MAX_SAFE_LENGTH as f64) as u64
    })
}

/// ToIntegerOrInfinity(v).
pub fn to_integer_or_infinity(interp: &mut Interp, v: &Value) -> JsResult<f64> {
    Ok(crate::value::number::to_integer_or_infinity(
        ops::to_number(interp, v)?,
    ))
}

/// LengthOfArrayLike(obj): ToLength(Get(obj, "length")). An array's own `length` is read
/// directly (it is a non-configurable data property: [[Get]] could return nothing else).
pub fn length_of_array_like(interp: &mut Interp, o: &Value) -> JsResult<u64> {
    if let Value::Object(obj) = o {
        if let ObjectKind::Array(a) = &obj.borrow().kind {
            return Ok(u64::from(a.length));
        }
    }
    let len = props::get(interp, o, &length_key())?;
    to_length(interp, &len)
}

/// The relative-index clamp used by slice/splice/fill/copyWithin/…: ToIntegerOrInfinity(v);
/// negative counts from `len`; the result lies in `0..=len`. `undefined` gives `default`.
pub fn relative_index(interp: &mut Interp, v: &Value, len: u64, default: u64) -> JsResult<u64> {
    if v.is_undefined() {
        return Ok(default);
    }
    let n = to_integer_or_infinity(interp, v)?;
    let len_f = len as f64;
    Ok(if n < 0.0 {
        (len_f + n).max(0.0) as u64
    } else {
        n.min(len_f) as u64
    })
}

/// ToObject(this) as a value (the receiver every generic method works on).
pub fn this_object(interp: &mut Interp, this: &Value) -> JsResult<Value> {
    match this {
        Value::Object(_) => Ok(this.clone()),
        v => Ok(Value::Object(ops::to_object(interp, v)?)),
    }
}

/// An own dense element of an array or ordinary object: exactly what [[Get]] returns for it
/// (dense elements are plain writable/enumerable/configurable data properties). `None`: not
/// there (a hole, sparse, another kind of object) — take the generic path.
#[inline]
pub fn fast_element(o: &Value, k: u64) -> Option<Value> {
    let Value::Object(obj) = o else { return None };
    if k >= MAX_ARRAY_LENGTH {
        return None;
    }
    let d = obj.borrow();
    match d.kind {
        ObjectKind::Array(_) | ObjectKind::Ordinary => {
            d.properties.elements().get(k as usize).cloned().flatten()
        }
        _ => None,
    }
}

/// The own dense elements of an array or ordinary object from index `k` on, appended to
/// `out` up to the first hole, the end of the dense vector, or `end`; returns the index
/// reached. Each value is the one `get_if_present` returns for its index (no code runs in
/// between, so reading them in one pass is the same as reading them one by one).
pub fn take_dense_run(o: &Value, k: u64, end: u64, out: &mut Vec<Value>) -> u64 {
    let Value::Object(obj) = o else { return k };
    let d = obj.borrow();
    if !matches!(d.kind, ObjectKind::Array(_) | ObjectKind::Ordinary) {
        return k;
    }
    let elements = d.properties.elements();
    let end = end.min(elements.len() as u64);
    let mut i = k;
    while i < end {
        match &elements[i as usize] {
            Some(v) => out.push(v.clone()),
            None => break,
        }
        i += 1;
    }
    i
}

/// Set(O, k, v, true) for `k` from `start` on, taking values from `values`, while index `k`
/// is an own dense element of an array or ordinary object (a plain writable data property:
/// [[Set]] just replaces its value, and no code runs). Returns the first index not written;
/// the values left are the caller's to set generically.
pub fn set_dense_run(o: &Value, start: u64, values: &mut std::vec::IntoIter<Value>) -> u64 {
    let Value::Object(obj) = o else { return start };
    let mut d = obj.borrow_mut();
    if !matches!(d.kind, ObjectKind::Array(_) | ObjectKind::Ordinary) {
        return start;
    }
    let mut k = start;
    while !values.as_slice().is_empty()
        && k < MAX_ARRAY_LENGTH
        && matches!(d.properties.elements().get(k as usize), Some(Some(_)))
    {
        let Some(v) = values.next() else { break };
        let key = PropertyKey::Index(k as u32);
        let written = d.properties.write(&key, v);
        debug_assert!(
            matches!(written, crate::value::property::WriteOutcome::Written),
            "a dense element is a plain writable data property"
        );
        k += 1;
    }
    k
}

/// Get(O, k).
#[inline]
pub fn get_index(interp: &mut Interp, o: &Value, k: u64) -> JsResult<Value> {
    match fast_element(o, k) {
        Some(v) => Ok(v),
        None => props::get(interp, o, &index_key(k)),
    }
}

/// HasProperty(O, k), then Get(O, k) if present: the "kPresent" step of most methods.
#[inline]
pub fn get_if_present(interp: &mut Interp, o: &Value, k: u64) -> JsResult<Option<Value>> {
    if let Some(v) = fast_element(o, k) {
        return Ok(Some(v));
    }
    let key = index_key(k);
    if props::has_property(interp, o, &key)? {
        props::get(interp, o, &key).map(Some)
    } else {
        Ok(None)
    }
}

/// HasProperty(O, k).
pub fn has_index(interp: &mut Interp, o: &Value, k: u64) -> JsResult<bool> {
    if fast_element(o, k).is_some() {
        return Ok(true);
    }
    props::has_property(interp, o, &index_key(k))
}

/// Set(O, k, v, true).
#[inline]
pub fn set_index(interp: &mut Interp, o: &Value, k: u64, v: Value) -> JsResult<()> {
    props::set(interp, o, index_key(k), v)
}

/// Set(O, "length", len, true).
pub fn set_length(interp: &mut Interp, o: &Value, len: u64) -> JsResult<()> {
    props::set(interp, o, length_key(), Value::Number(len as f64))
}

/// CreateDataPropertyOrThrow(O, P, V) (ECMA-262 §7.3.7): define an own writable, enumerable,
/// configurable data property; TypeError when [[DefineOwnProperty]] would return false (an
/// existing non-configurable property, a non-extensible object, an index at or past a
/// non-writable array `length`).
pub fn create_data_property_or_throw(
    interp: &mut Interp,
    o: &Value,
    key: PropertyKey,
    v: Value,
) -> JsResult<()> {
    let Value::Object(obj) = o else {
        return Err(interp.throw_type_error("CreateDataProperty on a non-object"));
    };
    if props::is_proxy(obj) {
        return props::create_data_property_or_throw(interp, obj, key, v);
    }
    let refused = {
        let d = obj.borrow();
        match d.get_own_property(&key) {
            Some(p) => !p.attrs.configurable(),
            None => {
                !d.is_extensible()
                    || matches!((&d.kind, &key), (ObjectKind::Array(a), PropertyKey::Index(i))
                        if *i >= a.length && !a.length_writable)
            }
        }
    };
    if refused {
        return Err(interp.throw_type_error(&format!(
            "Cannot add property {}, object is not extensible or the property is not configurable",
            props::key_display(&key)
        )));
    }
    props::define_data(obj, key, v);
    Ok(())
}

/// CreateDataPropertyOrThrow(A, k, V) for an index.
#[inline]
pub fn create_index(interp: &mut Interp, o: &Value, k: u64, v: Value) -> JsResult<()> {
    match append_index_fast(o, k, v) {
        Ok(()) => Ok(()),
        Err(v) => create_data_property_or_throw(interp, o, index_key(k), v),
    }
}

/// CreateDataPropertyOrThrow(A, k, V) where it runs no code and cannot fail: an extensible
/// array with no sparse indices whose dense vector ends at `k` (index `k` is absent, so the
/// definition appends a plain element, and moves `length` past it when it is not already,
/// which a writable `length` allows). Otherwise the value is handed back.
#[inline]
pub fn append_index_fast(o: &Value, k: u64, v: Value) -> Result<(), Value> {
    if let Value::Object(obj) = o {
        let mut d = obj.borrow_mut();
        let d = &mut *d;
        if let ObjectKind::Array(a) = &mut d.kind {
            if d.properties.dense_extensible_len() == Some(k as usize)
                && k < MAX_ARRAY_LENGTH
                && (k < u64::from(a.length) || a.length_writable)
            {
                d.properties.push_element(v);
                if k >= u64::from(a.length) {
                    a.length = k as u32 + 1;
                }
                return Ok(());
            }
        }
    }
    Err(v)
}

/// DeletePropertyOrThrow(O, P) (§7.3.10) on ordinary objects, arrays and String wrappers:
/// a missing property is deleted trivially; a non-configurable one throws.
pub fn delete_property_or_throw(interp: &mut Interp, o: &Value, key: &PropertyKey) -> JsResult<()> {
    let Value::Object(obj) = o else {
        return Ok(());
    };
    if props::is_proxy(obj) {
        if !props::delete(interp, obj, key)? {
            return Err(interp.throw_type_error(&format!(
                "'deleteProperty' on proxy: trap returned falsish for property '{}'",
                props::key_display(key)
            )));
        }
        return Ok(());
    }
    let configurable = obj
        .borrow()
        .get_own_property(key)
        .map(|p| p.attrs.configurable());
    match configurable {
        None => Ok(()),
        Some(true) => {
            obj.borrow_mut().properties.remove(key);
            Ok(())
        }
        Some(false) => Err(interp.throw_type_error(&format!(
            "Cannot delete property '{}' of object",
            props::key_display(key)
        ))),
    }
}

/// DeletePropertyOrThrow(O, k).
pub fn delete_index(interp: &mut Interp, o: &Value, k: u64) -> JsResult<()> {
    delete_property_or_throw(interp, o, &index_key(k))
}

/// IsArray(v): an Array exotic object, or a proxy of one (TypeError when revoked).
pub fn is_array_value(interp: &mut Interp, v: &Value) -> JsResult<bool> {
    crate::interp::proxy::is_array(interp, v)
}

/// ArrayCreate(len, proto): RangeError past 2^32 - 1.
pub fn array_create(interp: &mut Interp, len: u64, proto: Option<JsObject>) -> JsResult<JsObject> {
    if len > MAX_ARRAY_LENGTH {
        return Err(interp.throw_range_error("Invalid array length"));
    }
    let proto = proto.unwrap_or_else(|| interp.intrinsics.array_proto.clone());
    Ok(JsObject::new(
        Some(proto),
        ObjectKind::Array(ArrayData {
            length: len as u32,
            length_writable: true,
        }),
    ))
}

/// ArraySpeciesCreate(originalArray, length) (§10.4.2.3). `constructor` and `@@species` are
/// always read; only `Construct(%Array%, «length»)` is replaced by the ArrayCreate it performs.
pub fn array_species_create(interp: &mut Interp, original: &Value, len: u64) -> JsResult<Value> {
    if !is_array_value(interp, original)? {
        return array_create(interp, len, None).map(Value::Object);
    }
    let mut c = props::get(interp, original, &PropertyKey::String(atoms::CONSTRUCTOR))?;
    if let Value::Object(_) = &c {
        let species = PropertyKey::Symbol(Symbol::well_known(WellKnown::Species));
        c = props::get(interp, &c, &species)?;
        if matches!(c, Value::Null) {
            c = Value::Undefined;
        }
    }
    if c.is_undefined() {
        return array_create(interp, len, None).map(Value::Object);
    }
    if !Interp::is_constructor(&c) {
        return Err(
            interp.throw_type_error("object.constructor[Symbol.species] is not a constructor")
        );
    }
    if let Value::Object(co) = &c {
        if JsObject::ptr_eq(co, &interp.intrinsics.array_ctor) {
            return array_create(interp, len, None).map(Value::Object);
        }
    }
    interp.construct(&c, &[Value::Number(len as f64)])
}

/// The callback argument of forEach/map/…: TypeError unless callable.
pub fn callback_arg(interp: &mut Interp, args: &[Value], i: usize) -> JsResult<Value> {
    let f = arg(args, i);
    if !is_callable(&f) {
        let s = crate::builtins::console::inspect_short(&f);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    Ok(f)
}

/// Whether plain appends at `length` on array `o` are exactly [[Set]]: an extensible array with
/// a writable length whose dense vector ends at `length`, and whose prototype chain (ordinary
/// objects and arrays only) holds no indexed property — so no setter or read-only index can
/// intercept the write.
#[inline]
pub fn can_append_fast(o: &JsObject) -> bool {
    // SAFETY: only records are read here, and nothing else runs until the references end.
    let Some(d) = (unsafe { o.peek() }) else {
        return false;
    };
    let ObjectKind::Array(a) = &d.kind else {
        return false;
    };
    a.length_writable
        && d.properties.dense_extensible_len() == Some(a.length as usize)
        && prototypes_without_indices(&d.prototype)
}

/// The prototype chain from `proto` holds only ordinary objects and arrays without indexed
/// properties. Walked by reading each record in place (no borrow counting or handle clones:
/// this runs on every `push`); chains deeper than 32 take the generic path.
#[inline]
fn prototypes_without_indices(proto: &Option<JsObject>) -> bool {
    let mut next = proto.as_ref();
    let mut depth = 0;
    while let Some(p) = next {
        // SAFETY: as in `can_append_fast`; a record borrowed mutably elsewhere is `None`.
        let Some(d) = (unsafe { p.peek() }) else {
            return false;
        };
        if !matches!(d.kind, ObjectKind::Ordinary | ObjectKind::Array(_))
            || !d.properties.has_no_indices()
            || depth > 32
        {
            return false;
        }
        next = d.prototype.as_ref();
        depth += 1;
    }
    true
}

// ───────────── the constructor and its statics ─────────────

/// `Array(...values)` (§23.1.1.1); called or constructed alike, subclassable through
/// new.target.
fn array_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let proto = match nt {
        Some(nt) => interp.get_prototype_from_constructor(&nt, |i| &i.array_proto)?,
        None => interp.intrinsics.array_proto.clone(),
    };
    match args {
        [] => array_create(interp, 0, Some(proto)).map(Value::Object),
        [len] => {
            let array = array_create(interp, 0, Some(proto))?;
            let av = Value::Object(array);
            match len {
                Value::Number(n) => {
                    let int_len = crate::value::number::to_uint32(*n);
                    if f64::from(int_len) != *n {
                        return Err(interp.throw_range_error("Invalid array length"));
                    }
                    set_length(interp, &av, u64::from(int_len))?;
                }
                other => create_index(interp, &av, 0, other.clone())?,
            }
            Ok(av)
        }
        _ => {
            let array = array_create(interp, args.len() as u64, Some(proto))?;
            {
                let mut d = array.borrow_mut();
                for v in args {
                    d.properties.push_element(v.clone());
                }
            }
            Ok(Value::Object(array))
        }
    }
}

/// `new C(len)` if `C` is a constructor, else ArrayCreate(len) (Array.from/Array.of).
fn construct_this_or_array(interp: &mut Interp, c: &Value, len: Option<u64>) -> JsResult<Value> {
    if Interp::is_constructor(c) {
        let args: Vec<Value> = len.map(|l| Value::Number(l as f64)).into_iter().collect();
        interp.construct(c, &args)
    } else {
        array_create(interp, len.unwrap_or(0), None).map(Value::Object)
    }
}

fn is_intrinsic_array_ctor(interp: &Interp, c: &Value) -> bool {
    matches!(c, Value::Object(o) if JsObject::ptr_eq(o, &interp.intrinsics.array_ctor))
}

/// IfAbruptCloseIterator for a throw: close the iterator, keep the pending exception.
fn close_throwing(interp: &mut Interp, rec: &iter::IteratorRecord) -> Throw {
    let _ = iter::close(interp, rec, true);
    Throw
}

/// `Array.from(items, mapfn, thisArg)` (§23.1.2.1).
fn array_from(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let items = arg(args, 0);
    let mapfn = arg(args, 1);
    let this_arg = arg(args, 2);
    let mapping = !mapfn.is_undefined();
    if mapping && !is_callable(&mapfn) {
        let s = crate::builtins::console::inspect_short(&mapfn);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    // GetMethod(items, @@iterator).
    let using_iterator = if items.is_nullish() {
        Value::Undefined
    } else {
        let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::Iterator));
        let m = props::get_value(interp, &items, &key)?;
        if !m.is_nullish() && !is_callable(&m) {
            return Err(interp.throw_type_error("Symbol.iterator is not a function"));
        }
        if matches!(m, Value::Null) {
            Value::Undefined
        } else {
            m
        }
    };
    if !using_iterator.is_undefined() {
        // A fresh %Array% result is unobservable while it fills: without a mapper, the
        // spread fast path (identical reads) can collect the values first.
        if !mapping && is_intrinsic_array_ctor(interp, this) {
            if let Some(r) = iterator::array_values_fast(interp, &items, &using_iterator) {
                let values = r?;
                return Ok(Value::Object(interp.new_array(values)));
            }
        }
        let a = construct_this_or_array(interp, this, None)?;
        let mut rec = iter::get_iterator_from_method(interp, &items, &using_iterator)?;
        let mut k: u64 = 0;
        loop {
            if k >= MAX_SAFE_LENGTH {
                interp.throw_type_error("Array.from: too many elements");
                return Err(close_throwing(interp, &rec));
            }
            let Some(next) = iter::step_value(interp, &mut rec)? else {
                set_length(interp, &a, k)?;
                return Ok(a);
            };
            let value = if mapping {
                match interp.call(&mapfn, this_arg.clone(), &[next, Value::Number(k as f64)]) {
                    Ok(v) => v,
                    Err(_) => return Err(close_throwing(interp, &rec)),
                }
            } else {
                next
            };
            if create_index(interp, &a, k, value).is_err() {
                return Err(close_throwing(interp, &rec));
            }
            k += 1;
        }
    }
    let array_like = this_object(interp, &items)?;
    let len = length_of_array_like(interp, &array_like)?;
    let a = construct_this_or_array(interp, this, Some(len))?;
    for k in 0..len {
        let v = get_index(interp, &array_like, k)?;
        let v = if mapping {
            interp.call(&mapfn, this_arg.clone(), &[v, Value::Number(k as f64)])?
        } else {
            v
        };
        create_index(interp, &a, k, v)?;
    }
    set_length(interp, &a, len)?;
    Ok(a)
}

/// `Array.of(...items)` (§23.1.2.3).
fn array_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let len = args.len() as u64;
    let a = construct_this_or_array(interp, this, Some(len))?;
    for (k, v) in args.iter().enumerate() {
        create_index(interp, &a, k as u64, v.clone())?;
    }
    set_length(interp, &a, len)?;
    Ok(a)
}

fn is_array(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(is_array_value(interp, &arg(args, 0))?))
}

/// `get Array[@@species]`: `this`.
fn species_getter(_: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
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
    // Array.prototype: non-writable, non-enumerable, non-configurable.
    ctor.borrow_mut()
        .properties
        .set_attributes(&PropertyKey::String(atoms::PROTOTYPE), Attributes::NONE);
    interp.intrinsics.array_ctor = ctor.clone();
    method(interp, &ctor, "isArray", 1, is_array);
    method(interp, &ctor, "from", 1, array_from);
    method(interp, &ctor, "of", 0, array_of);
    let getter = native(interp, "get [Symbol.species]", 0, species_getter, false);
    ctor.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::Species)),
        Property {
            slot: crate::value::property::Slot::Accessor(Accessor {
                get: Some(getter),
                set: None,
            }),
            attrs: Attributes::CONFIGURABLE,
        },
    );

    let table: &[(&str, u32, NativeFn)] = &[
        ("at", 1, methods::at),
        ("concat", 1, copy::concat),
        ("copyWithin", 2, mutate::copy_within),
        ("entries", 0, entries),
        ("every", 1, methods::every),
        ("fill", 1, mutate::fill),
        ("filter", 1, methods::filter),
        ("find", 1, methods::find),
        ("findIndex", 1, methods::find_index),
        ("findLast", 1, methods::find_last),
        ("findLastIndex", 1, methods::find_last_index),
        ("flat", 0, copy::flat),
        ("flatMap", 1, copy::flat_map),
        ("forEach", 1, methods::for_each),
        ("includes", 1, methods::includes),
        ("indexOf", 1, methods::index_of),
        ("join", 1, methods::join),
        ("keys", 0, keys),
        ("lastIndexOf", 1, methods::last_index_of),
        ("map", 1, methods::map),
        ("pop", 0, mutate::pop),
        ("push", 1, mutate::push),
        ("reduce", 1, methods::reduce),
        ("reduceRight", 1, methods::reduce_right),
        ("reverse", 0, mutate::reverse),
        ("shift", 0, mutate::shift),
        ("slice", 2, copy::slice),
        ("some", 1, methods::some),
        ("sort", 1, sort::sort),
        ("splice", 2, mutate::splice),
        ("toLocaleString", 0, methods::to_locale_string),
        ("toReversed", 0, copy::to_reversed),
        ("toSorted", 1, sort::to_sorted),
        ("toSpliced", 2, copy::to_spliced),
        ("unshift", 1, mutate::unshift),
        ("with", 2, copy::with),
    ];
    for &(name, len, f) in table {
        method(interp, &proto, name, len, f);
    }
    // toString falls back to the intrinsic %Object.prototype.toString% (captured now: the
    // Object family is installed first).
    let object_to_string = interp
        .intrinsics
        .object_proto
        .get_own_data(&PropertyKey::String(atoms::TO_STRING))
        .unwrap_or_default();
    let to_string = super::native_closure(
        interp,
        "toString",
        0,
        methods::to_string,
        vec![object_to_string],
    );
    props::define_hidden(
        &proto,
        PropertyKey::String(atoms::TO_STRING),
        Value::Object(to_string),
    );
    // `values` and `[Symbol.iterator]` are the same function object.
    let values_fn = native(interp, "values", 0, values, false);
    let key = PropertyKey::String(Atom::intern_str("values"));
    props::define_hidden(&proto, key, Value::Object(values_fn.clone()));
    let sym = PropertyKey::Symbol(Symbol::well_known(WellKnown::Iterator));
    props::define_hidden(&proto, sym, Value::Object(values_fn.clone()));
    interp.intrinsics.array_proto_values = values_fn;

    // %Array.prototype%[@@unscopables]: a null-prototype object listing the ES2015+ names.
    let unscopables = JsObject::ordinary(None);
    for name in [
        "at",
        "copyWithin",
        "entries",
        "fill",
        "find",
        "findIndex",
        "findLast",
        "findLastIndex",
        "flat",
        "flatMap",
        "includes",
        "keys",
        "toReversed",
        "toSorted",
        "toSpliced",
        "values",
    ] {
        props::define_data(
            &unscopables,
            PropertyKey::String(Atom::intern_str(name)),
            Value::Bool(true),
        );
    }
    proto.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::Unscopables)),
        Property::data(Value::Object(unscopables), Attributes::CONFIGURABLE),
    );
}
