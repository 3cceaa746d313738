//! The keyed collections (ECMA-262 §24): `Map`, `Set`, `WeakMap`, `WeakSet`, their iterators
//! (%MapIteratorPrototype%, %SetIteratorPrototype%), `Map.groupBy`, the Set methods of ES2025
//! (`union`, `intersection`, … over GetSetRecord) and the `upsert` methods
//! (`getOrInsert`, `getOrInsertComputed`). Also %IteratorPrototype%'s `[Symbol.iterator]`.
//!
//! Storage is `value::object::OrderedMap` (SameValueZero keys, insertion order, tombstones that
//! keep live iterators' positions valid); every loop that runs JS between steps (forEach, the
//! iterators, the Set methods) registers as an open iterator so the map is not compacted under
//! it. WeakMap/WeakSet keep their entries in `value::weak::WeakTable` (objects and unregistered
//! symbols as keys).
//!

use super::{arg, constructor, getter, method, method_key, to_string_tag};
use crate::interp::function::is_callable;
use crate::interp::iter::{self, IteratorRecord};
use crate::interp::{ops, props, Interp, JsResult};
use crate::value::gc::{custom_trace, Finalize, Trace};
use crate::value::object::{ObjectKind, ObjectPayload, OrderedMap};
use crate::value::weak::WeakKey;
use crate::value::{number, Atom, JsObject, PropertyKey, Symbol, Value, WellKnown};
use std::any::Any;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Coll {
    Map,
    Set,
}

fn sym(wk: WellKnown) -> PropertyKey {
    PropertyKey::Symbol(Symbol::well_known(wk))
}

fn receiver_text(v: &Value) -> String {
    match v {
        Value::Object(o) => format!("#<{}>", o.kind_name()),
        other => super::console::inspect_short(other),
    }
}

fn incompatible(interp: &mut Interp, method: &str, this: &Value) -> crate::interp::Throw {
    let r = receiver_text(this);
    interp.throw_type_error(&format!(
        "Method {method} called on incompatible receiver {r}"
    ))
}

/// RequireInternalSlot(O, [[MapData]] / [[SetData]]).
fn this_coll(interp: &mut Interp, this: &Value, which: Coll, method: &str) -> JsResult<JsObject> {
    if let Value::Object(o) = this {
        let ok = matches!(
            (&o.borrow().kind, which),
            (ObjectKind::Map(_), Coll::Map) | (ObjectKind::Set(_), Coll::Set)
        );
        if ok {
            return Ok(o.clone());
        }
    }
    Err(incompatible(interp, method, this))
}

/// Run `f` on the collection's storage (no JS may run inside `f`).
fn with_data<R>(o: &JsObject, f: impl FnOnce(&mut OrderedMap) -> R) -> Option<R> {
    let mut d = o.borrow_mut();
    match &mut d.kind {
        ObjectKind::Map(m) | ObjectKind::Set(m) => Some(f(m)),
        _ => None,
    }
}

/// CanonicalizeKeyedCollectionKey: -0 becomes +0.
fn canonical(v: Value) -> Value {
    match v {
        Value::Number(n) if n.to_bits() == (-0.0f64).to_bits() => Value::Number(0.0),
        v => v,
    }
}

// ───────────── constructors ─────────────

fn requires_new(interp: &mut Interp, name: &str) -> crate::interp::Throw {
    interp.throw_type_error(&format!("Constructor {name} requires 'new'"))
}

/// The shared tail of the four constructors: look up the adder (`set`/`add`) on the new object
/// and feed it the iterable (AddEntriesFromIterable for the maps), closing on abrupt steps.
fn fill_from_iterable(
    interp: &mut Interp,
    obj: &JsObject,
    iterable: &Value,
    adder_name: &str,
    pairs: bool,
) -> JsResult<()> {
    if iterable.is_nullish() {
        return Ok(());
    }
    let target = Value::Object(obj.clone());
    let adder = props::get(interp, &target, &PropertyKey::from_str_key(adder_name))?;
    if !is_callable(&adder) {
        let s = super::console::inspect_short(&adder);
        return Err(interp.throw_type_error(&format!(
            "'{s}' returned for property '{adder_name}' of object '{}' is not a function",
            receiver_text(&target)
        )));
    }
    let mut rec = iter::get_iterator(interp, iterable)?;
    while let Some(next) = iter::step_value(interp, &mut rec)? {
        let r = if pairs {
            add_entry(interp, &target, &adder, &next)
        } else {
            interp.call(&adder, target.clone(), &[next]).map(|_| ())
        };
        if let Err(t) = r {
            return iter::close(interp, &rec, true).and(Err(t));
        }
    }
    Ok(())
}

