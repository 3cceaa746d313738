//! The object model's internal methods with JS semantics: [[Get]] up the prototype chain
//! (calling getters), OrdinarySet with its strict/sloppy failure modes, [[DefineOwnProperty]]
//! (ValidateAndApplyPropertyDescriptor, the Array exotic ArraySetLength, String exotic
//! indices), [[Delete]], [[PreventExtensions]], OrdinarySetPrototypeOf, property descriptor
//! records (To/FromPropertyDescriptor), definition helpers for builtins, `for-in` key
//! enumeration, and iteration into a vector for spread.
//!
//! The fast path of an own data property is one `PropertyMap` lookup with no allocation.
//! Every internal method here dispatches to `interp::proxy` on a Proxy exotic object; the fast
//! paths only see records, and a proxy's record is empty, prototype-less and non-extensible,
//! so they end on it and fall back (one kind test where the walk ends).
//! Not here: the other exotic objects (typed arrays, module namespaces).

use super::function::{self, Env};
use super::{ops, proxy, Interp, JsResult};
use crate::lower::tree::Code;
use crate::value::gc::Gc;
use crate::value::object::{ArrayData, ObjectKind};
use crate::value::property::{
    self, Accessor, Attributes, Property, PropertyRef, Slot, WriteOutcome,
};
use crate::value::{atoms, Atom, JsObject, JsString, PropertyKey, Value};
use std::rc::Rc;

/// What an own lookup found: a value, a getter to call, or nothing.
enum Found {
    Value(Value),
    Getter(Option<JsObject>),
    Missing,
    /// A Proxy: its [[Get]] decides.
    Proxy,
}

