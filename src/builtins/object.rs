//! `Object`: the constructor (with new.target), every ES2023 static (plus `groupBy`), and
//! `Object.prototype` (hasOwnProperty, isPrototypeOf, propertyIsEnumerable, toString with
//! `Symbol.toStringTag`, toLocaleString, valueOf, the `__proto__` accessor and the legacy
//! `__defineGetter__` family). The algorithms are the spec's, on the internal methods in
//! `interp::props`.
//!
//! Proxies are reached through the same internal methods (their traps run in spec order).

use super::{arg, constructor, method, native};
use crate::interp::function::{callable, is_callable, Callable};
use crate::interp::props::{self, PropertyDescriptor};
use crate::interp::{iter, ops, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property, Slot};
use crate::value::{atoms, JsObject, JsString, PropertyKey, Symbol, Value, WellKnown};

fn object_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let nt = interp.new_target.take();
    if let Some(nt) = nt {
        let is_self = matches!(callable(&nt), Some((Callable::Native(f), _))
            if f as *const () == object_ctor as *const ());
        if !is_self {
            let o = interp.create_from_new_target(
                Some(nt),
                |i| &i.object_proto,
                ObjectKind::Ordinary,
            )?;
            return Ok(Value::Object(o));
        }
    }
    match arg(args, 0) {
        Value::Undefined | Value::Null => Ok(Value::Object(JsObject::ordinary(Some(
            interp.intrinsics.object_proto.clone(),
        )))),
        v => Ok(Value::Object(ops::to_object(interp, &v)?)),
    }
}