fn add_entry(interp: &mut Interp, target: &Value, adder: &Value, next: &Value) -> JsResult<()> {
    if !matches!(next, Value::Object(_)) {
        let s = super::console::inspect_short(next);
        return Err(interp.throw_type_error(&format!("Iterator value {s} is not an entry object")));
    }
    let k = props::get(interp, next, &PropertyKey::Index(0))?;
    let v = props::get(interp, next, &PropertyKey::Index(1))?;
    interp.call(adder, target.clone(), &[k, v])?;
    Ok(())
}

fn map_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let Some(nt) = interp.new_target.take() else {
        return Err(requires_new(interp, "Map"));
    };
    let obj = interp.create_from_new_target(
        Some(nt),
        |i| &i.map_proto,
        ObjectKind::Map(Box::default()),
    )?;
    fill_from_iterable(interp, &obj, &arg(args, 0), "set", true)?;
    Ok(Value::Object(obj))
}

fn set_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let Some(nt) = interp.new_target.take() else {
        return Err(requires_new(interp, "Set"));
    };
    let obj = interp.create_from_new_target(
        Some(nt),
        |i| &i.set_proto,
        ObjectKind::Set(Box::default()),
    )?;
    fill_from_iterable(interp, &obj, &arg(args, 0), "add", false)?;
    Ok(Value::Object(obj))
}

fn weak_map_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let Some(nt) = interp.new_target.take() else {
        return Err(requires_new(interp, "WeakMap"));
    };
    let obj = interp.create_from_new_target(
        Some(nt),
        |i| &i.weak_map_proto,
        ObjectKind::WeakMap(Box::default()),
    )?;
    fill_from_iterable(interp, &obj, &arg(args, 0), "set", true)?;
    Ok(Value::Object(obj))
}

fn weak_set_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let Some(nt) = interp.new_target.take() else {
        return Err(requires_new(interp, "WeakSet"));
    };
    let obj = interp.create_from_new_target(
        Some(nt),
        |i| &i.weak_set_proto,
        ObjectKind::WeakSet(Box::default()),
    )?;
    fill_from_iterable(interp, &obj, &arg(args, 0), "add", false)?;
    Ok(Value::Object(obj))
}

fn species(_: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(this.clone())
}

/// `Map.groupBy(items, callback)` (GroupBy with zero = collection).
fn group_by(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let items = arg(args, 0);
    let callback = arg(args, 1);
    if items.is_nullish() {
        return Err(interp.throw_type_error("Map.groupBy called on null or undefined"));
    }
    if !is_callable(&callback) {
        let s = super::console::inspect_short(&callback);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    let mut groups = OrderedMap::new();
    let mut lists: Vec<Vec<Value>> = Vec::new();
    let mut rec = iter::get_iterator(interp, &items)?;
    let mut k = 0f64;
    while let Some(value) = iter::step_value(interp, &mut rec)? {
        let key = match interp.call(
            &callback,
            Value::Undefined,
            &[value.clone(), Value::Number(k)],
        ) {
            Ok(key) => canonical(key),
            Err(t) => return iter::close(interp, &rec, true).and(Err(t)),
        };
        match groups.get(&key) {
            Some(Value::Number(i)) => lists[*i as usize].push(value),
            _ => {
                groups.set(key, Value::Number(lists.len() as f64));
                lists.push(vec![value]);
            }
        }
        k += 1.0;
    }
    let mut data = OrderedMap::new();
    let keys: Vec<Value> = groups.iter().map(|(k, _)| k.clone()).collect();
    for (key, list) in keys.into_iter().zip(lists) {
        let arr = interp.new_array(list);
        data.set(key, Value::Object(arr));
    }
    let proto = interp.intrinsics.map_proto.clone();
    Ok(Value::Object(JsObject::new(
        Some(proto),
        ObjectKind::Map(Box::new(data)),
    )))
}

// ───────────── Map.prototype ─────────────

fn map_get(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "Map.prototype.get")?;
    let key = arg(args, 0);
    Ok(with_data(&o, |m| m.get(&key).cloned())
        .flatten()
        .unwrap_or_default())
}

