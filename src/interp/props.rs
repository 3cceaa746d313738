//! Property access with JS semantics: [[Get]] up the prototype chain (calling getters),
//! [[Set]] (setters, read-only properties, array `length`), property definition helpers for
//! builtins, `for-in` key enumeration, and iteration of arrays/strings into a vector for spread.
//!
//! The fast path of an own data property is one `PropertyMap` lookup with no allocation.
//! Not here: Proxy, the full [[DefineOwnProperty]] validation (Object.defineProperty's builtin
//! does that), iterator protocol objects (spread of arbitrary iterables comes with generators).

use super::{ops, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::property::{Accessor, Attributes, Property, PropertyRef, Slot, WriteOutcome};
use crate::value::{atoms, Atom, JsObject, JsString, PropertyKey, Value};

/// What an own lookup found: a value, a getter to call, or nothing.
enum Found {
    Value(Value),
    Getter(Option<JsObject>),
    Missing,
}

fn own(obj: &JsObject, key: &PropertyKey) -> Found {
    let data = obj.borrow();
    match (&data.kind, key) {
        (ObjectKind::Array(a), PropertyKey::String(k)) if *k == atoms::LENGTH => {
            return Found::Value(Value::Number(a.length as f64))
        }
        (ObjectKind::String(_), _) => {
            if let Some(p) = data.get_own_property(key) {
                return match p.slot {
                    Slot::Data(v) => Found::Value(v),
                    Slot::Accessor(a) => Found::Getter(a.get),
                };
            }
        }
        _ => {}
    }
    match data.properties.get(key) {
        Some(PropertyRef::Data(v, _)) => Found::Value(v.clone()),
        Some(PropertyRef::Accessor(a, _)) => Found::Getter(a.get.clone()),
        None => Found::Missing,
    }
}

/// [[Get]] that distinguishes "absent" from `undefined` (for global lookups).
pub fn lookup(interp: &mut Interp, receiver: &Value, key: &PropertyKey) -> JsResult<Option<Value>> {
    let mut obj = match receiver {
        Value::Object(o) => o.clone(),
        Value::String(s) => {
            if let Some(v) = string_own(s, key) {
                return Ok(Some(v));
            }
            interp.intrinsics.string_proto.clone()
        }
        Value::Number(_) => interp.intrinsics.number_proto.clone(),
        Value::Bool(_) => interp.intrinsics.boolean_proto.clone(),
        Value::Symbol(_) => interp.intrinsics.symbol_proto.clone(),
        Value::Undefined | Value::Null => {
            let k = key_display(key);
            let what = if receiver.is_undefined() {
                "undefined"
            } else {
                "null"
            };
            return Err(interp
                .throw_type_error(&format!("Cannot read properties of {what} (reading '{k}')")));
        }
    };
    loop {
        match own(&obj, key) {
            Found::Value(v) => return Ok(Some(v)),
            Found::Getter(None) => return Ok(Some(Value::Undefined)),
            Found::Getter(Some(g)) => {
                return interp
                    .call(&Value::Object(g), receiver.clone(), &[])
                    .map(Some)
            }
            Found::Missing => match obj.prototype() {
                Some(p) => obj = p,
                None => return Ok(None),
            },
        }
    }
}

fn string_own(s: &JsString, key: &PropertyKey) -> Option<Value> {
    match key {
        PropertyKey::String(k) if *k == atoms::LENGTH => Some(Value::Number(s.len() as f64)),
        PropertyKey::Index(i) => s
            .code_unit_at(*i as usize)
            .map(|u| Value::String(JsString::from_code_unit(u))),
        _ => None,
    }
}

pub fn key_display(key: &PropertyKey) -> String {
    match key {
        PropertyKey::Index(i) => i.to_string(),
        PropertyKey::String(a) => a.to_js_string().to_string(),
        PropertyKey::Symbol(s) => s.descriptive_string().to_string(),
    }
}

/// [[Get]](key, receiver).
pub fn get(interp: &mut Interp, receiver: &Value, key: &PropertyKey) -> JsResult<Value> {
    Ok(lookup(interp, receiver, key)?.unwrap_or(Value::Undefined))
}

/// GetValue of a property reference (same as `get`; named for the evaluator's call sites).
#[inline]
pub fn get_value(interp: &mut Interp, base: &Value, key: &PropertyKey) -> JsResult<Value> {
    get(interp, base, key)
}

/// PutValue of a property reference: primitives' properties cannot be created (strict code
/// throws; in sloppy code the write is lost — we follow strict, which is what snippets hit).
pub fn put_value(interp: &mut Interp, base: &Value, key: PropertyKey, v: Value) -> JsResult<()> {
    match base {
        Value::Undefined | Value::Null => {
            let k = key_display(&key);
            let what = if base.is_undefined() {
                "undefined"
            } else {
                "null"
            };
            Err(interp
                .throw_type_error(&format!("Cannot set properties of {what} (setting '{k}')")))
        }
        Value::Object(_) => set(interp, base, key, v),
        _ => Ok(()),
    }
}

/// [[Set]] on an object receiver (OrdinarySet), with array `length`/index semantics.
pub fn set(interp: &mut Interp, receiver: &Value, key: PropertyKey, v: Value) -> JsResult<()> {
    let Value::Object(obj) = receiver else {
        return Ok(());
    };
    // Arrays: `length` writes truncate/extend; index writes past the end extend `length`.
    // Copy the kind test out: a borrow held across the body would block the writes below.
    let is_array = matches!(obj.borrow().kind, ObjectKind::Array(_));
    if is_array {
        match &key {
            PropertyKey::String(k) if *k == atoms::LENGTH => {
                return set_array_length(interp, obj, &v);
            }
            PropertyKey::Index(i) => {
                let i = *i;
                let outcome = obj.borrow_mut().properties.write(&key, v.clone());
                match outcome {
                    WriteOutcome::Written => return Ok(()),
                    WriteOutcome::Missing(v) => {
                        if inherited_setter_or_readonly(interp, obj, &key, &v)? {
                            return Ok(());
                        }
                        let mut data = obj.borrow_mut();
                        if !data.extensible {
                            drop(data);
                            return Err(interp.throw_type_error(&format!(
                                "Cannot add property {i}, object is not extensible"
                            )));
                        }
                        data.properties
                            .insert(key, Property::data(v, Attributes::DEFAULT));
                        if let ObjectKind::Array(a) = &mut data.kind {
                            if i >= a.length {
                                a.length = i + 1;
                            }
                        }
                        return Ok(());
                    }
                    other => return finish_write(interp, obj, &key, other, v),
                }
            }
            _ => {}
        }
    }
    // The map consumes the value it writes; an accessor hands nothing back, so keep a copy
    // (one reference-count increment) for the setter call.
    let outcome = obj.borrow_mut().properties.write(&key, v.clone());
    finish_write(interp, obj, &key, outcome, v)
}

fn finish_write(
    interp: &mut Interp,
    obj: &JsObject,
    key: &PropertyKey,
    outcome: WriteOutcome,
    value: Value,
) -> JsResult<()> {
    match outcome {
        WriteOutcome::Written => Ok(()),
        WriteOutcome::ReadOnly => Err(interp.throw_type_error(&format!(
            "Cannot assign to read only property '{}' of object",
            key_display(key)
        ))),
        WriteOutcome::Accessor(Accessor { set: Some(s), .. }) => {
            interp.call(&Value::Object(s), Value::Object(obj.clone()), &[value])?;
            Ok(())
        }
        WriteOutcome::Accessor(Accessor { set: None, .. }) => {
            Err(interp.throw_type_error(&format!(
                "Cannot set property {} of object which has only a getter",
                key_display(key)
            )))
        }
        WriteOutcome::Missing(v) => {
            if inherited_setter_or_readonly(interp, obj, key, &v)? {
                return Ok(());
            }
            let mut data = obj.borrow_mut();
            if !data.extensible {
                drop(data);
                return Err(interp.throw_type_error(&format!(
                    "Cannot add property {}, object is not extensible",
                    key_display(key)
                )));
            }
            data.properties
                .insert(key.clone(), Property::data(v, Attributes::DEFAULT));
            Ok(())
        }
    }
}

/// Walk the prototype chain for a setter (call it: `true`) or a read-only data property
/// (TypeError). `false`: define an own property.
fn inherited_setter_or_readonly(
    interp: &mut Interp,
    obj: &JsObject,
    key: &PropertyKey,
    v: &Value,
) -> JsResult<bool> {
    let mut cur = obj.prototype();
    while let Some(p) = cur {
        let found = {
            let data = p.borrow();
            match data.properties.get(key) {
                Some(PropertyRef::Data(_, attrs)) => Some(Err(attrs.writable())),
                Some(PropertyRef::Accessor(a, _)) => Some(Ok(a.set.clone())),
                None => None,
            }
        };
        match found {
            Some(Err(true)) => return Ok(false),
            Some(Err(false)) => {
                return Err(interp.throw_type_error(&format!(
                    "Cannot assign to read only property '{}' of object",
                    key_display(key)
                )))
            }
            Some(Ok(Some(setter))) => {
                interp.call(
                    &Value::Object(setter),
                    Value::Object(obj.clone()),
                    std::slice::from_ref(v),
                )?;
                return Ok(true);
            }
            Some(Ok(None)) => {
                return Err(interp.throw_type_error(&format!(
                    "Cannot set property {} of object which has only a getter",
                    key_display(key)
                )))
            }
            None => cur = p.prototype(),
        }
    }
    Ok(false)
}

fn set_array_length(interp: &mut Interp, obj: &JsObject, v: &Value) -> JsResult<()> {
    let n = ops::to_number(interp, v)?;
    let len = n as u32;
    if len as f64 != n {
        return Err(interp.throw_range_error("Invalid array length"));
    }
    let mut data = obj.borrow_mut();
    data.properties.truncate_indices(len);
    if let ObjectKind::Array(a) = &mut data.kind {
        a.length = len;
    }
    Ok(())
}

/// HasProperty (the `in` operator, for-in's deleted-key check).
pub fn has_property(interp: &mut Interp, v: &Value, key: &PropertyKey) -> JsResult<bool> {
    let mut obj = match v {
        Value::Object(o) => o.clone(),
        _ => ops::to_object(interp, v)?,
    };
    loop {
        if obj.borrow().get_own_property(key).is_some() {
            return Ok(true);
        }
        match obj.prototype() {
            Some(p) => obj = p,
            None => return Ok(false),
        }
    }
}

/// Define (or overwrite) an own enumerable, writable, configurable data property.
pub fn define_data(obj: &JsObject, key: PropertyKey, v: Value) {
    let mut data = obj.borrow_mut();
    if let (PropertyKey::Index(i), ObjectKind::Array(a)) = (&key, &mut data.kind) {
        if *i >= a.length {
            a.length = i + 1;
        }
    }
    data.properties
        .insert(key, Property::data(v, Attributes::DEFAULT));
}

/// Define a non-enumerable, writable, configurable data property (builtin methods).
pub fn define_hidden(obj: &JsObject, key: PropertyKey, v: Value) {
    obj.borrow_mut()
        .properties
        .insert(key, Property::data(v, Attributes::BUILTIN));
}

/// A function's `length`/`name`: non-writable, non-enumerable, configurable.
pub fn define_builtin_prop(obj: &JsObject, name: Atom, v: Value) {
    obj.borrow_mut().properties.insert(
        PropertyKey::String(name),
        Property::data(v, Attributes::CONFIGURABLE),
    );
}

/// A constructor's `prototype`: writable, non-enumerable, non-configurable.
pub fn define_prototype(obj: &JsObject, v: Value) {
    obj.borrow_mut().properties.insert(
        PropertyKey::String(atoms::PROTOTYPE),
        Property::data(v, Attributes::WRITABLE),
    );
}

/// Define or merge an accessor half (`get x(){}` / `set x(v){}` in an object literal).
pub fn define_accessor(
    obj: &JsObject,
    key: PropertyKey,
    get: Option<JsObject>,
    set: Option<JsObject>,
) {
    let mut data = obj.borrow_mut();
    let (mut g, mut s) = (None, None);
    if let Some(PropertyRef::Accessor(a, _)) = data.properties.get(&key) {
        g = a.get.clone();
        s = a.set.clone();
    }
    let prop = Property::accessor(
        get.or(g),
        set.or(s),
        Attributes::ENUMERABLE.with(Attributes::CONFIGURABLE),
    );
    data.properties.insert(key, prop);
}

/// CopyDataProperties (object spread): own enumerable properties, getters called.
pub fn copy_data_properties(interp: &mut Interp, target: &JsObject, src: &Value) -> JsResult<()> {
    let src_obj = match src {
        Value::Undefined | Value::Null => return Ok(()),
        Value::Object(o) => o.clone(),
        v => ops::to_object(interp, v)?,
    };
    let keys = src_obj.borrow().own_keys();
    for key in keys {
        let enumerable = src_obj
            .borrow()
            .get_own_property(&key)
            .is_some_and(|p| p.attrs.enumerable());
        if enumerable {
            let v = get(interp, &Value::Object(src_obj.clone()), &key)?;
            define_data(target, key, v);
        }
    }
    Ok(())
}

/// The string keys a `for-in` visits: own enumerable first, then inherited ones not shadowed.
pub fn enumerable_string_keys(interp: &mut Interp, v: &Value) -> JsResult<Vec<PropertyKey>> {
    let mut obj = Some(ops::to_object(interp, v)?);
    let mut seen: Vec<PropertyKey> = Vec::new();
    let mut out = Vec::new();
    while let Some(o) = obj {
        let data = o.borrow();
        for key in data.own_keys() {
            if key.is_symbol() || seen.contains(&key) {
                continue;
            }
            let enumerable = data
                .get_own_property(&key)
                .is_some_and(|p| p.attrs.enumerable());
            seen.push(key.clone());
            if enumerable {
                out.push(key);
            }
        }
        obj = data.prototype.clone();
    }
    Ok(out)
}

/// Spread and `Array.from`-like iteration: the iterator protocol (`interp::iter`) when the
/// value has a `Symbol.iterator` method, with a fast path for true arrays whose iteration is
/// unmodified (`array::iterator::array_values_fast`: same observable reads, no iterator
/// objects). Strings without a `Symbol.iterator` (until the String iterator exists) are walked
/// by code points directly.
pub fn iterate_to_vec(interp: &mut Interp, v: &Value) -> JsResult<Vec<Value>> {
    if !v.is_nullish() {
        let key = PropertyKey::Symbol(crate::value::Symbol::well_known(
            crate::value::WellKnown::Iterator,
        ));
        let method = get_value(interp, v, &key)?;
        if let Some(r) = crate::builtins::array::iterator::array_values_fast(interp, v, &method) {
            return r;
        }
        if super::function::is_callable(&method) {
            let mut rec = super::iter::get_iterator_from_method(interp, v, &method)?;
            let mut out = Vec::new();
            while let Some(x) = super::iter::step_value(interp, &mut rec)? {
                out.push(x);
            }
            return Ok(out);
        }
    }
    match v {
        Value::String(s) => {
            let st = s.to_std_string_lossy();
            Ok(st
                .chars()
                .map(|c| Value::from(c.to_string().as_str()))
                .collect())
        }
        _ => {
            let s = crate::builtins::console::inspect_short(v);
            Err(interp.throw_type_error(&format!("{s} is not iterable")))
        }
    }
}

/// Array length of an array object (0 for others).
pub fn array_length(obj: &JsObject) -> u32 {
    match obj.borrow().kind {
        ObjectKind::Array(a) => a.length,
        _ => 0,
    }
}

/// [[Get]](key, receiver) starting the lookup at `start` (super property access).
pub fn get_with_receiver(
    interp: &mut Interp,
    start: &JsObject,
    key: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    let mut obj = start.clone();
    loop {
        match own(&obj, key) {
            Found::Value(v) => return Ok(v),
            Found::Getter(None) => return Ok(Value::Undefined),
            Found::Getter(Some(g)) => return interp.call(&Value::Object(g), receiver.clone(), &[]),
            Found::Missing => match obj.prototype() {
                Some(p) => obj = p,
                None => return Ok(Value::Undefined),
            },
        }
    }
}