/// A property key as the string `Object.keys` and friends return.
pub fn key_string(k: &PropertyKey) -> Value {
    match k {
        PropertyKey::Index(i) => Value::from(i.to_string().as_str()),
        other => other.to_value(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Keys,
    Values,
    Entries,
}

/// EnumerableOwnProperties(O, kind): the enumerability is checked key by key as the walk
/// goes (a getter may delete or hide a later property).
fn enumerable_own(interp: &mut Interp, o: &JsObject, kind: Kind) -> JsResult<Vec<Value>> {
    let keys = props::own_property_keys(interp, o)?;
    let ov = Value::Object(o.clone());
    let mut out = Vec::new();
    for k in keys {
        if k.is_symbol() {
            continue;
        }
        let enumerable =
            props::get_own_property(interp, o, &k)?.is_some_and(|p| p.attrs.enumerable());
        if !enumerable {
            continue;
        }
        match kind {
            Kind::Keys => out.push(key_string(&k)),
            Kind::Values => out.push(props::get(interp, &ov, &k)?),
            Kind::Entries => {
                let v = props::get(interp, &ov, &k)?;
                let pair = interp.new_array(vec![key_string(&k), v]);
                out.push(Value::Object(pair));
            }
        }
    }
    Ok(out)
}

fn keys(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    let v = enumerable_own(interp, &o, Kind::Keys)?;
    Ok(Value::Object(interp.new_array(v)))
}

fn values(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    let v = enumerable_own(interp, &o, Kind::Values)?;
    Ok(Value::Object(interp.new_array(v)))
}

fn entries(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    let v = enumerable_own(interp, &o, Kind::Entries)?;
    Ok(Value::Object(interp.new_array(v)))
}

fn assign(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let to = ops::to_object(interp, &arg(args, 0))?;
    let tv = Value::Object(to.clone());
    for src in args.iter().skip(1) {
        if src.is_nullish() {
            continue;
        }
        let from = ops::to_object(interp, src)?;
        let fv = Value::Object(from.clone());
        for k in props::own_property_keys(interp, &from)? {
            let enumerable =
                props::get_own_property(interp, &from, &k)?.is_some_and(|p| p.attrs.enumerable());
            if enumerable {
                let v = props::get(interp, &fv, &k)?;
                props::set(interp, &tv, k, v)?;
            }
        }
    }
    Ok(tv)
}

#[derive(Clone, Copy, PartialEq)]
enum Level {
    Sealed,
    Frozen,
}

/// SetIntegrityLevel(O, level).
fn set_integrity_level(interp: &mut Interp, o: &JsObject, level: Level) -> JsResult<bool> {
    if !props::prevent_extensions(interp, o)? {
        return Ok(false);
    }
    for k in props::own_property_keys(interp, o)? {
        let desc = match level {
            Level::Sealed => PropertyDescriptor {
                configurable: Some(false),
                ..Default::default()
            },
            Level::Frozen => {
                let Some(current) = props::get_own_property(interp, o, &k)? else {
                    continue;
                };
                let is_acc = matches!(current.slot, Slot::Accessor(_));
                PropertyDescriptor {
                    configurable: Some(false),
                    writable: if is_acc { None } else { Some(false) },
                    ..Default::default()
                }
            }
        };
        props::define_property_or_throw(interp, o, k, &desc)?;
    }
    Ok(true)
}

/// TestIntegrityLevel(O, level).
fn test_integrity_level(interp: &mut Interp, o: &JsObject, level: Level) -> JsResult<bool> {
    if props::is_extensible(interp, o)? {
        return Ok(false);
    }
    for k in props::own_property_keys(interp, o)? {
        if let Some(p) = props::get_own_property(interp, o, &k)? {
            if p.attrs.configurable() {
                return Ok(false);
            }
            if level == Level::Frozen && matches!(p.slot, Slot::Data(_)) && p.attrs.writable() {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn freeze(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let v = arg(args, 0);
    if let Value::Object(o) = &v {
        if !set_integrity_level(interp, o, Level::Frozen)? {
            return Err(interp.throw_type_error("Cannot freeze"));
        }
    }
    Ok(v)
}

fn seal(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let v = arg(args, 0);
    if let Value::Object(o) = &v {
        if !set_integrity_level(interp, o, Level::Sealed)? {
            return Err(interp.throw_type_error("Cannot seal"));
        }
    }
    Ok(v)
}

fn prevent_extensions(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let v = arg(args, 0);
    if let Value::Object(o) = &v {
        if !props::prevent_extensions(interp, o)? {
            return Err(interp.throw_type_error("Cannot prevent extensions"));
        }
    }
    Ok(v)
}

fn is_frozen(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(match arg(args, 0) {
        Value::Object(o) => test_integrity_level(interp, &o, Level::Frozen)?,
        _ => true,
    }))
}

fn is_sealed(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(match arg(args, 0) {
        Value::Object(o) => test_integrity_level(interp, &o, Level::Sealed)?,
        _ => true,
    }))
}

fn is_extensible(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(match arg(args, 0) {
        Value::Object(o) => props::is_extensible(interp, &o)?,
        _ => false,
    }))
}

fn get_prototype_of(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    Ok(props::get_prototype_of(interp, &o)?.map_or(Value::Null, Value::Object))
}

fn proto_arg(interp: &mut Interp, v: &Value) -> JsResult<Option<JsObject>> {
    match v {
        Value::Object(p) => Ok(Some(p.clone())),
        Value::Null => Ok(None),
        other => {
            let s = super::console::inspect_short(other);
            Err(interp.throw_type_error(&format!(
                "Object prototype may only be an Object or null: {s}"
            )))
        }
    }
}

/// The TypeError for a failed [[SetPrototypeOf]] (V8's two messages).
fn set_proto_error(interp: &mut Interp, o: &JsObject) -> crate::interp::Throw {
    if JsObject::ptr_eq(o, &interp.intrinsics.object_proto) {
        return interp.throw_type_error(
            "Immutable prototype object 'Object.prototype' cannot have their prototype set",
        );
    }
    if props::is_proxy(o) {
        return interp.throw_type_error("'setPrototypeOf' on proxy: trap returned falsish");
    }
    if !o.borrow().is_extensible() {
        let d = props::describe_object(o);
        return interp.throw_type_error(&format!("{d} is not extensible"));
    }
    interp.throw_type_error("Cyclic __proto__ value")
}

fn set_prototype_of(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = arg(args, 0);
    if o.is_nullish() {
        return Err(interp.throw_type_error("Object.setPrototypeOf called on null or undefined"));
    }
    let proto = proto_arg(interp, &arg(args, 1))?;
    let Value::Object(obj) = &o else {
        return Ok(o);
    };
    if !props::set_prototype_of(interp, obj, proto)? {
        return Err(set_proto_error(interp, obj));
    }
    Ok(o)
}

/// ObjectDefineProperties(O, Properties).
fn object_define_properties(interp: &mut Interp, o: &JsObject, properties: &Value) -> JsResult<()> {
    let p = ops::to_object(interp, properties)?;
    let pv = Value::Object(p.clone());
    let mut descriptors = Vec::new();
    for k in props::own_property_keys(interp, &p)? {
        let enumerable =
            props::get_own_property(interp, &p, &k)?.is_some_and(|d| d.attrs.enumerable());
        if enumerable {
            let desc_obj = props::get(interp, &pv, &k)?;
            let desc = props::to_property_descriptor(interp, &desc_obj)?;
            descriptors.push((k, desc));
        }
    }
    for (k, desc) in descriptors {
        props::define_property_or_throw(interp, o, k, &desc)?;
    }
    Ok(())
}

fn create(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let proto = proto_arg(interp, &arg(args, 0))?;
    let o = JsObject::ordinary(proto);
    let properties = arg(args, 1);
    if !properties.is_undefined() {
        object_define_properties(interp, &o, &properties)?;
    }
    Ok(Value::Object(o))
}

fn define_property(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let target = arg(args, 0);
    let Value::Object(o) = &target else {
        return Err(interp.throw_type_error("Object.defineProperty called on non-object"));
    };
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    let desc = props::to_property_descriptor(interp, &arg(args, 2))?;
    props::define_property_or_throw(interp, o, key, &desc)?;
    Ok(target)
}

fn define_properties(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let target = arg(args, 0);
    let Value::Object(o) = &target else {
        return Err(interp.throw_type_error("Object.defineProperties called on non-object"));
    };
    object_define_properties(interp, o, &arg(args, 1))?;
    Ok(target)
}

fn get_own_property_descriptor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    Ok(match props::get_own_property(interp, &o, &key)? {
        Some(p) => Value::Object(PropertyDescriptor::from_property(&p).to_object(interp)),
        None => Value::Undefined,
    })
}

fn get_own_property_descriptors(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    let out = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    for k in props::own_property_keys(interp, &o)? {
        if let Some(p) = props::get_own_property(interp, &o, &k)? {
            let d = PropertyDescriptor::from_property(&p).to_object(interp);
            props::create_data_property(interp, &out, k, Value::Object(d))?;
        }
    }
    Ok(Value::Object(out))
}

fn own_keys_of(interp: &mut Interp, v: &Value, symbols: bool) -> JsResult<Value> {
    let o = ops::to_object(interp, v)?;
    let ks = props::own_property_keys(interp, &o)?
        .into_iter()
        .filter(|k| k.is_symbol() == symbols)
        .map(|k| key_string(&k))
        .collect();
    Ok(Value::Object(interp.new_array(ks)))
}

fn get_own_property_names(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    own_keys_of(interp, &arg(args, 0), false)
}

fn get_own_property_symbols(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    own_keys_of(interp, &arg(args, 0), true)
}

fn is(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(arg(args, 0).same_value(&arg(args, 1))))
}

fn has_own(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    Ok(Value::Bool(
        props::get_own_property(interp, &o, &key)?.is_some(),
    ))
}

fn from_entries(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let iterable = arg(args, 0);
    if iterable.is_nullish() {
        let s = super::console::inspect_short(&iterable);
        return Err(interp.throw_type_error(&format!("{s} is not iterable")));
    }
    let obj = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    let mut rec = iter::get_iterator(interp, &iterable)?;
    while let Some(entry) = iter::step_value(interp, &mut rec)? {
        let r = (|| -> JsResult<()> {
            if !matches!(entry, Value::Object(_)) {
                let s = super::console::inspect_short(&entry);
                return Err(
                    interp.throw_type_error(&format!("Iterator value {s} is not an entry object"))
                );
            }
            let k = props::get(interp, &entry, &PropertyKey::Index(0))?;
            let v = props::get(interp, &entry, &PropertyKey::Index(1))?;
            let key = ops::to_property_key(interp, &k)?;
            props::create_data_property_or_throw(interp, &obj, key, v)
        })();
        if r.is_err() {
            return iter::close(interp, &rec, true).map(|_| Value::Undefined);
        }
    }
    Ok(Value::Object(obj))
}

/// `Object.groupBy(items, callback)` (GroupBy with property keys).
fn group_by(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let items = arg(args, 0);
    let cb = arg(args, 1);
    if items.is_nullish() {
        let s = super::console::inspect_short(&items);
        return Err(interp.throw_type_error(&format!("{s} is not iterable")));
    }
    if !is_callable(&cb) {
        let s = super::console::inspect_short(&cb);
        return Err(interp.throw_type_error(&format!("{s} is not a function")));
    }
    let mut groups: Vec<(PropertyKey, Vec<Value>)> = Vec::new();
    let mut rec = iter::get_iterator(interp, &items)?;
    let mut k = 0.0;
    while let Some(v) = iter::step_value(interp, &mut rec)? {
        let r = interp
            .call(&cb, Value::Undefined, &[v.clone(), Value::Number(k)])
            .and_then(|key| ops::to_property_key(interp, &key));
        let key = match r {
            Ok(key) => key,
            Err(_) => return iter::close(interp, &rec, true).map(|_| Value::Undefined),
        };
        match groups.iter_mut().find(|(g, _)| *g == key) {
            Some((_, list)) => list.push(v),
            None => groups.push((key, vec![v])),
        }
        k += 1.0;
    }
    let obj = JsObject::ordinary(None);
    for (key, list) in groups {
        let arr = interp.new_array(list);
        props::define_data(&obj, key, Value::Object(arr));
    }
    Ok(Value::Object(obj))
}

// ───────────── Object.prototype ─────────────

fn has_own_property(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let key = ops::to_property_key(interp, &arg(args, 0))?;
    let o = ops::to_object(interp, this)?;
    Ok(Value::Bool(
        props::get_own_property(interp, &o, &key)?.is_some(),
    ))
}

fn is_prototype_of(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let Value::Object(mut v) = arg(args, 0) else {
        return Ok(Value::Bool(false));
    };
    let o = ops::to_object(interp, this)?;
    loop {
        match props::get_prototype_of(interp, &v)? {
            None => return Ok(Value::Bool(false)),
            Some(p) if JsObject::ptr_eq(&p, &o) => return Ok(Value::Bool(true)),
            Some(p) => v = p,
        }
    }
}

fn property_is_enumerable(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let key = ops::to_property_key(interp, &arg(args, 0))?;
    let o = ops::to_object(interp, this)?;
    Ok(Value::Bool(
        props::get_own_property(interp, &o, &key)?.is_some_and(|p| p.attrs.enumerable()),
    ))
}

/// `Object.prototype.toString` (ECMA-262 §20.1.3.6).
pub fn object_to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = match this {
        Value::Undefined => return Ok(Value::from("[object Undefined]")),
        Value::Null => return Ok(Value::from("[object Null]")),
        v => ops::to_object(interp, v)?,
    };
    let is_array = crate::interp::proxy::is_array(interp, &Value::Object(o.clone()))?;
    let builtin = match &o.borrow().kind {
        _ if is_array => "Array",
        ObjectKind::Proxy(p) if p.callable => "Function",
        ObjectKind::Arguments(_) => "Arguments",
        ObjectKind::Function(_) | ObjectKind::Closure(_) | ObjectKind::NativeClosureObj(..) => {
            "Function"
        }
        ObjectKind::Error => "Error",
        ObjectKind::Boolean(_) => "Boolean",
        ObjectKind::Number(_) => "Number",
        ObjectKind::String(_) => "String",
        ObjectKind::Date(_) => "Date",
        ObjectKind::RegExp(_) => "RegExp",
        _ => "Object",
    };
    let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::ToStringTag));
    let tag = props::get(interp, &Value::Object(o), &key)?;
    let tag = match tag {
        Value::String(s) => s.to_std_string_lossy(),
        _ => builtin.to_string(),
    };
    Ok(Value::String(JsString::from(format!("[object {tag}]"))))
}