fn map_set(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "Map.prototype.set")?;
    with_data(&o, |m| m.set(arg(args, 0), arg(args, 1)));
    Ok(this.clone())
}

fn map_has(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "Map.prototype.has")?;
    Ok(Value::Bool(
        with_data(&o, |m| m.has(&arg(args, 0))).unwrap_or(false),
    ))
}

fn map_delete(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "Map.prototype.delete")?;
    Ok(Value::Bool(
        with_data(&o, |m| m.delete(&arg(args, 0))).unwrap_or(false),
    ))
}

fn map_clear(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "Map.prototype.clear")?;
    with_data(&o, OrderedMap::clear);
    Ok(Value::Undefined)
}

fn map_size(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "get Map.prototype.size")?;
    Ok(Value::Number(with_data(&o, |m| m.len()).unwrap_or(0) as f64))
}

fn map_get_or_insert(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "Map.prototype.getOrInsert")?;
    let key = canonical(arg(args, 0));
    let value = arg(args, 1);
    Ok(with_data(&o, |m| match m.get(&key) {
        Some(v) => v.clone(),
        None => {
            m.set(key, value.clone());
            value
        }
    })
    .unwrap_or_default())
}

fn map_get_or_insert_computed(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Map, "Map.prototype.getOrInsertComputed")?;
    let cb = arg(args, 1);
    if !is_callable(&cb) {
        let s = super::console::inspect_short(&cb);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    let key = canonical(arg(args, 0));
    if let Some(v) = with_data(&o, |m| m.get(&key).cloned()).flatten() {
        return Ok(v);
    }
    let value = interp.call(&cb, Value::Undefined, std::slice::from_ref(&key))?;
    // The callback may have inserted the key itself: overwrite in place (spec step 8).
    with_data(&o, |m| m.set(key, value.clone()));
    Ok(value)
}

/// forEach for both kinds: visits entries appended during the walk, skips deleted ones.
fn for_each(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    which: Coll,
    name: &str,
) -> JsResult<Value> {
    let o = this_coll(interp, this, which, name)?;
    let cb = arg(args, 0);
    if !is_callable(&cb) {
        let s = super::console::inspect_short(&cb);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    let this_arg = arg(args, 1);
    with_data(&o, OrderedMap::iterator_opened);
    let mut pos = 0;
    let result = loop {
        let next = with_data(&o, |m| {
            m.next_entry(pos).map(|(p, k, v)| (p, k.clone(), v.clone()))
        })
        .flatten();
        let Some((p, k, v)) = next else {
            break Ok(Value::Undefined);
        };
        pos = p;
        let call_args = match which {
            Coll::Map => [v, k, this.clone()],
            Coll::Set => [k.clone(), k, this.clone()],
        };
        if let Err(t) = interp.call(&cb, this_arg.clone(), &call_args) {
            break Err(t);
        }
    };
    with_data(&o, OrderedMap::iterator_closed);
    result
}

fn map_for_each(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    for_each(interp, this, args, Coll::Map, "Map.prototype.forEach")
}

fn set_for_each(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    for_each(interp, this, args, Coll::Set, "Set.prototype.forEach")
}

// ───────────── Set.prototype ─────────────

fn set_add(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.add")?;
    let v = arg(args, 0);
    with_data(&o, |m| {
        if !m.has(&v) {
            m.set(v, Value::Undefined)
        }
    });
    Ok(this.clone())
}

fn set_has(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.has")?;
    Ok(Value::Bool(
        with_data(&o, |m| m.has(&arg(args, 0))).unwrap_or(false),
    ))
}

fn set_delete(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.delete")?;
    Ok(Value::Bool(
        with_data(&o, |m| m.delete(&arg(args, 0))).unwrap_or(false),
    ))
}

fn set_clear(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.clear")?;
    with_data(&o, OrderedMap::clear);
    Ok(Value::Undefined)
}

fn set_size(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "get Set.prototype.size")?;
    Ok(Value::Number(with_data(&o, |m| m.len()).unwrap_or(0) as f64))
}

// ───────────── Set methods (GetSetRecord) ─────────────

/// A Set Record: the other set-like object, its integral size, `has` and `keys`.
struct SetRecord {
    set: Value,
    size: f64,
    has: Value,
    keys: Value,
}