fn own(obj: &JsObject, key: &PropertyKey) -> Found {
    let data = obj.borrow();
    match (&data.kind, key) {
        (ObjectKind::Proxy(_), _) => return Found::Proxy,
        (ObjectKind::Array(a), PropertyKey::String(k)) if *k == atoms::LENGTH => {
            return Found::Value(Value::Number(a.length as f64))
        }
        // A mapped arguments index reads its parameter ([[Get]] of §10.4.4.3).
        (ObjectKind::Arguments(Some(m)), PropertyKey::Index(i)) => {
            if let Some(v) = m.get(*i) {
                return Found::Value(v);
            }
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

/// [[Get]] of a named key (`o.x`: an atom that is not an array index, never private) when
/// the answer is a data property or absent along the whole prototype chain: the hot path of
/// member reads and method calls, with no handle clones and no descriptor built. `None` means
/// "take the general path" (a getter to run, a chain deeper than the fast walk follows).
/// Exotic objects' named keys are only `length` of arrays and string wrappers, answered here
/// as `own` does.
#[inline]
pub fn get_named_fast(obj: &JsObject, key: &PropertyKey) -> Option<Value> {
    // SAFETY: nothing runs JS or borrows a record mutably while the references read here
    // live (to the end of this function); a record borrowed mutably elsewhere is `None`.
    let data = unsafe { obj.peek() }?;
    match data.properties.named_property(key) {
        Some(p) => match &p.slot {
            Slot::Data(v) => Some(v.clone()),
            Slot::Accessor(_) => None,
        },
        None => get_named_fast_miss(data, key),
    }
}

/// `o.k` when `k` is an own data property of `o` (the common hit), inlined at the call
/// site; `None` for anything else (the caller then takes `get_named_fast`). `key` is named.
#[inline(always)]
pub fn get_own_data(obj: &JsObject, key: &PropertyKey) -> Option<Value> {
    // SAFETY: as in `get_named_fast`.
    let data = unsafe { obj.peek() }?;
    match data.properties.named_property(key) {
        Some(Property {
            slot: Slot::Data(v),
            ..
        }) => Some(super::clone_value(v)),
        _ => None,
    }
}

/// `o.k` when `k` is an own data property of `o` holding a number (an array's `length`
/// included), inlined at the call site (arithmetic on fields: nothing is cloned); `None`
/// for anything else. `key` is named.
#[inline(always)]
pub fn get_own_number(obj: &JsObject, key: &PropertyKey) -> Option<f64> {
    // SAFETY: as in `get_named_fast`.
    let data = unsafe { obj.peek() }?;
    match data.properties.named_property(key) {
        Some(Property {
            slot: Slot::Data(Value::Number(n)),
            ..
        }) => Some(*n),
        Some(_) => None,
        // An array's `length` (`i < a.length`).
        None => match (&data.kind, key) {
            (ObjectKind::Array(a), PropertyKey::String(k)) if *k == atoms::LENGTH => {
                Some(a.length as f64)
            }
            _ => None,
        },
    }
}

/// `o.a.b` when both are own data properties (`p.pos.x`), inlined at the call site; `None`
/// for anything else (the caller then takes `get_named_path2`).
#[inline(always)]
pub fn get_own_data2(obj: &JsObject, a: &PropertyKey, b: &PropertyKey) -> Option<Value> {
    // SAFETY: as in `get_named_fast`.
    let data = unsafe { obj.peek() }?;
    let Some(Property {
        slot: Slot::Data(Value::Object(inner)),
        ..
    }) = data.properties.named_property(a)
    else {
        return None;
    };
    get_own_data(inner, b)
}

/// `o.k op= y` for numbers, when `k` is an own writable data property of `o` holding a
/// number: the new value written in place, with one lookup. `None`: nothing was changed
/// (the caller takes the general steps).
#[inline(always)]
pub fn compound_own_number(
    obj: &JsObject,
    key: &PropertyKey,
    op: crate::parser::ast::BinaryOp,
    y: f64,
) -> Option<Value> {
    let mut data = obj.borrow_mut();
    let p = data.properties.named_property_mut(key)?;
    if !p.attrs.writable() {
        return None;
    }
    let Slot::Data(Value::Number(x)) = &mut p.slot else {
        return None;
    };
    let v = ops::number_binary(op, *x, y)?;
    if let Value::Number(n) = v {
        *x = n;
        return Some(v);
    }
    None
}

/// `get_named_fast` past a miss on the receiver's own properties: exotic `length`, pending
/// function keys, then the prototype chain (by reference, no borrow counting).
#[inline(never)]
fn get_named_fast_miss(mut data: &crate::value::ObjectData, key: &PropertyKey) -> Option<Value> {
    let mut depth = 0;
    loop {
        if let PropertyKey::String(k) = key {
            if *k == atoms::LENGTH {
                match &data.kind {
                    ObjectKind::Array(a) => return Some(Value::Number(a.length as f64)),
                    ObjectKind::String(s) => return Some(Value::Number(s.len() as f64)),
                    _ => {}
                }
            }
            // A function's `prototype` not made yet: the general path makes it.
            if function::is_lazy_function_key(key)
                && function::lazy_prototype_code(&data.kind).is_some()
            {
                return None;
            }
        }
        data = match &data.prototype {
            // A proxy's record has no prototype: its [[Get]] is the general path's.
            None if data.kind.is_proxy() => return None,
            None => return Some(Value::Undefined),
            // SAFETY: as in `get_named_fast`.
            Some(p) if depth < 16 => unsafe { p.peek() }?,
            Some(_) => return None,
        };
        depth += 1;
        if let Some(p) = data.properties.named_property(key) {
            return match &p.slot {
                Slot::Data(v) => Some(v.clone()),
                Slot::Accessor(_) => None,
            };
        }
    }
}

/// Slots of a [`MethodCache`] (direct-mapped).
const METHOD_SLOTS: usize = 256;

/// Lookups of named keys past the receiver (`o.m(...)`: the method is on a prototype), per
/// interpreter: (prototype object, key) → what [`get_named_fast`] answered from that
/// prototype, valid while `property::lookup_epoch` has not moved. The epoch moves when a
/// named property whose key was ever cached is added, removed, written or redefined on any
/// object, or when any object's [[Prototype]] changes — everything the walk's answer depends
/// on (its objects' named properties and links). The slots hold their prototype and value
/// strongly, so an address is never reused while cached. Not cached: `length` and the keys
/// a pending function makes on first use (virtual or lazily stored), and getters (the walk
/// declines them).
#[derive(Default)]
pub(crate) struct MethodCache {
    slots: Vec<MethodSlot>,
}

#[derive(Default)]
struct MethodSlot {
    proto: Option<JsObject>,
    atom: Option<Atom>,
    epoch: u64,
    value: Value,
    /// The code and environment of `value` when it is a lean closure with named code
    /// (`function::lean_named_parts`): a hit calls it without touching the function object.
    lean: Option<LeanParts>,
}

/// A lean closure's code and environment (`Interp::call_lean_with` runs them).
pub(crate) type LeanParts = (Rc<Code>, Option<Gc<Env>>);

/// What [`get_method_fast`] found: a lean closure with named code, taken apart (the call
/// needs neither the function object nor the dispatch on its kind), or another value.
pub(crate) enum MethodHit {
    Lean(LeanParts),
    Value(Value),
}

impl MethodCache {
    #[inline]
    fn slot_index(proto: &JsObject, atom: Atom) -> usize {
        let h = (proto.addr() >> 6) ^ (atom.id() as usize).wrapping_mul(0x9E37_79B9);
        (h ^ (h >> 8)) % METHOD_SLOTS
    }
}

/// [`get_named_fast`] of a string key through the method cache: the same answer, a lean
/// closure found on a prototype taken apart. (Out of line: inlined, it grows every call
/// site's frame, plain calls included.)
#[inline(never)]
pub(crate) fn get_method_fast(
    cache: &mut MethodCache,
    obj: &JsObject,
    atom: Atom,
) -> Option<MethodHit> {
    let key = PropertyKey::String(atom);
    if atom == atoms::LENGTH || function::is_lazy_function_key(&key) {
        return get_named_fast(obj, &key).map(MethodHit::Value);
    }
    let data = obj.borrow();
    if let Some(p) = data.properties.named_property(&key) {
        return match &p.slot {
            // (An own lean closure, as object literals hold them, is taken apart too.)
            Slot::Data(Value::Object(f)) => Some(match function::lean_named_parts(f) {
                Some(parts) => MethodHit::Lean(parts),
                None => MethodHit::Value(Value::Object(f.clone())),
            }),
            Slot::Data(v) => Some(MethodHit::Value(v.clone())),
            Slot::Accessor(_) => None,
        };
    }
    let proto = match &data.prototype {
        None if data.kind.is_proxy() => return None,
        None => return Some(MethodHit::Value(Value::Undefined)),
        Some(p) => p,
    };
    let i = MethodCache::slot_index(proto, atom);
    let epoch = property::lookup_epoch();
    if let Some(s) = cache.slots.get(i) {
        if s.atom == Some(atom)
            && s.epoch == epoch
            && s.proto.as_ref().is_some_and(|p| JsObject::ptr_eq(p, proto))
        {
            return Some(match &s.lean {
                Some((code, env)) => MethodHit::Lean((code.clone(), env.clone())),
                None => MethodHit::Value(s.value.clone()),
            });
        }
    }
    let v = get_named_fast(proto, &key)?;
    if cache.slots.is_empty() {
        cache.slots.resize_with(METHOD_SLOTS, MethodSlot::default);
    }
    property::note_cached_key(&key);
    let lean = match &v {
        Value::Object(f) => function::lean_named_parts(f),
        _ => None,
    };
    cache.slots[i] = MethodSlot {
        proto: Some(proto.clone()),
        atom: Some(atom),
        epoch,
        value: v.clone(),
        lean,
    };
    Some(MethodHit::Value(v))
}

/// The getter of a named accessor property found on `obj`'s prototype chain by the same walk
/// as [`get_named_fast`] (`Some(None)`: an accessor without a getter). `None`: a data
/// property, no property, or something the general path decides (proxies, deep chains).
pub fn named_getter(obj: &JsObject, key: &PropertyKey) -> Option<Option<JsObject>> {
    named_getter_at(obj, key, 0)
}

fn named_getter_at(obj: &JsObject, key: &PropertyKey, depth: u32) -> Option<Option<JsObject>> {
    let data = obj.borrow();
    match data.properties.named_property(key) {
        Some(p) => match &p.slot {
            Slot::Accessor(a) => Some(a.get.clone()),
            Slot::Data(_) => None,
        },
        // A function's `prototype` (or company) not made yet: the general path makes it.
        None if function::is_lazy_function_key(key)
            && function::lazy_prototype_code(&data.kind).is_some() =>
        {
            None
        }
        // (A proxy's record is empty and has no prototype: the walk ends there.)
        None => match &data.prototype {
            Some(p) if depth < 16 => named_getter_at(p, key, depth + 1),
            _ => None,
        },
    }
}

/// `o.a.b` by the rules of `get_named_fast` for both reads: when `a` is an own data
/// property holding an object, that object is read while borrowed (no handle clone).
#[inline]
pub fn get_named_path2(obj: &JsObject, a: &PropertyKey, b: &PropertyKey) -> Option<Value> {
    {
        // SAFETY: as in `get_named_fast`.
        let data = unsafe { obj.peek() }?;
        if let Some(Property {
            slot: Slot::Data(Value::Object(inner)),
            ..
        }) = data.properties.named_property(a)
        {
            return get_named_fast(inner, b);
        }
    }
    match get_named_fast(obj, a)? {
        Value::Object(inner) => get_named_fast(&inner, b),
        _ => None,
    }
}

/// [[Get]] of `o[n]` for a number `n` that is an array index, when `o` (an array or an
/// ordinary object) has that element as an own data property: the hot path of indexed reads.
/// `None`: the general path (holes, accessors, other exotic objects, non-index numbers).
#[inline]
pub fn get_index_fast(obj: &JsObject, n: f64) -> Option<Value> {
    let i = n as u32;
    // (`-0` is the index 0, as ToPropertyKey makes it "0".)
    if i as f64 != n || i == u32::MAX {
        return None;
    }
    let data = obj.borrow();
    if !matches!(data.kind, ObjectKind::Array(_) | ObjectKind::Ordinary) {
        return None;
    }
    match data.properties.get(&PropertyKey::Index(i)) {
        Some(PropertyRef::Data(v, _)) => Some(v.clone()),
        _ => None,
    }
}

/// [[Set]] of a named key on an object that has it as an own writable data property (the
/// common `o.x = v` / `o.x += v`): writes in place. `Err(v)` gives the value back when the
/// general algorithm is needed (absent, accessor, read-only, or exotic `length`).
///
/// An absent property is added here too (OrdinarySet steps 2.b–2.d then CreateDataProperty)
/// when the object is extensible and no object on its prototype chain has the key, or the
/// nearest one has it as a writable data property: `this.x = x` in constructors.
#[inline]
pub fn set_named_fast(obj: &JsObject, key: &PropertyKey, v: Value) -> Result<(), Value> {
    // The common cases in one borrow and one scan: a write in place, or an add that needs no
    // walk of the prototype chain (the conditions of `add_named_fast`).
    let quick_add = !matches!(key, PropertyKey::String(k) if *k == atoms::LENGTH)
        && !property::may_be_restricted(key)
        && !function::is_lazy_function_key(key);
    let v = {
        let mut data = obj.borrow_mut();
        let data = &mut *data;
        let may_add = quick_add && function::lazy_prototype_code(&data.kind).is_none();
        match data.properties.set_named_plain(key, v, may_add) {
            Ok(()) => return Ok(()),
            Err(v) => v,
        }
    };
    {
        let mut data = obj.borrow_mut();
        if let Some(p) = data.properties.named_property_mut(key) {
            return match &mut p.slot {
                Slot::Data(slot) if p.attrs.writable() => {
                    *slot = v;
                    Ok(())
                }
                _ => Err(v),
            };
        }
    }
    add_named_fast(obj, key, v)
}

fn add_named_fast(obj: &JsObject, key: &PropertyKey, v: Value) -> Result<(), Value> {
    // Arrays' and string wrappers' `length` are not in the property map.
    if matches!(key, PropertyKey::String(k) if *k == atoms::LENGTH) {
        return Err(v);
    }
    // No object of this thread has the key as an accessor or read-only property (and there
    // is no proxy): the chain allows the addition without walking it. (A pending function's
    // keys are not in its map yet: they take the walk.)
    let unrestricted = !property::may_be_restricted(key) && !function::is_lazy_function_key(key);
    if !unrestricted && !chain_allows_add(obj, key, 0) {
        return Err(v);
    }
    let mut data = obj.borrow_mut();
    // A function with its `prototype` still to make takes the general path, which makes it
    // first (its keys come before any added one).
    if !data.is_extensible() || function::lazy_prototype_code(&data.kind).is_some() {
        return Err(v);
    }
    data.properties
        .push_new_named(key.clone(), Property::data(v, Attributes::DEFAULT));
    Ok(())
}

/// Whether the prototype chain of `obj` lets [[Set]] create an own data property: the
/// nearest object having the key has it as a writable data property, or none has it.
fn chain_allows_add(obj: &JsObject, key: &PropertyKey, depth: u32) -> bool {
    let data = obj.borrow();
    let Some(proto) = &data.prototype else {
        // (The receiver itself is never a proxy here: its record is non-extensible.)
        return !data.kind.is_proxy();
    };
    let p = proto.borrow();
    match p.properties.named_property(key) {
        Some(prop) => matches!(prop.slot, Slot::Data(_)) && prop.attrs.writable(),
        None if depth < 16 => {
            drop(p);
            chain_allows_add(proto, key, depth + 1)
        }
        None => false,
    }
}

/// [[Get]] that distinguishes "absent" from `undefined` (for global lookups).
pub fn lookup(interp: &mut Interp, receiver: &Value, key: &PropertyKey) -> JsResult<Option<Value>> {
    if let Value::Object(o) = receiver {
        function::materialize_for_key(interp, o, key);
    }
    let mut obj = match receiver {
        // The receiver's own properties first, without taking a handle (the common hit).
        Value::Object(o) => match own(o, key) {
            Found::Value(v) => return Ok(Some(v)),
            Found::Getter(None) => return Ok(Some(Value::Undefined)),
            Found::Getter(Some(g)) => {
                return interp
                    .call(&Value::Object(g), receiver.clone(), &[])
                    .map(Some)
            }
            Found::Proxy => return proxy::get(interp, o, key, receiver).map(Some),
            Found::Missing => match o.prototype() {
                Some(p) => p,
                None => return Ok(None),
            },
        },
        Value::String(s) => {
            if let Some(v) = string_own(s, key) {
                return Ok(Some(v));
            }
            interp.intrinsics.string_proto.clone()
        }
        Value::Number(_) => interp.intrinsics.number_proto.clone(),
        Value::Bool(_) => interp.intrinsics.boolean_proto.clone(),
        Value::Symbol(_) => interp.intrinsics.symbol_proto.clone(),
        Value::BigInt(_) => interp.intrinsics.bigint_proto.clone(),
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
        function::materialize_for_key(interp, &obj, key);
        match own(&obj, key) {
            Found::Value(v) => return Ok(Some(v)),
            Found::Getter(None) => return Ok(Some(Value::Undefined)),
            Found::Getter(Some(g)) => {
                return interp
                    .call(&Value::Object(g), receiver.clone(), &[])
                    .map(Some)
            }
            Found::Proxy => return proxy::get(interp, &obj, key, receiver).map(Some),
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

/// PutValue of a property reference (`o.x = v`, `o[k] += v`, …): [[Set]] on ToObject(base) with
/// `base` as the receiver; a failed [[Set]] throws in strict code (`interp.strict`, the mode of
/// the running code) and is silently ignored in sloppy code.
pub fn put_value(interp: &mut Interp, base: &Value, key: PropertyKey, v: Value) -> JsResult<()> {
    let obj = match base {
        Value::Undefined | Value::Null => {
            let k = key_display(&key);
            let what = if base.is_undefined() {
                "undefined"
            } else {
                "null"
            };
            return Err(interp
                .throw_type_error(&format!("Cannot set properties of {what} (setting '{k}')")));
        }
        Value::Object(o) => o.clone(),
        prim => ops::to_object(interp, prim)?,
    };
    match set_impl(interp, &obj, &key, v, base)? {
        Ok(()) => Ok(()),
        Err(_) if !interp.strict => Ok(()),
        Err(fail) => Err(set_failure(interp, fail, &obj, &key, base)),
    }
}

/// Set(O, P, V, true) on an object receiver: [[Set]], throwing a TypeError when it fails (what
/// builtins use). A primitive receiver is converted with ToObject.
pub fn set(interp: &mut Interp, receiver: &Value, key: PropertyKey, v: Value) -> JsResult<()> {
    let obj = match receiver {
        Value::Object(o) => o.clone(),
        prim => ops::to_object(interp, prim)?,
    };
    match set_impl(interp, &obj, &key, v, receiver)? {
        Ok(()) => Ok(()),
        Err(fail) => Err(set_failure(interp, fail, &obj, &key, receiver)),
    }
}

/// O.[[Set]](P, V, Receiver) as a boolean (Reflect.set).
pub fn set_with_receiver(
    interp: &mut Interp,
    obj: &JsObject,
    key: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    Ok(set_impl(interp, obj, key, v, receiver)?.is_ok())
}

/// Why an ordinary [[Set]] returned false: decides the strict-mode TypeError message.
#[derive(Debug, Clone, Copy)]
pub enum SetFail {
    ReadOnly,
    GetterOnly,
    NotExtensible,
    /// The receiver is a primitive: no property can be created on it.
    Primitive,
    /// An array index at or past a non-writable `length`.
    ArrayLength,
    /// A proxy's `set` trap (or a proxy receiver's `defineProperty`) returned false.
    Proxy,
}

fn set_failure(
    interp: &mut Interp,
    fail: SetFail,
    obj: &JsObject,
    key: &PropertyKey,
    receiver: &Value,
) -> super::Throw {
    let k = key_display(key);
    let msg = match (fail, receiver) {
        (SetFail::ReadOnly, Value::Object(_)) => format!(
            "Cannot assign to read only property '{k}' of {}",
            describe_for_assign(obj)
        ),
        (SetFail::ReadOnly, prim) => format!(
            "Cannot assign to read only property '{k}' of {} '{}'",
            prim.type_of().to_js_string(),
            primitive_display(prim)
        ),
        (SetFail::GetterOnly, _) => format!(
            "Cannot set property {k} of {} which has only a getter",
            describe_object(obj)
        ),
        (SetFail::ArrayLength, _) => format!(
            "Cannot assign to read only property 'length' of {}",
            describe_for_assign(obj)
        ),
        (SetFail::NotExtensible, _) => {
            format!("Cannot add property {k}, object is not extensible")
        }
        (SetFail::Proxy, _) => {
            format!("'set' on proxy: trap returned falsish for property '{k}'")
        }
        (SetFail::Primitive, prim) => format!(
            "Cannot create property '{k}' on {} '{}'",
            prim.type_of().to_js_string(),
            primitive_display(prim)
        ),
    };
    interp.throw_type_error(&msg)
}

fn primitive_display(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_std_string_lossy(),
        Value::Symbol(s) => s.descriptive_string().to_std_string_lossy(),
        other => crate::builtins::console::inspect_short(other),
    }
}

/// V8's `#<Ctor>` / `[object Array]` rendering of an object in error messages.
pub fn describe_object(obj: &JsObject) -> String {
    if matches!(obj.borrow().kind, ObjectKind::Array(_)) {
        return "[object Array]".into();
    }
    if matches!(obj.borrow().kind, ObjectKind::String(_)) {
        return "[object String]".into();
    }
    let mut cur = Some(obj.clone());
    while let Some(o) = cur {
        let ctor = o.get_own_data(&PropertyKey::String(atoms::CONSTRUCTOR));
        if let Some(Value::Object(c)) = ctor {
            if let Some(Value::String(n)) = c.get_own_data(&PropertyKey::String(atoms::NAME)) {
                if !n.is_empty() {
                    return format!("#<{}>", n.to_std_string_lossy());
                }
            }
        }
        cur = o.prototype();
    }
    "[object Object]".into()
}

fn describe_for_assign(obj: &JsObject) -> String {
    if obj.borrow().kind.is_callable() {
        let src = crate::builtins::function::source_text(obj);
        return format!("function '{src}'");
    }
    format!("object '{}'", describe_object(obj))
}

/// OrdinarySet(O, P, V, Receiver) (ECMA-262 §10.1.9.2), with the one-lookup fast path for an
/// own writable data property of the receiver itself.
pub fn set_impl(
    interp: &mut Interp,
    obj: &JsObject,
    key: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<Result<(), SetFail>> {
    if obj.borrow().kind.is_proxy() {
        return Ok(if proxy::set(interp, obj, key, v, receiver)? {
            Ok(())
        } else {
            Err(SetFail::Proxy)
        });
    }
    function::materialize_prototype(interp, obj);
    let same = matches!(receiver, Value::Object(r) if JsObject::ptr_eq(r, obj));
    // A mapped arguments index takes the general path: its [[DefineOwnProperty]] writes the
    // parameter (the arguments exotic [[Set]] of §10.4.4.4 has the same effect).
    if same && plain_own(obj, key) {
        let outcome = obj.borrow_mut().properties.write(key, v.clone());
        match outcome {
            WriteOutcome::Written => return Ok(Ok(())),
            WriteOutcome::ReadOnly => return Ok(Err(SetFail::ReadOnly)),
            WriteOutcome::Accessor(Accessor { set: Some(s), .. }) => {
                interp.call(&Value::Object(s), receiver.clone(), &[v])?;
                return Ok(Ok(()));
            }
            WriteOutcome::Accessor(Accessor { set: None, .. }) => {
                return Ok(Err(SetFail::GetterOnly))
            }
            WriteOutcome::Missing(_) => {}
        }
    }
    // Find the property on the chain (own first).
    let mut cur = obj.clone();
    let found = loop {
        if cur.borrow().kind.is_proxy() {
            // OrdinarySet step 2.c: the parent's [[Set]] takes over.
            return Ok(if proxy::set(interp, &cur, key, v, receiver)? {
                Ok(())
            } else {
                Err(SetFail::Proxy)
            });
        }
        function::materialize_for_key(interp, &cur, key);
        let own = cur.borrow().get_own_property(key);
        if let Some(p) = own {
            break Some(p);
        }
        match cur.prototype() {
            Some(p) => cur = p,
            None => break None,
        }
    };
    match found.map(|p| (p.slot, p.attrs)) {
        Some((Slot::Accessor(a), _)) => match a.set {
            Some(s) => {
                interp.call(&Value::Object(s), receiver.clone(), &[v])?;
                Ok(Ok(()))
            }
            None => Ok(Err(SetFail::GetterOnly)),
        },
        Some((Slot::Data(_), attrs)) if !attrs.writable() => Ok(Err(SetFail::ReadOnly)),
        _ => {
            let Value::Object(r) = receiver else {
                return Ok(Err(SetFail::Primitive));
            };
            let receiver_proxy = r.borrow().kind.is_proxy();
            let existing = get_own_property(interp, r, key)?;
            match existing {
                Some(p) => {
                    if matches!(p.slot, Slot::Accessor(_)) {
                        return Ok(Err(SetFail::GetterOnly));
                    }
                    if !p.attrs.writable() {
                        return Ok(Err(SetFail::ReadOnly));
                    }
                    let desc = PropertyDescriptor {
                        value: Some(v),
                        ..Default::default()
                    };
                    if define_own_property(interp, r, key.clone(), &desc)? {
                        Ok(Ok(()))
                    } else if receiver_proxy {
                        Ok(Err(SetFail::Proxy))
                    } else {
                        Ok(Err(SetFail::ReadOnly))
                    }
                }
                None => {
                    if !receiver_proxy && !r.borrow().is_extensible() {
                        return Ok(Err(SetFail::NotExtensible));
                    }
                    if define_own_property(
                        interp,
                        r,
                        key.clone(),
                        &PropertyDescriptor::data(v, true, true, true),
                    )? {
                        Ok(Ok(()))
                    } else if receiver_proxy {
                        Ok(Err(SetFail::Proxy))
                    } else {
                        // An array index past a read-only `length`.
                        Ok(Err(SetFail::ArrayLength))
                    }
                }
            }
        }
    }
}

/// Whether `key` names a property the object synthesizes (array `length`, a String wrapper's
/// `length` and indices): the `PropertyMap` fast paths must not be used for it.
fn has_exotic_own(obj: &JsObject, key: &PropertyKey) -> bool {
    match (&obj.borrow().kind, key) {
        (ObjectKind::Array(_), PropertyKey::String(k)) => *k == atoms::LENGTH,
        (ObjectKind::String(_), PropertyKey::String(k)) => *k == atoms::LENGTH,
        (ObjectKind::String(s), PropertyKey::Index(i)) => (*i as usize) < s.len(),
        _ => false,
    }
}

/// Whether [[Set]] may write `key` straight into the property map: not a synthesized
/// property (`has_exotic_own`) nor a still-mapped arguments index.
fn plain_own(obj: &JsObject, key: &PropertyKey) -> bool {
    match (&obj.borrow().kind, key) {
        (ObjectKind::Array(_), PropertyKey::String(k)) => *k != atoms::LENGTH,
        (ObjectKind::String(_), PropertyKey::String(k)) => *k != atoms::LENGTH,
        (ObjectKind::String(s), PropertyKey::Index(i)) => (*i as usize) >= s.len(),
        (ObjectKind::Arguments(Some(m)), PropertyKey::Index(i)) => !m.is_mapped(*i),
        _ => true,
    }
}

// ───────────── property descriptors and [[DefineOwnProperty]] ─────────────

/// A Property Descriptor record with every field optional (ECMA-262 §6.2.6). `get`/`set` hold
/// `Value::Undefined` or a function object when present.
#[derive(Clone, Debug, Default)]
pub struct PropertyDescriptor {
    pub value: Option<Value>,
    pub writable: Option<bool>,
    pub get: Option<Value>,
    pub set: Option<Value>,
    pub enumerable: Option<bool>,
    pub configurable: Option<bool>,
}

impl PropertyDescriptor {
    /// A complete data descriptor.
    pub fn data(value: Value, writable: bool, enumerable: bool, configurable: bool) -> Self {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(writable),
            enumerable: Some(enumerable),
            configurable: Some(configurable),
            ..Default::default()
        }
    }

    pub fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }
    pub fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }
    pub fn is_generic(&self) -> bool {
        !self.is_accessor() && !self.is_data()
    }
    fn is_empty(&self) -> bool {
        self.is_generic() && self.enumerable.is_none() && self.configurable.is_none()
    }

    /// The complete descriptor of an existing property.
    pub fn from_property(p: &Property) -> Self {
        let fun = |f: &Option<JsObject>| Some(f.clone().map_or(Value::Undefined, Value::Object));
        match &p.slot {
            Slot::Data(v) => Self::data(
                v.clone(),
                p.attrs.writable(),
                p.attrs.enumerable(),
                p.attrs.configurable(),
            ),
            Slot::Accessor(a) => PropertyDescriptor {
                get: fun(&a.get),
                set: fun(&a.set),
                enumerable: Some(p.attrs.enumerable()),
                configurable: Some(p.attrs.configurable()),
                ..Default::default()
            },
        }
    }

    /// FromPropertyDescriptor: the descriptor as a plain object.
    pub fn to_object(&self, interp: &mut Interp) -> JsObject {
        let o = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
        let fields = [
            (atoms::VALUE, self.value.clone()),
            (atoms::WRITABLE, self.writable.map(Value::Bool)),
            (atoms::GET, self.get.clone()),
            (atoms::SET, self.set.clone()),
            (atoms::ENUMERABLE, self.enumerable.map(Value::Bool)),
            (atoms::CONFIGURABLE, self.configurable.map(Value::Bool)),
        ];
        for (name, v) in fields {
            if let Some(v) = v {
                define_data(&o, PropertyKey::String(name), v);
            }
        }
        o
    }
}

/// ToPropertyDescriptor(Obj) (ECMA-262 §6.2.6.5): reads the fields in spec order with
/// HasProperty + Get, validates callability and the data/accessor exclusion.
pub fn to_property_descriptor(interp: &mut Interp, v: &Value) -> JsResult<PropertyDescriptor> {
    if !matches!(v, Value::Object(_)) {
        let s = crate::builtins::console::inspect_short(v);
        return Err(
            interp.throw_type_error(&format!("Property description must be an object: {s}"))
        );
    }
    let field = |interp: &mut Interp, name: Atom| -> JsResult<Option<Value>> {
        let k = PropertyKey::String(name);
        if has_property(interp, v, &k)? {
            Ok(Some(get(interp, v, &k)?))
        } else {
            Ok(None)
        }
    };
    let mut d = PropertyDescriptor {
        enumerable: field(interp, atoms::ENUMERABLE)?.map(|x| x.to_boolean()),
        configurable: field(interp, atoms::CONFIGURABLE)?.map(|x| x.to_boolean()),
        value: field(interp, atoms::VALUE)?,
        writable: field(interp, atoms::WRITABLE)?.map(|x| x.to_boolean()),
        ..Default::default()
    };
    for (name, is_get) in [(atoms::GET, true), (atoms::SET, false)] {
        if let Some(f) = field(interp, name)? {
            if !f.is_undefined() && !super::function::is_callable(&f) {
                let s = crate::builtins::console::inspect_short(&f);
                let what = if is_get { "Getter" } else { "Setter" };
                return Err(interp.throw_type_error(&format!("{what} must be a function: {s}")));
            }
            if is_get {
                d.get = Some(f);
            } else {
                d.set = Some(f);
            }
        }
    }
    if d.is_accessor() && d.is_data() {
        let s = describe_object(v.as_object().expect("checked above"));
        return Err(interp.throw_type_error(&format!(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, {s}"
        )));
    }
    Ok(d)
}

/// ValidateAndApplyPropertyDescriptor (ECMA-262 §10.1.6.3) as a pure function: `None` when
/// the definition must be rejected, `Some(None)` when nothing changes, `Some(Some(p))` for the
/// property to store.
pub fn validate_and_apply(
    current: Option<&Property>,
    extensible: bool,
    desc: &PropertyDescriptor,
) -> Option<Option<Property>> {
    let attrs_of = |e: bool, c: bool, w: bool| {
        let mut a = Attributes::NONE;
        if w {
            a = a.with(Attributes::WRITABLE);
        }
        if e {
            a = a.with(Attributes::ENUMERABLE);
        }
        if c {
            a = a.with(Attributes::CONFIGURABLE);
        }
        a
    };
    let fun = |v: &Option<Value>| v.as_ref().and_then(|v| v.as_object().cloned());
    let Some(current) = current else {
        if !extensible {
            return None;
        }
        let e = desc.enumerable.unwrap_or(false);
        let c = desc.configurable.unwrap_or(false);
        return Some(Some(if desc.is_accessor() {
            Property::accessor(fun(&desc.get), fun(&desc.set), attrs_of(e, c, false))
        } else {
            Property::data(
                desc.value.clone().unwrap_or(Value::Undefined),
                attrs_of(e, c, desc.writable.unwrap_or(false)),
            )
        }));
    };
    if desc.is_empty() {
        return Some(None);
    }
    let cur_acc = matches!(current.slot, Slot::Accessor(_));
    if !current.attrs.configurable() {
        if desc.configurable == Some(true) {
            return None;
        }
        if desc
            .enumerable
            .is_some_and(|e| e != current.attrs.enumerable())
        {
            return None;
        }
        if !desc.is_generic() && desc.is_accessor() != cur_acc {
            return None;
        }
        match &current.slot {
            Slot::Accessor(a) => {
                let same = |d: &Option<Value>, c: &Option<JsObject>| match d {
                    None => true,
                    Some(v) => v.same_value(&c.clone().map_or(Value::Undefined, Value::Object)),
                };
                if !same(&desc.get, &a.get) || !same(&desc.set, &a.set) {
                    return None;
                }
            }
            Slot::Data(v) => {
                if !current.attrs.writable() {
                    if desc.writable == Some(true) {
                        return None;
                    }
                    if desc.value.as_ref().is_some_and(|d| !d.same_value(v)) {
                        return None;
                    }
                }
            }
        }
    }
    let e = desc.enumerable.unwrap_or(current.attrs.enumerable());
    let c = desc.configurable.unwrap_or(current.attrs.configurable());
    Some(Some(
        match (&current.slot, desc.is_accessor(), desc.is_data()) {
            (Slot::Data(_), true, _) => {
                Property::accessor(fun(&desc.get), fun(&desc.set), attrs_of(e, c, false))
            }
            (Slot::Accessor(_), _, true) => Property::data(
                desc.value.clone().unwrap_or(Value::Undefined),
                attrs_of(e, c, desc.writable.unwrap_or(false)),
            ),
            (Slot::Data(v), _, _) => Property::data(
                desc.value.clone().unwrap_or_else(|| v.clone()),
                attrs_of(e, c, desc.writable.unwrap_or(current.attrs.writable())),
            ),
            (Slot::Accessor(a), _, _) => Property::accessor(
                match &desc.get {
                    Some(_) => fun(&desc.get),
                    None => a.get.clone(),
                },
                match &desc.set {
                    Some(_) => fun(&desc.set),
                    None => a.set.clone(),
                },
                attrs_of(e, c, false),
            ),
        },
    ))
}

/// OrdinaryDefineOwnProperty on the property map (no exotic keys).
fn ordinary_define_own_property(
    obj: &JsObject,
    key: PropertyKey,
    desc: &PropertyDescriptor,
) -> bool {
    let (current, extensible) = {
        let data = obj.borrow();
        (
            data.properties.get(&key).map(|r| r.to_property()),
            data.is_extensible(),
        )
    };
    match validate_and_apply(current.as_ref(), extensible, desc) {
        None => false,
        Some(None) => true,
        Some(Some(p)) => {
            obj.borrow_mut().properties.insert(key, p);
            true
        }
    }
}

/// O.[[DefineOwnProperty]](P, Desc) for every object kind we have: ordinary objects, Array
/// exotic objects (§10.4.2.1, ArraySetLength) and String exotic objects (§10.4.3.2).
/// May run user code (ToNumber of a new array `length`).
pub fn define_own_property(
    interp: &mut Interp,
    obj: &JsObject,
    key: PropertyKey,
    desc: &PropertyDescriptor,
) -> JsResult<bool> {
    function::materialize_prototype(interp, obj);
    let kind = match &obj.borrow().kind {
        ObjectKind::Array(a) => Some(Ok(*a)),
        ObjectKind::String(s) => Some(Err(s.len())),
        ObjectKind::Proxy(_) => return proxy::define_own_property(interp, obj, key, desc),
        _ => None,
    };
    match (kind, &key) {
        (Some(Ok(_)), PropertyKey::String(k)) if *k == atoms::LENGTH => {
            array_set_length(interp, obj, desc)
        }
        (Some(Ok(a)), PropertyKey::Index(i)) => {
            let i = *i;
            if i >= a.length && !a.length_writable {
                return Ok(false);
            }
            if !ordinary_define_own_property(obj, key, desc) {
                return Ok(false);
            }
            if let ObjectKind::Array(a) = &mut obj.borrow_mut().kind {
                if i >= a.length {
                    a.length = i + 1;
                }
            }
            Ok(true)
        }
        (Some(Err(_)), _) if has_exotic_own(obj, &key) => {
            // String exotic: the synthesized property is non-configurable; only a compatible
            // redefinition (IsCompatiblePropertyDescriptor) succeeds, and it changes nothing.
            let current = obj.borrow().get_own_property(&key);
            Ok(validate_and_apply(current.as_ref(), false, desc).is_some())
        }
        (None, PropertyKey::Index(i)) if is_mapped_argument(obj, *i) => {
            Ok(define_mapped_argument(obj, *i, desc))
        }
        _ => Ok(ordinary_define_own_property(obj, key, desc)),
    }
}

/// Whether `obj` is a mapped arguments object whose index `i` is still mapped.
fn is_mapped_argument(obj: &JsObject, i: u32) -> bool {
    matches!(&obj.borrow().kind, ObjectKind::Arguments(Some(m)) if m.is_mapped(i))
}

/// Arguments exotic [[DefineOwnProperty]] (ECMA-262 §10.4.4.2) of a mapped index `i`.
fn define_mapped_argument(obj: &JsObject, i: u32, desc: &PropertyDescriptor) -> bool {
    let key = PropertyKey::Index(i);
    let map_get = |obj: &JsObject| match &obj.borrow().kind {
        ObjectKind::Arguments(Some(m)) => m.get(i),
        _ => None,
    };
    // Step 3: freezing a mapped index keeps the parameter's current value.
    let mut new_desc = desc.clone();
    if !desc.is_accessor() && desc.value.is_none() && desc.writable == Some(false) {
        new_desc.value = map_get(obj);
    }
    if !ordinary_define_own_property(obj, key, &new_desc) {
        return false;
    }
    if let ObjectKind::Arguments(Some(m)) = &mut obj.borrow_mut().kind {
        if desc.is_accessor() {
            m.unmap(i);
        } else {
            if let Some(v) = &desc.value {
                m.set(i, v.clone());
            }
            if desc.writable == Some(false) {
                m.unmap(i);
            }
        }
    }
    true
}

/// The array `length` property as a descriptor-validated record.
fn array_length_property(a: &ArrayData) -> Property {
    let attrs = if a.length_writable {
        Attributes::WRITABLE
    } else {
        Attributes::NONE
    };
    Property::data(Value::Number(f64::from(a.length)), attrs)
}

/// OrdinaryDefineOwnProperty(A, "length", desc) on the synthesized `length`.
fn define_array_length(obj: &JsObject, desc: &PropertyDescriptor) -> bool {
    let a = match &obj.borrow().kind {
        ObjectKind::Array(a) => *a,
        _ => return false,
    };
    let current = array_length_property(&a);
    match validate_and_apply(Some(&current), false, desc) {
        None => false,
        Some(None) => true,
        Some(Some(p)) => {
            let len = match &p.slot {
                Slot::Data(Value::Number(n)) => *n as u32,
                _ => a.length,
            };
            if let ObjectKind::Array(a) = &mut obj.borrow_mut().kind {
                a.length = len;
                a.length_writable = p.attrs.writable();
            }
            true
        }
    }
}

/// ArraySetLength(A, Desc) (ECMA-262 §10.4.2.4).
fn array_set_length(
    interp: &mut Interp,
    obj: &JsObject,
    desc: &PropertyDescriptor,
) -> JsResult<bool> {
    let Some(value) = &desc.value else {
        return Ok(define_array_length(obj, desc));
    };
    let new_len = ops::to_uint32(interp, value)?;
    let number_len = ops::to_number(interp, value)?;
    if f64::from(new_len) != number_len {
        return Err(interp.throw_range_error("Invalid array length"));
    }
    let mut new_desc = desc.clone();
    new_desc.value = Some(Value::Number(f64::from(new_len)));
    let old = match &obj.borrow().kind {
        ObjectKind::Array(a) => *a,
        _ => return Ok(false),
    };
    if new_len >= old.length {
        return Ok(define_array_length(obj, &new_desc));
    }
    if !old.length_writable {
        return Ok(false);
    }
    let new_writable = new_desc.writable != Some(false);
    if !new_writable {
        new_desc.writable = Some(true);
    }
    if !define_array_length(obj, &new_desc) {
        return Ok(false);
    }
    // Delete indices ≥ newLen from the highest down; a non-configurable one stops the shrink.
    let doomed: Vec<u32> = {
        let data = obj.borrow();
        let mut keys = Vec::new();
        data.properties.index_keys_into(&mut keys);
        keys.into_iter()
            .filter_map(|k| match k {
                PropertyKey::Index(i) if i >= new_len => Some(i),
                _ => None,
            })
            .collect()
    };
    let all_configurable = {
        let data = obj.borrow();
        doomed.iter().all(|i| {
            data.properties
                .get_index(*i)
                .is_some_and(|p| p.attrs().configurable())
        })
    };
    if all_configurable {
        obj.borrow_mut().properties.truncate_indices(new_len);
    } else {
        for &i in doomed.iter().rev() {
            let removable = obj
                .borrow()
                .properties
                .get_index(i)
                .is_none_or(|p| p.attrs().configurable());
            if !removable {
                if let ObjectKind::Array(a) = &mut obj.borrow_mut().kind {
                    a.length = i + 1;
                    if !new_writable {
                        a.length_writable = false;
                    }
                }
                return Ok(false);
            }
            obj.borrow_mut().properties.remove(&PropertyKey::Index(i));
        }
    }
    if !new_writable {
        if let ObjectKind::Array(a) = &mut obj.borrow_mut().kind {
            a.length_writable = false;
        }
    }
    Ok(true)
}

/// DefinePropertyOrThrow.
pub fn define_property_or_throw(
    interp: &mut Interp,
    obj: &JsObject,
    key: PropertyKey,
    desc: &PropertyDescriptor,
) -> JsResult<()> {
    let k = key_display(&key);
    if obj.borrow().kind.is_proxy() {
        if proxy::define_own_property(interp, obj, key, desc)? {
            return Ok(());
        }
        return Err(interp.throw_type_error(&format!(
            "'defineProperty' on proxy: trap returned falsish for property '{k}'"
        )));
    }
    let existed = obj.borrow().get_own_property(&key).is_some();
    if define_own_property(interp, obj, key, desc)? {
        return Ok(());
    }
    let msg = if existed || obj.borrow().is_extensible() {
        format!("Cannot redefine property: {k}")
    } else {
        format!("Cannot define property {k}, object is not extensible")
    };
    Err(interp.throw_type_error(&msg))
}

/// CreateDataProperty(O, P, V): a boolean, never throws for ordinary objects and arrays
/// beyond `length` validation.
pub fn create_data_property(
    interp: &mut Interp,
    obj: &JsObject,
    key: PropertyKey,
    v: Value,
) -> JsResult<bool> {
    define_own_property(
        interp,
        obj,
        key,
        &PropertyDescriptor::data(v, true, true, true),
    )
}

/// CreateDataPropertyOrThrow.
pub fn create_data_property_or_throw(
    interp: &mut Interp,
    obj: &JsObject,
    key: PropertyKey,
    v: Value,
) -> JsResult<()> {
    define_property_or_throw(
        interp,
        obj,
        key,
        &PropertyDescriptor::data(v, true, true, true),
    )
}

/// O.[[GetOwnProperty]](P) (a proxy's trap may run).
pub fn get_own_property(
    interp: &mut Interp,
    obj: &JsObject,
    key: &PropertyKey,
) -> JsResult<Option<Property>> {
    function::materialize_for_key(interp, obj, key);
    {
        let data = obj.borrow();
        if !data.kind.is_proxy() {
            return Ok(data.get_own_property(key));
        }
    }
    proxy::get_own_property(interp, obj, key)
}

/// O.[[OwnPropertyKeys]]() (a proxy's trap may run).
pub fn own_property_keys(interp: &mut Interp, obj: &JsObject) -> JsResult<Vec<PropertyKey>> {
    function::materialize_prototype(interp, obj);
    {
        let data = obj.borrow();
        if !data.kind.is_proxy() {
            return Ok(data.own_keys());
        }
    }
    proxy::own_property_keys(interp, obj)
}

/// O.[[GetPrototypeOf]]() (a proxy's trap may run).
pub fn get_prototype_of(interp: &mut Interp, obj: &JsObject) -> JsResult<Option<JsObject>> {
    {
        let data = obj.borrow();
        if !data.kind.is_proxy() {
            return Ok(data.prototype.clone());
        }
    }
    proxy::get_prototype_of(interp, obj)
}

/// Whether `obj` is a Proxy exotic object.
#[inline]
pub fn is_proxy(obj: &JsObject) -> bool {
    obj.borrow().kind.is_proxy()
}

/// O.[[Delete]](P): ordinary (the exotic synthesized properties are non-configurable), or the
/// proxy's.
pub fn delete(interp: &mut Interp, obj: &JsObject, key: &PropertyKey) -> JsResult<bool> {
    if is_proxy(obj) {
        return proxy::delete(interp, obj, key);
    }
    function::materialize_prototype(interp, obj);
    Ok(ordinary_delete(obj, key))
}

/// OrdinaryDelete on a non-proxy.
fn ordinary_delete(obj: &JsObject, key: &PropertyKey) -> bool {
    if has_exotic_own(obj, key) {
        return false;
    }
    let configurable = match obj.borrow().properties.get(key) {
        None => return true,
        Some(p) => p.attrs().configurable(),
    };
    if configurable {
        let mut data = obj.borrow_mut();
        data.properties.remove(key);
        // Arguments exotic [[Delete]] (§10.4.4.5): the index is no longer mapped.
        if let (ObjectKind::Arguments(Some(m)), PropertyKey::Index(i)) = (&mut data.kind, key) {
            m.unmap(*i);
        }
    }
    configurable
}

/// `delete base[key]`: [[Delete]] on ToObject(base); strict code throws when it fails.
pub fn delete_value(interp: &mut Interp, base: &Value, key: &PropertyKey) -> JsResult<bool> {
    let obj = match base {
        Value::Object(o) => o.clone(),
        other => ops::to_object(interp, other)?,
    };
    let ok = delete(interp, &obj, key)?;
    if !ok && interp.strict {
        let msg = format!(
            "Cannot delete property '{}' of {}",
            key_display(key),
            describe_object(&obj)
        );
        return Err(interp.throw_type_error(&msg));
    }
    Ok(ok)
}

/// O.[[PreventExtensions]]().
pub fn prevent_extensions(interp: &mut Interp, obj: &JsObject) -> JsResult<bool> {
    if is_proxy(obj) {
        return proxy::prevent_extensions(interp, obj);
    }
    function::materialize_prototype(interp, obj);
    obj.borrow_mut().set_extensible(false);
    Ok(true)
}

/// O.[[IsExtensible]]().
pub fn is_extensible(interp: &mut Interp, obj: &JsObject) -> JsResult<bool> {
    {
        let data = obj.borrow();
        if !data.kind.is_proxy() {
            return Ok(data.is_extensible());
        }
    }
    proxy::is_extensible(interp, obj)
}

/// O.[[SetPrototypeOf]](V): a proxy's, or OrdinarySetPrototypeOf.
pub fn set_prototype_of(
    interp: &mut Interp,
    obj: &JsObject,
    proto: Option<JsObject>,
) -> JsResult<bool> {
    if is_proxy(obj) {
        return proxy::set_prototype_of(interp, obj, proto);
    }
    Ok(ordinary_set_prototype_of(interp, obj, proto))
}

/// OrdinarySetPrototypeOf(O, V) (§10.1.2.1), with the immutable-prototype exotic
/// %Object.prototype% (§10.4.7). The cycle walk stops at a proxy (step 8.c.i).
fn ordinary_set_prototype_of(interp: &Interp, obj: &JsObject, proto: Option<JsObject>) -> bool {
    let current = obj.prototype();
    let same = match (&current, &proto) {
        (None, None) => true,
        (Some(a), Some(b)) => JsObject::ptr_eq(a, b),
        _ => false,
    };
    if same {
        return true;
    }
    if JsObject::ptr_eq(obj, &interp.intrinsics.object_proto) {
        return false;
    }
    if !obj.borrow().is_extensible() {
        return false;
    }
    let mut p = proto.clone();
    while let Some(q) = p {
        if JsObject::ptr_eq(&q, obj) {
            return false;
        }
        if q.borrow().kind.is_proxy() {
            break;
        }
        p = q.prototype();
    }
    obj.borrow_mut().prototype = proto;
    // (Cached lookups through `obj` may change.)
    property::bump_lookup_epoch();
    true
}

/// HasProperty (the `in` operator, for-in's deleted-key check).
pub fn has_property(interp: &mut Interp, v: &Value, key: &PropertyKey) -> JsResult<bool> {
    let mut obj = match v {
        Value::Object(o) => o.clone(),
        _ => ops::to_object(interp, v)?,
    };
    loop {
        function::materialize_for_key(interp, &obj, key);
        {
            let data = obj.borrow();
            if data.kind.is_proxy() {
                drop(data);
                return proxy::has_property(interp, &obj, key);
            }
            if data.get_own_property(key).is_some() {
                return Ok(true);
            }
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
    let keys = own_property_keys(interp, &src_obj)?;
    for key in keys {
        let enumerable =
            get_own_property(interp, &src_obj, &key)?.is_some_and(|p| p.attrs.enumerable());
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
    // Keys of the objects visited so far (enumerable or not: either shadows a key further
    // up the chain). A hash set: a linear `contains` made a 1000-key dictionary cost half a
    // million comparisons. The first object's own keys are distinct, so they are only
    // checked from the second object on.
    let mut seen: std::collections::HashSet<PropertyKey, rustc_hash::FxBuildHasher> =
        Default::default();
    let mut first = true;
    let mut out = Vec::new();
    while let Some(o) = obj {
        for key in own_property_keys(interp, &o)? {
            if key.is_symbol() || (!first && seen.contains(&key)) {
                continue;
            }
            let enumerable =
                get_own_property(interp, &o, &key)?.is_some_and(|p| p.attrs.enumerable());
            seen.insert(key.clone());
            if enumerable {
                out.push(key);
            }
        }
        first = false;
        obj = get_prototype_of(interp, &o)?;
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
            Found::Proxy => return proxy::get(interp, &obj, key, receiver),
            Found::Missing => match obj.prototype() {
                Some(p) => obj = p,
                None => return Ok(Value::Undefined),
            },
        }
    }
}