fn to_locale_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let f = props::get(interp, this, &PropertyKey::String(atoms::TO_STRING))?;
    interp.call(&f, this.clone(), &[])
}

fn value_of(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Object(ops::to_object(interp, this)?))
}

fn proto_getter(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, this)?;
    Ok(props::get_prototype_of(interp, &o)?.map_or(Value::Null, Value::Object))
}

fn proto_setter(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(
            interp.throw_type_error("Object.prototype.__proto__ called on null or undefined")
        );
    }
    let proto = match arg(args, 0) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Ok(Value::Undefined),
    };
    let Value::Object(o) = this else {
        return Ok(Value::Undefined);
    };
    if !props::set_prototype_of(interp, o, proto)? {
        return Err(set_proto_error(interp, o));
    }
    Ok(Value::Undefined)
}

fn define_getter_or_setter(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    getter: bool,
) -> JsResult<Value> {
    let o = ops::to_object(interp, this)?;
    let f = arg(args, 1);
    if !is_callable(&f) {
        let which = if getter {
            "__defineGetter__"
        } else {
            "__defineSetter__"
        };
        return Err(
            interp.throw_type_error(&format!("Object.prototype.{which}: Expecting function"))
        );
    }
    let mut desc = PropertyDescriptor {
        enumerable: Some(true),
        configurable: Some(true),
        ..Default::default()
    };
    if getter {
        desc.get = Some(f);
    } else {
        desc.set = Some(f);
    }
    let key = ops::to_property_key(interp, &arg(args, 0))?;
    props::define_property_or_throw(interp, &o, key, &desc)?;
    Ok(Value::Undefined)
}