fn get_set_record(interp: &mut Interp, obj: &Value) -> JsResult<SetRecord> {
    if !matches!(obj, Value::Object(_)) {
        let s = super::console::inspect_short(obj);
        return Err(interp.throw_type_error(&format!("{s} is not an object")));
    }
    let raw = props::get(interp, obj, &PropertyKey::from_str_key("size"))?;
    let num = ops::to_number(interp, &raw)?;
    if num.is_nan() {
        return Err(interp.throw_type_error("The 'size' property must be a number"));
    }
    let size = number::to_integer_or_infinity(num);
    if size < 0.0 {
        return Err(interp.throw_range_error("'size' must be non-negative"));
    }
    let has = props::get(interp, obj, &PropertyKey::from_str_key("has"))?;
    if !is_callable(&has) {
        return Err(interp.throw_type_error("The 'has' property must be a function"));
    }
    let keys = props::get(interp, obj, &PropertyKey::from_str_key("keys"))?;
    if !is_callable(&keys) {
        return Err(interp.throw_type_error("The 'keys' property must be a function"));
    }
    Ok(SetRecord {
        set: obj.clone(),
        size,
        has,
        keys,
    })
}

/// GetIteratorFromMethod(set, keys) with the extra `next` callability check of GetKeysIterator.
fn keys_iterator(interp: &mut Interp, rec: &SetRecord) -> JsResult<IteratorRecord> {
    let it = iter::get_iterator_from_method(interp, &rec.set, &rec.keys)?;
    if !is_callable(&it.next) {
        return Err(interp.throw_type_error("The iterator's 'next' property must be a function"));
    }
    Ok(it)
}

fn copy_data(o: &JsObject) -> OrderedMap {
    let mut out = OrderedMap::new();
    with_data(o, |m| {
        for (k, _) in m.iter() {
            out.set(k.clone(), Value::Undefined);
        }
    });
    out
}

fn live_len(o: &JsObject) -> f64 {
    with_data(o, |m| m.len()).unwrap_or(0) as f64
}

fn new_set(interp: &Interp, data: OrderedMap) -> Value {
    let proto = interp.intrinsics.set_proto.clone();
    Value::Object(JsObject::new(Some(proto), ObjectKind::Set(Box::new(data))))
}

/// Walks `o`'s entries by position (re-reading the length each step, as the spec's "number of
/// elements" loops do), calling `other.has(e)`; `visit` returns `Some` to stop early.
fn walk_with_has(
    interp: &mut Interp,
    o: &JsObject,
    rec: &SetRecord,
    mut visit: impl FnMut(Value, bool) -> Option<bool>,
) -> JsResult<Option<bool>> {
    with_data(o, OrderedMap::iterator_opened);
    let mut pos = 0;
    let result = loop {
        let next = with_data(o, |m| m.next_entry(pos).map(|(p, k, _)| (p, k.clone()))).flatten();
        let Some((p, e)) = next else {
            break Ok(None);
        };
        pos = p;
        match interp.call(&rec.has, rec.set.clone(), std::slice::from_ref(&e)) {
            Ok(r) => {
                if let Some(stop) = visit(e, r.to_boolean()) {
                    break Ok(Some(stop));
                }
            }
            Err(t) => break Err(t),
        }
    };
    with_data(o, OrderedMap::iterator_closed);
    result
}

fn set_union(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.union")?;
    let rec = get_set_record(interp, &arg(args, 0))?;
    let mut it = keys_iterator(interp, &rec)?;
    let mut result = copy_data(&o);
    while let Some(next) = iter::step_value(interp, &mut it)? {
        let next = canonical(next);
        if !result.has(&next) {
            result.set(next, Value::Undefined);
        }
    }
    Ok(new_set(interp, result))
}

fn set_intersection(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.intersection")?;
    let rec = get_set_record(interp, &arg(args, 0))?;
    let mut result = OrderedMap::new();
    if live_len(&o) <= rec.size {
        walk_with_has(interp, &o, &rec, |e, in_other| {
            if in_other && !result.has(&e) {
                result.set(e, Value::Undefined);
            }
            None
        })?;
    } else {
        let mut it = keys_iterator(interp, &rec)?;
        while let Some(next) = iter::step_value(interp, &mut it)? {
            let next = canonical(next);
            let in_this = with_data(&o, |m| m.has(&next)).unwrap_or(false);
            if in_this && !result.has(&next) {
                result.set(next, Value::Undefined);
            }
        }
    }
    Ok(new_set(interp, result))
}

fn set_difference(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.difference")?;
    let rec = get_set_record(interp, &arg(args, 0))?;
    let mut result = copy_data(&o);
    if live_len(&o) <= rec.size {
        // The walk is over the copy (fixed when the method started), not over O.
        let elements: Vec<Value> = result.iter().map(|(k, _)| k.clone()).collect();
        for e in elements {
            let r = interp.call(&rec.has, rec.set.clone(), std::slice::from_ref(&e))?;
            if r.to_boolean() {
                result.delete(&e);
            }
        }
    } else {
        let mut it = keys_iterator(interp, &rec)?;
        while let Some(next) = iter::step_value(interp, &mut it)? {
            result.delete(&canonical(next));
        }
    }
    Ok(new_set(interp, result))
}

fn set_symmetric_difference(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.symmetricDifference")?;
    let rec = get_set_record(interp, &arg(args, 0))?;
    let mut it = keys_iterator(interp, &rec)?;
    let mut result = copy_data(&o);
    while let Some(next) = iter::step_value(interp, &mut it)? {
        let next = canonical(next);
        let already = result.has(&next);
        let in_this = with_data(&o, |m| m.has(&next)).unwrap_or(false);
        if in_this {
            if already {
                result.delete(&next);
            }
        } else if !already {
            result.set(next, Value::Undefined);
        }
    }
    Ok(new_set(interp, result))
}

fn set_is_subset_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.isSubsetOf")?;
    let rec = get_set_record(interp, &arg(args, 0))?;
    if live_len(&o) > rec.size {
        return Ok(Value::Bool(false));
    }
    let stop = walk_with_has(interp, &o, &rec, |_, in_other| (!in_other).then_some(false))?;
    Ok(Value::Bool(stop.unwrap_or(true)))
}