fn define_getter(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    define_getter_or_setter(interp, this, args, true)
}

fn define_setter(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    define_getter_or_setter(interp, this, args, false)
}

fn lookup_getter_or_setter(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    getter: bool,
) -> JsResult<Value> {
    let mut o = ops::to_object(interp, this)?;
    let key = ops::to_property_key(interp, &arg(args, 0))?;
    loop {
        if let Some(p) = props::get_own_property(interp, &o, &key)? {
            return Ok(match p.slot {
                Slot::Accessor(a) => {
                    let f = if getter { a.get } else { a.set };
                    f.map_or(Value::Undefined, Value::Object)
                }
                Slot::Data(_) => Value::Undefined,
            });
        }
        match props::get_prototype_of(interp, &o)? {
            Some(p) => o = p,
            None => return Ok(Value::Undefined),
        }
    }
}

fn lookup_getter(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    lookup_getter_or_setter(interp, this, args, true)
}

fn lookup_setter(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    lookup_getter_or_setter(interp, this, args, false)
}

pub fn install(interp: &mut Interp) {
    let proto = interp.intrinsics.object_proto.clone();
    let ctor = constructor(interp, "Object", 1, object_ctor, &proto);
    type F = crate::interp::function::NativeFn;
    let statics: [(&str, u32, F); 23] = [
        ("assign", 2, assign),
        ("create", 2, create),
        ("defineProperties", 2, define_properties),
        ("defineProperty", 3, define_property),
        ("entries", 1, entries),
        ("freeze", 1, freeze),
        ("fromEntries", 1, from_entries),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getOwnPropertyDescriptors", 1, get_own_property_descriptors),
        ("getOwnPropertyNames", 1, get_own_property_names),
        ("getOwnPropertySymbols", 1, get_own_property_symbols),
        ("getPrototypeOf", 1, get_prototype_of),
        ("groupBy", 2, group_by),
        ("hasOwn", 2, has_own),
        ("is", 2, is),
        ("isExtensible", 1, is_extensible),
        ("isFrozen", 1, is_frozen),
        ("isSealed", 1, is_sealed),
        ("keys", 1, keys),
        ("preventExtensions", 1, prevent_extensions),
        ("seal", 1, seal),
        ("setPrototypeOf", 2, set_prototype_of),
        ("values", 1, values),
    ];
    for (name, len, f) in statics {
        method(interp, &ctor, name, len, f);
    }
    let protos: [(&str, u32, F); 10] = [
        ("__defineGetter__", 2, define_getter),
        ("__defineSetter__", 2, define_setter),
        ("hasOwnProperty", 1, has_own_property),
        ("__lookupGetter__", 1, lookup_getter),
        ("__lookupSetter__", 1, lookup_setter),
        ("isPrototypeOf", 1, is_prototype_of),
        ("propertyIsEnumerable", 1, property_is_enumerable),
        ("toString", 0, object_to_string),
        ("valueOf", 0, value_of),
        ("toLocaleString", 0, to_locale_string),
    ];
    for (name, len, f) in protos {
        method(interp, &proto, name, len, f);
    }
    let get = native(interp, "get __proto__", 0, proto_getter, false);
    let set = native(interp, "set __proto__", 1, proto_setter, false);
    proto.borrow_mut().properties.insert(
        PropertyKey::from_str_key("__proto__"),
        Property::accessor(Some(get), Some(set), Attributes::CONFIGURABLE),
    );
}