fn set_is_superset_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.isSupersetOf")?;
    let rec = get_set_record(interp, &arg(args, 0))?;
    if live_len(&o) < rec.size {
        return Ok(Value::Bool(false));
    }
    let mut it = keys_iterator(interp, &rec)?;
    while let Some(next) = iter::step_value(interp, &mut it)? {
        if !with_data(&o, |m| m.has(&next)).unwrap_or(false) {
            iter::close(interp, &it, false)?;
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_is_disjoint_from(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_coll(interp, this, Coll::Set, "Set.prototype.isDisjointFrom")?;
    let rec = get_set_record(interp, &arg(args, 0))?;
    if live_len(&o) <= rec.size {
        let stop = walk_with_has(interp, &o, &rec, |_, in_other| in_other.then_some(false))?;
        return Ok(Value::Bool(stop.unwrap_or(true)));
    }
    let mut it = keys_iterator(interp, &rec)?;
    while let Some(next) = iter::step_value(interp, &mut it)? {
        if with_data(&o, |m| m.has(&next)).unwrap_or(false) {
            iter::close(interp, &it, false)?;
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ───────────── WeakMap / WeakSet ─────────────

type WeakData = crate::value::weak::WeakTable;

/// CanBeHeldWeakly (ECMA-262 §9.13): an object, or a symbol not from the `Symbol.for` registry.
fn weak_key(v: &Value) -> Option<WeakKey<'_>> {
    match v {
        Value::Object(o) => Some(WeakKey::Object(o)),
        Value::Symbol(s) if s.registry_key().is_none() => Some(WeakKey::Symbol(s)),
        _ => None,
    }
}

fn this_weak(interp: &mut Interp, this: &Value, set: bool, method: &str) -> JsResult<JsObject> {
    if let Value::Object(o) = this {
        let ok = matches!(
            (&o.borrow().kind, set),
            (ObjectKind::WeakMap(_), false) | (ObjectKind::WeakSet(_), true)
        );
        if ok {
            return Ok(o.clone());
        }
    }
    Err(incompatible(interp, method, this))
}

fn with_weak<R>(o: &JsObject, f: impl FnOnce(&mut WeakData) -> R) -> Option<R> {
    let mut d = o.borrow_mut();
    match &mut d.kind {
        ObjectKind::WeakMap(m) | ObjectKind::WeakSet(m) => Some(f(m)),
        _ => None,
    }
}

fn invalid_weak_key(interp: &mut Interp) -> crate::interp::Throw {
    // V8's message (it names no value).
    interp.throw_type_error("Invalid value used as weak map key")
}

fn weak_map_get(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_weak(interp, this, false, "WeakMap.prototype.get")?;
    let key = arg(args, 0);
    let Some(k) = weak_key(&key) else {
        return Ok(Value::Undefined);
    };
    Ok(with_weak(&o, |m| m.get(k)).flatten().unwrap_or_default())
}

fn weak_map_set(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_weak(interp, this, false, "WeakMap.prototype.set")?;
    let key = arg(args, 0);
    let Some(k) = weak_key(&key) else {
        return Err(invalid_weak_key(interp));
    };
    with_weak(&o, |m| m.insert(k, arg(args, 1)));
    Ok(this.clone())
}

fn weak_has(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    set: bool,
    name: &str,
) -> JsResult<Value> {
    let o = this_weak(interp, this, set, name)?;
    let key = arg(args, 0);
    let Some(k) = weak_key(&key) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(
        with_weak(&o, |m| m.contains(k)).unwrap_or(false),
    ))
}

fn weak_delete(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    set: bool,
    name: &str,
) -> JsResult<Value> {
    let o = this_weak(interp, this, set, name)?;
    let key = arg(args, 0);
    let Some(k) = weak_key(&key) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(with_weak(&o, |m| m.remove(k)).unwrap_or(false)))
}

fn weak_map_has(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    weak_has(interp, this, args, false, "WeakMap.prototype.has")
}

fn weak_map_delete(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    weak_delete(interp, this, args, false, "WeakMap.prototype.delete")
}

fn weak_map_get_or_insert(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_weak(interp, this, false, "WeakMap.prototype.getOrInsert")?;
    let key = arg(args, 0);
    let Some(k) = weak_key(&key) else {
        return Err(invalid_weak_key(interp));
    };
    let value = arg(args, 1);
    Ok(with_weak(&o, |m| match m.get(k) {
        Some(v) => v,
        None => {
            m.insert(k, value.clone());
            value
        }
    })
    .unwrap_or_default())
}

fn weak_map_get_or_insert_computed(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let o = this_weak(interp, this, false, "WeakMap.prototype.getOrInsertComputed")?;
    let key = arg(args, 0);
    if weak_key(&key).is_none() {
        return Err(invalid_weak_key(interp));
    }
    let cb = arg(args, 1);
    if !is_callable(&cb) {
        let s = super::console::inspect_short(&cb);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    if let Some(v) = weak_key(&key).and_then(|k| with_weak(&o, |m| m.get(k)).flatten()) {
        return Ok(v);
    }
    let value = interp.call(&cb, Value::Undefined, std::slice::from_ref(&key))?;
    if let Some(k) = weak_key(&key) {
        with_weak(&o, |m| m.insert(k, value.clone()));
    }
    Ok(value)
}

fn weak_set_add(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = this_weak(interp, this, true, "WeakSet.prototype.add")?;
    let key = arg(args, 0);
    let Some(k) = weak_key(&key) else {
        return Err(interp.throw_type_error("Invalid value used in weak set"));
    };
    with_weak(&o, |m| m.insert(k, Value::Undefined));
    Ok(this.clone())
}

fn weak_set_has(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    weak_has(interp, this, args, true, "WeakSet.prototype.has")
}

fn weak_set_delete(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    weak_delete(interp, this, args, true, "WeakSet.prototype.delete")
}

// ───────────── iterators ─────────────

#[derive(Clone, Copy, PartialEq, Eq)]
enum IterKind {
    Keys,
    Values,
    Entries,
}

/// A Map or Set iterator's slots: the collection (`None` once exhausted), the resume
/// position in its entry list, and what it yields.
struct CollIterator {
    target: Option<JsObject>,
    pos: usize,
    kind: IterKind,
    of: Coll,
}

impl Finalize for CollIterator {}
// SAFETY: marks the iterated collection.
unsafe impl Trace for CollIterator {
    custom_trace!(this, mark, {
        if let Some(t) = &this.target {
            mark(t);
        }
    });
}

impl ObjectPayload for CollIterator {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// CreateMapIterator / CreateSetIterator.
fn create_iterator(
    interp: &mut Interp,
    this: &Value,
    of: Coll,
    kind: IterKind,
    name: &str,
) -> JsResult<Value> {
    let o = this_coll(interp, this, of, name)?;
    with_data(&o, OrderedMap::iterator_opened);
    let proto = match of {
        Coll::Map => interp.intrinsics.map_iterator_proto.clone(),
        Coll::Set => interp.intrinsics.set_iterator_proto.clone(),
    };
    Ok(Value::Object(JsObject::new(
        Some(proto),
        ObjectKind::Host(crate::value::object::PayloadBox::new(CollIterator {
            target: Some(o),
            pos: 0,
            kind,
            of,
        })),
    )))
}

fn iterator_next(interp: &mut Interp, this: &Value, of: Coll) -> JsResult<Value> {
    let state = match this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::Host(p) => p
                .as_any()
                .downcast_ref::<CollIterator>()
                .filter(|it| it.of == of)
                .map(|it| (it.target.clone(), it.pos, it.kind)),
            _ => None,
        },
        _ => None,
    };
    let Some((target, pos, kind)) = state else {
        let name = match of {
            Coll::Map => "Map Iterator.prototype.next",
            Coll::Set => "Set Iterator.prototype.next",
        };
        return Err(incompatible(interp, name, this));
    };
    let Value::Object(it_obj) = this else {
        return Err(incompatible(interp, "next", this));
    };
    let Some(target) = target else {
        return Ok(iter::iter_result(interp, Value::Undefined, true));
    };
    let step = with_data(&target, |m| {
        m.next_entry(pos).map(|(p, k, v)| (p, k.clone(), v.clone()))
    })
    .flatten();
    let update = |target: Option<JsObject>, pos: usize| {
        if let ObjectKind::Host(p) = &mut it_obj.borrow_mut().kind {
            if let Some(it) = p.as_any_mut().downcast_mut::<CollIterator>() {
                it.target = target;
                it.pos = pos;
            }
        }
    };
    match step {
        Some((p, k, v)) => {
            update(Some(target), p);
            let value = match (kind, of) {
                (IterKind::Keys, _) | (IterKind::Values, Coll::Set) => k,
                (IterKind::Values, Coll::Map) => v,
                (IterKind::Entries, Coll::Map) => Value::Object(interp.new_array(vec![k, v])),
                (IterKind::Entries, Coll::Set) => {
                    Value::Object(interp.new_array(vec![k.clone(), k]))
                }
            };
            Ok(iter::iter_result(interp, value, false))
        }
        None => {
            with_data(&target, OrderedMap::iterator_closed);
            update(None, pos);
            Ok(iter::iter_result(interp, Value::Undefined, true))
        }
    }
}

fn map_iterator_next(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    iterator_next(interp, this, Coll::Map)
}

fn set_iterator_next(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    iterator_next(interp, this, Coll::Set)
}

fn map_entries(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    create_iterator(
        interp,
        this,
        Coll::Map,
        IterKind::Entries,
        "Map.prototype.entries",
    )
}
fn map_keys(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    create_iterator(
        interp,
        this,
        Coll::Map,
        IterKind::Keys,
        "Map.prototype.keys",
    )
}
fn map_values(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    create_iterator(
        interp,
        this,
        Coll::Map,
        IterKind::Values,
        "Map.prototype.values",
    )
}
fn set_entries(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    create_iterator(
        interp,
        this,
        Coll::Set,
        IterKind::Entries,
        "Set.prototype.entries",
    )
}
fn set_values(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    create_iterator(
        interp,
        this,
        Coll::Set,
        IterKind::Values,
        "Set.prototype.values",
    )
}

fn iterator_self(_: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(this.clone())
}

// ───────────── install ─────────────

fn species_getter(interp: &Interp, ctor: &JsObject) {
    getter(
        interp,
        ctor,
        sym(WellKnown::Species),
        "[Symbol.species]",
        species,
    );
}

fn size_key() -> PropertyKey {
    PropertyKey::String(Atom::intern_str("size"))
}

pub fn install(interp: &mut Interp) {
    // %IteratorPrototype%[Symbol.iterator] (shared with the Array family).
    let ip = interp.intrinsics.iterator_proto.clone();
    if !ip
        .borrow()
        .properties
        .contains_key(&sym(WellKnown::Iterator))
    {
        method_key(
            interp,
            &ip,
            sym(WellKnown::Iterator),
            "[Symbol.iterator]",
            0,
            iterator_self,
        );
    }

    // Map
    let proto = interp.intrinsics.map_proto.clone();
    let ctor = constructor(interp, "Map", 0, map_ctor, &proto);
    method(interp, &ctor, "groupBy", 2, group_by);
    species_getter(interp, &ctor);
    method(interp, &proto, "clear", 0, map_clear);
    method(interp, &proto, "delete", 1, map_delete);
    let entries = method_key(
        interp,
        &proto,
        PropertyKey::from_str_key("entries"),
        "entries",
        0,
        map_entries,
    );
    method(interp, &proto, "forEach", 1, map_for_each);
    method(interp, &proto, "get", 1, map_get);
    method(interp, &proto, "getOrInsert", 2, map_get_or_insert);
    method(
        interp,
        &proto,
        "getOrInsertComputed",
        2,
        map_get_or_insert_computed,
    );
    method(interp, &proto, "has", 1, map_has);
    method(interp, &proto, "keys", 0, map_keys);
    method(interp, &proto, "set", 2, map_set);
    getter(interp, &proto, size_key(), "size", map_size);
    method(interp, &proto, "values", 0, map_values);
    props::define_hidden(&proto, sym(WellKnown::Iterator), Value::Object(entries));
    to_string_tag(&proto, "Map");

    // Set
    let proto = interp.intrinsics.set_proto.clone();
    let ctor = constructor(interp, "Set", 0, set_ctor, &proto);
    species_getter(interp, &ctor);
    method(interp, &proto, "add", 1, set_add);
    method(interp, &proto, "clear", 0, set_clear);
    method(interp, &proto, "delete", 1, set_delete);
    method(interp, &proto, "difference", 1, set_difference);
    method(interp, &proto, "entries", 0, set_entries);
    method(interp, &proto, "forEach", 1, set_for_each);
    method(interp, &proto, "has", 1, set_has);
    method(interp, &proto, "intersection", 1, set_intersection);
    method(interp, &proto, "isDisjointFrom", 1, set_is_disjoint_from);
    method(interp, &proto, "isSubsetOf", 1, set_is_subset_of);
    method(interp, &proto, "isSupersetOf", 1, set_is_superset_of);
    getter(interp, &proto, size_key(), "size", set_size);
    method(
        interp,
        &proto,
        "symmetricDifference",
        1,
        set_symmetric_difference,
    );
    method(interp, &proto, "union", 1, set_union);
    let values = method_key(
        interp,
        &proto,
        PropertyKey::from_str_key("values"),
        "values",
        0,
        set_values,
    );
    props::define_hidden(
        &proto,
        PropertyKey::String(Atom::intern_str("keys")),
        Value::Object(values.clone()),
    );
    props::define_hidden(&proto, sym(WellKnown::Iterator), Value::Object(values));
    to_string_tag(&proto, "Set");

    // WeakMap
    let proto = interp.intrinsics.weak_map_proto.clone();
    constructor(interp, "WeakMap", 0, weak_map_ctor, &proto);
    method(interp, &proto, "delete", 1, weak_map_delete);
    method(interp, &proto, "get", 1, weak_map_get);
    method(interp, &proto, "getOrInsert", 2, weak_map_get_or_insert);
    method(
        interp,
        &proto,
        "getOrInsertComputed",
        2,
        weak_map_get_or_insert_computed,
    );
    method(interp, &proto, "has", 1, weak_map_has);
    method(interp, &proto, "set", 2, weak_map_set);
    to_string_tag(&proto, "WeakMap");

    // WeakSet
    let proto = interp.intrinsics.weak_set_proto.clone();
    constructor(interp, "WeakSet", 0, weak_set_ctor, &proto);
    method(interp, &proto, "add", 1, weak_set_add);
    method(interp, &proto, "delete", 1, weak_set_delete);
    method(interp, &proto, "has", 1, weak_set_has);
    to_string_tag(&proto, "WeakSet");

    // The iterator prototypes.
    let mip = interp.intrinsics.map_iterator_proto.clone();
    method(interp, &mip, "next", 0, map_iterator_next);
    to_string_tag(&mip, "Map Iterator");
    let sip = interp.intrinsics.set_iterator_proto.clone();
    method(interp, &sip, "next", 0, set_iterator_next);
    to_string_tag(&sip, "Set Iterator");
}
