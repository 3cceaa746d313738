//! Proxy exotic objects' internal methods (ECMA-262 §10.5.1–§10.5.13): trap lookup on the
//! handler (GetMethod, TypeError once revoked), the call of the trap, and every invariant
//! check against the target; an undefined trap forwards to the target's internal method.
//! ProxyCreate (§10.5.14) and IsArray's look through proxies are here too.
//!
//! `interp::props` dispatches to these functions when it meets an `ObjectKind::Proxy`; the
//! target's internal methods are reached back through `props`, so a target that is itself a
//! proxy recurses. Each entry counts one level of `Interp::depth`, so a chain of 100,000
//! proxies (as target or as handler) ends in a RangeError instead of a Rust stack overflow.
//!
//! Not here: the `Proxy` constructor and `Proxy.revocable` (`builtins::proxy`), inspection
//! (`builtins::inspect` shows the target without running traps).

use super::props::{self, PropertyDescriptor};
use super::{function, Interp, JsResult};
use crate::value::object::{ObjectKind, ProxyData};
use crate::value::property::{Property, Slot};
use crate::value::{Atom, JsObject, PropertyKey, Value};

/// The target and handler of a live proxy, or the TypeError of a revoked one (steps 1–3 of
/// every proxy internal method), plus GetMethod(handler, name) (steps 4–5).
fn trap(
    interp: &mut Interp,
    proxy: &JsObject,
    name: &str,
) -> JsResult<(JsObject, JsObject, Option<Value>)> {
    let (target, handler) = match &proxy.borrow().kind {
        ObjectKind::Proxy(p) => (p.target.clone(), p.handler.clone()),
        _ => (None, None),
    };
    let (Some(target), Some(handler)) = (target, handler) else {
        return Err(interp.throw_type_error(&format!(
            "Cannot perform '{name}' on a proxy that has been revoked"
        )));
    };
    let key = PropertyKey::String(Atom::intern_str(name));
    let m = props::get(interp, &Value::Object(handler.clone()), &key)?;
    let m = match m {
        Value::Undefined | Value::Null => None,
        f if function::is_callable(&f) => Some(f),
        other => {
            let s = crate::builtins::console::inspect_short(&other);
            return Err(interp.throw_type_error(&format!("{s} is not a function")));
        }
    };
    Ok((target, handler, m))
}

/// Runs `f` one call level deeper: proxies forward to proxies without calling JS, so the
/// interpreter's call-depth guard must count them.
fn nested<T>(interp: &mut Interp, f: impl FnOnce(&mut Interp) -> JsResult<T>) -> JsResult<T> {
    if interp.depth >= interp.budget.max_depth {
        return Err(interp.depth_exceeded());
    }
    interp.depth += 1;
    let r = f(interp);
    interp.depth -= 1;
    r
}

fn invariant(interp: &mut Interp, msg: &str) -> super::Throw {
    interp.throw_type_error(msg)
}

fn key_value(k: &PropertyKey) -> Value {
    crate::builtins::object::key_string(k)
}

fn proto_value(p: &Option<JsObject>) -> Value {
    p.clone().map_or(Value::Null, Value::Object)
}

/// [[GetPrototypeOf]] (§10.5.1).
pub fn get_prototype_of(interp: &mut Interp, proxy: &JsObject) -> JsResult<Option<JsObject>> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "getPrototypeOf")?;
        let Some(trap) = trap else {
            return props::get_prototype_of(interp, &target);
        };
        let t = Value::Object(target.clone());
        let handler_proto = match interp.call(&trap, Value::Object(handler), &[t])? {
            Value::Object(o) => Some(o),
            Value::Null => None,
            _ => {
                return Err(invariant(
                    interp,
                    "'getPrototypeOf' on proxy: trap returned neither object nor null",
                ))
            }
        };
        if props::is_extensible(interp, &target)? {
            return Ok(handler_proto);
        }
        let target_proto = props::get_prototype_of(interp, &target)?;
        if !proto_value(&handler_proto).same_value(&proto_value(&target_proto)) {
            return Err(invariant(
                interp,
                "'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype",
            ));
        }
        Ok(handler_proto)
    })
}

/// [[SetPrototypeOf]] (§10.5.2).
pub fn set_prototype_of(
    interp: &mut Interp,
    proxy: &JsObject,
    v: Option<JsObject>,
) -> JsResult<bool> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "setPrototypeOf")?;
        let Some(trap) = trap else {
            return props::set_prototype_of(interp, &target, v);
        };
        let args = [Value::Object(target.clone()), proto_value(&v)];
        let ok = interp
            .call(&trap, Value::Object(handler), &args)?
            .to_boolean();
        if !ok {
            return Ok(false);
        }
        if props::is_extensible(interp, &target)? {
            return Ok(true);
        }
        let target_proto = props::get_prototype_of(interp, &target)?;
        if !proto_value(&v).same_value(&proto_value(&target_proto)) {
            return Err(invariant(
                interp,
                "'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target",
            ));
        }
        Ok(true)
    })
}

/// [[IsExtensible]] (§10.5.3).
pub fn is_extensible(interp: &mut Interp, proxy: &JsObject) -> JsResult<bool> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "isExtensible")?;
        let Some(trap) = trap else {
            return props::is_extensible(interp, &target);
        };
        let t = Value::Object(target.clone());
        let result = interp
            .call(&trap, Value::Object(handler), &[t])?
            .to_boolean();
        if result != props::is_extensible(interp, &target)? {
            return Err(invariant(
                interp,
                &format!("'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is '{}')", !result),
            ));
        }
        Ok(result)
    })
}

/// [[PreventExtensions]] (§10.5.4).
pub fn prevent_extensions(interp: &mut Interp, proxy: &JsObject) -> JsResult<bool> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "preventExtensions")?;
        let Some(trap) = trap else {
            return props::prevent_extensions(interp, &target);
        };
        let t = Value::Object(target.clone());
        let result = interp
            .call(&trap, Value::Object(handler), &[t])?
            .to_boolean();
        if result && props::is_extensible(interp, &target)? {
            return Err(invariant(
                interp,
                "'preventExtensions' on proxy: trap returned truish but the proxy target is extensible",
            ));
        }
        Ok(result)
    })
}

/// IsCompatiblePropertyDescriptor(Extensible, Desc, Current).
fn is_compatible(extensible: bool, desc: &PropertyDescriptor, current: Option<&Property>) -> bool {
    props::validate_and_apply(current, extensible, desc).is_some()
}

/// [[GetOwnProperty]] (§10.5.5).
pub fn get_own_property(
    interp: &mut Interp,
    proxy: &JsObject,
    key: &PropertyKey,
) -> JsResult<Option<Property>> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "getOwnPropertyDescriptor")?;
        let Some(trap) = trap else {
            return props::get_own_property(interp, &target, key);
        };
        let args = [Value::Object(target.clone()), key_value(key)];
        let result = interp.call(&trap, Value::Object(handler), &args)?;
        if !matches!(result, Value::Object(_) | Value::Undefined) {
            let k = props::key_display(key);
            return Err(invariant(
                interp,
                &format!("'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '{k}'"),
            ));
        }
        let target_desc = props::get_own_property(interp, &target, key)?;
        if result.is_undefined() {
            let Some(td) = target_desc else {
                return Ok(None);
            };
            let k = props::key_display(key);
            if !td.attrs.configurable() {
                return Err(invariant(
                    interp,
                    &format!("'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{k}' which is non-configurable in the proxy target"),
                ));
            }
            if !props::is_extensible(interp, &target)? {
                return Err(invariant(
                    interp,
                    &format!("'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{k}' which exists in the non-extensible proxy target"),
                ));
            }
            return Ok(None);
        }
        let extensible = props::is_extensible(interp, &target)?;
        let desc = props::to_property_descriptor(interp, &result)?;
        let complete = complete_property_descriptor(&desc);
        let k = props::key_display(key);
        if !is_compatible(extensible, &desc, target_desc.as_ref()) {
            return Err(invariant(
                interp,
                &format!("'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property '{k}' that is incompatible with the existing property in the proxy target"),
            ));
        }
        if !complete.attrs.configurable() {
            match &target_desc {
                Some(td) if !td.attrs.configurable() => {
                    if desc.writable == Some(false) {
                        if let Slot::Data(_) = td.slot {
                            if td.attrs.writable() {
                                return Err(invariant(
                                    interp,
                                    &format!("'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property '{k}' which is non-configurable, non-writable in the proxy target"),
                                ));
                            }
                        }
                    }
                }
                _ => {
                    return Err(invariant(
                        interp,
                        &format!("'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property '{k}' which is either non-existent or configurable in the proxy target"),
                    ));
                }
            }
        }
        Ok(Some(complete))
    })
}

/// CompletePropertyDescriptor (§6.2.6.6) as a stored property record.
fn complete_property_descriptor(desc: &PropertyDescriptor) -> Property {
    match props::validate_and_apply(None, true, desc) {
        Some(Some(p)) => p,
        // Unreachable: a definition on an extensible object without a current property
        // always succeeds; an empty data property is the safe answer anyway.
        _ => Property::data(Value::Undefined, crate::value::property::Attributes::NONE),
    }
}

/// [[DefineOwnProperty]] (§10.5.6).
pub fn define_own_property(
    interp: &mut Interp,
    proxy: &JsObject,
    key: PropertyKey,
    desc: &PropertyDescriptor,
) -> JsResult<bool> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "defineProperty")?;
        let Some(trap) = trap else {
            return props::define_own_property(interp, &target, key, desc);
        };
        let desc_obj = Value::Object(desc.to_object(interp));
        let args = [Value::Object(target.clone()), key_value(&key), desc_obj];
        if !interp
            .call(&trap, Value::Object(handler), &args)?
            .to_boolean()
        {
            return Ok(false);
        }
        let target_desc = props::get_own_property(interp, &target, &key)?;
        let extensible = props::is_extensible(interp, &target)?;
        let setting_config_false = desc.configurable == Some(false);
        let k = props::key_display(&key);
        match target_desc {
            None => {
                if !extensible {
                    return Err(invariant(
                        interp,
                        &format!("'defineProperty' on proxy: trap returned truish for adding property '{k}'  to the non-extensible proxy target"),
                    ));
                }
                if setting_config_false {
                    return Err(invariant(
                        interp,
                        &format!("'defineProperty' on proxy: trap returned truish for defining non-configurable property '{k}' which is either non-existent or configurable in the proxy target"),
                    ));
                }
            }
            Some(td) => {
                if !is_compatible(extensible, desc, Some(&td)) {
                    return Err(invariant(
                        interp,
                        &format!("'defineProperty' on proxy: trap returned truish for adding property '{k}'  that is incompatible with the existing property in the proxy target"),
                    ));
                }
                if setting_config_false && td.attrs.configurable() {
                    return Err(invariant(
                        interp,
                        &format!("'defineProperty' on proxy: trap returned truish for defining non-configurable property '{k}' which is either non-existent or configurable in the proxy target"),
                    ));
                }
                if matches!(td.slot, Slot::Data(_))
                    && !td.attrs.configurable()
                    && td.attrs.writable()
                    && desc.writable == Some(false)
                {
                    return Err(invariant(
                        interp,
                        &format!("'defineProperty' on proxy: trap returned truish for defining non-configurable property '{k}' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object."),
                    ));
                }
            }
        }
        Ok(true)
    })
}

/// [[HasProperty]] (§10.5.7).
pub fn has_property(interp: &mut Interp, proxy: &JsObject, key: &PropertyKey) -> JsResult<bool> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "has")?;
        let Some(trap) = trap else {
            return props::has_property(interp, &Value::Object(target), key);
        };
        let args = [Value::Object(target.clone()), key_value(key)];
        let result = interp
            .call(&trap, Value::Object(handler), &args)?
            .to_boolean();
        if !result {
            if let Some(td) = props::get_own_property(interp, &target, key)? {
                let k = props::key_display(key);
                if !td.attrs.configurable() {
                    return Err(invariant(
                        interp,
                        &format!("'has' on proxy: trap returned falsish for property '{k}' which exists in the proxy target as non-configurable"),
                    ));
                }
                if !props::is_extensible(interp, &target)? {
                    return Err(invariant(
                        interp,
                        &format!("'has' on proxy: trap returned falsish for property '{k}' but the proxy target is not extensible"),
                    ));
                }
            }
        }
        Ok(result)
    })
}

/// [[Get]] (§10.5.8).
pub fn get(
    interp: &mut Interp,
    proxy: &JsObject,
    key: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "get")?;
        let Some(trap) = trap else {
            return props::get_with_receiver(interp, &target, key, receiver);
        };
        let args = [
            Value::Object(target.clone()),
            key_value(key),
            receiver.clone(),
        ];
        let result = interp.call(&trap, Value::Object(handler), &args)?;
        if let Some(td) = props::get_own_property(interp, &target, key)? {
            if !td.attrs.configurable() {
                let k = props::key_display(key);
                match &td.slot {
                    Slot::Data(v) if !td.attrs.writable() && !result.same_value(v) => {
                        let e = crate::builtins::console::inspect_short(v);
                        let a = crate::builtins::console::inspect_short(&result);
                        return Err(invariant(
                            interp,
                            &format!("'get' on proxy: property '{k}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '{e}' but got '{a}')"),
                        ));
                    }
                    Slot::Accessor(a) if a.get.is_none() && !result.is_undefined() => {
                        let got = crate::builtins::console::inspect_short(&result);
                        return Err(invariant(
                            interp,
                            &format!("'get' on proxy: property '{k}' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '{got}')"),
                        ));
                    }
                    _ => {}
                }
            }
        }
        Ok(result)
    })
}

/// [[Set]] (§10.5.9).
pub fn set(
    interp: &mut Interp,
    proxy: &JsObject,
    key: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "set")?;
        let Some(trap) = trap else {
            return props::set_with_receiver(interp, &target, key, v, receiver);
        };
        let args = [
            Value::Object(target.clone()),
            key_value(key),
            v.clone(),
            receiver.clone(),
        ];
        if !interp
            .call(&trap, Value::Object(handler), &args)?
            .to_boolean()
        {
            return Ok(false);
        }
        if let Some(td) = props::get_own_property(interp, &target, key)? {
            if !td.attrs.configurable() {
                let k = props::key_display(key);
                match &td.slot {
                    Slot::Data(tv) if !td.attrs.writable() && !v.same_value(tv) => {
                        return Err(invariant(
                            interp,
                            &format!("'set' on proxy: trap returned truish for property '{k}' which exists in the proxy target as a non-configurable and non-writable data property with a different value"),
                        ));
                    }
                    Slot::Accessor(a) if a.set.is_none() => {
                        return Err(invariant(
                            interp,
                            &format!("'set' on proxy: trap returned truish for property '{k}' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter"),
                        ));
                    }
                    _ => {}
                }
            }
        }
        Ok(true)
    })
}

/// [[Delete]] (§10.5.10).
pub fn delete(interp: &mut Interp, proxy: &JsObject, key: &PropertyKey) -> JsResult<bool> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "deleteProperty")?;
        let Some(trap) = trap else {
            return props::delete(interp, &target, key);
        };
        let args = [Value::Object(target.clone()), key_value(key)];
        if !interp
            .call(&trap, Value::Object(handler), &args)?
            .to_boolean()
        {
            return Ok(false);
        }
        let Some(td) = props::get_own_property(interp, &target, key)? else {
            return Ok(true);
        };
        let k = props::key_display(key);
        if !td.attrs.configurable() {
            return Err(invariant(
                interp,
                &format!("'deleteProperty' on proxy: trap returned truish for property '{k}' which is non-configurable in the proxy target"),
            ));
        }
        if !props::is_extensible(interp, &target)? {
            return Err(invariant(
                interp,
                &format!("'deleteProperty' on proxy: trap returned truish for property '{k}' but the proxy target is non-extensible"),
            ));
        }
        Ok(true)
    })
}

/// [[OwnPropertyKeys]] (§10.5.11).
pub fn own_property_keys(interp: &mut Interp, proxy: &JsObject) -> JsResult<Vec<PropertyKey>> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "ownKeys")?;
        let Some(trap) = trap else {
            return props::own_property_keys(interp, &target);
        };
        let t = Value::Object(target.clone());
        let array = interp.call(&trap, Value::Object(handler), &[t])?;
        // CreateListFromArrayLike(trapResultArray, « String, Symbol »).
        let Value::Object(_) = &array else {
            let s = crate::builtins::console::inspect_short(&array);
            return Err(invariant(
                interp,
                &format!("CreateListFromArrayLike called on non-object: {s}"),
            ));
        };
        let len = crate::builtins::function::length_of_array_like(interp, &array)?;
        let mut keys: Vec<PropertyKey> = Vec::new();
        let mut i = 0.0;
        while i < len {
            let v = props::get(interp, &array, &PropertyKey::from_number(i))?;
            let key = match &v {
                Value::String(_) | Value::Symbol(_) => super::ops::to_property_key(interp, &v)?,
                other => {
                    let s = crate::builtins::console::inspect_short(other);
                    return Err(invariant(
                        interp,
                        &format!("{s} is not a valid property name"),
                    ));
                }
            };
            if keys.contains(&key) {
                let k = props::key_display(&key);
                return Err(invariant(
                    interp,
                    &format!("'ownKeys' on proxy: trap returned duplicate entries ('{k}')"),
                ));
            }
            keys.push(key);
            i += 1.0;
        }
        let extensible = props::is_extensible(interp, &target)?;
        let target_keys = props::own_property_keys(interp, &target)?;
        let mut configurable = Vec::new();
        let mut nonconfigurable = Vec::new();
        for k in target_keys {
            match props::get_own_property(interp, &target, &k)? {
                Some(d) if !d.attrs.configurable() => nonconfigurable.push(k),
                _ => configurable.push(k),
            }
        }
        if extensible && nonconfigurable.is_empty() {
            return Ok(keys);
        }
        let mut unchecked: Vec<Option<PropertyKey>> = keys.iter().cloned().map(Some).collect();
        let mut take = |k: &PropertyKey| -> bool {
            match unchecked.iter_mut().find(|u| u.as_ref() == Some(k)) {
                Some(slot) => {
                    *slot = None;
                    true
                }
                None => false,
            }
        };
        for k in &nonconfigurable {
            if !take(k) {
                let s = props::key_display(k);
                return Err(invariant(
                    interp,
                    &format!("'ownKeys' on proxy: trap result did not include '{s}'"),
                ));
            }
        }
        if extensible {
            return Ok(keys);
        }
        for k in &configurable {
            if !take(k) {
                let s = props::key_display(k);
                return Err(invariant(
                    interp,
                    &format!("'ownKeys' on proxy: trap result did not include '{s}'"),
                ));
            }
        }
        if unchecked.iter().any(Option::is_some) {
            return Err(invariant(
                interp,
                "'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible",
            ));
        }
        Ok(keys)
    })
}

/// [[Call]] (§10.5.12).
pub fn call(interp: &mut Interp, proxy: &JsObject, this: Value, args: &[Value]) -> JsResult<Value> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "apply")?;
        let Some(trap) = trap else {
            return interp.call(&Value::Object(target), this, args);
        };
        let arr = Value::Object(interp.new_array(args.to_vec()));
        interp.call(
            &trap,
            Value::Object(handler),
            &[Value::Object(target), this, arr],
        )
    })
}

/// [[Construct]] (§10.5.13).
pub fn construct(
    interp: &mut Interp,
    proxy: &JsObject,
    args: &[Value],
    new_target: &JsObject,
) -> JsResult<Value> {
    nested(interp, |interp| {
        let (target, handler, trap) = trap(interp, proxy, "construct")?;
        let Some(trap) = trap else {
            return interp.construct_with(&Value::Object(target), args, new_target);
        };
        let arr = Value::Object(interp.new_array(args.to_vec()));
        let args = [
            Value::Object(target),
            arr,
            Value::Object(new_target.clone()),
        ];
        let r = interp.call(&trap, Value::Object(handler), &args)?;
        if !matches!(r, Value::Object(_)) {
            return Err(invariant(
                interp,
                "proxy [[Construct]] must return an object",
            ));
        }
        Ok(r)
    })
}

/// ProxyCreate(target, handler) (§10.5.14).
pub fn create(interp: &mut Interp, target: &Value, handler: &Value) -> JsResult<JsObject> {
    let (Value::Object(t), Value::Object(h)) = (target, handler) else {
        return Err(
            interp.throw_type_error("Cannot create proxy with a non-object as target or handler")
        );
    };
    // A proxy on a prototype chain decides [[Set]] for any key.
    crate::value::property::restrict_all_keys();
    let callable = t.borrow().kind.is_callable();
    let constructor = callable && Interp::is_constructor(target);
    let p = JsObject::new(
        None,
        ObjectKind::Proxy(Box::new(ProxyData {
            target: Some(t.clone()),
            handler: Some(h.clone()),
            callable,
            constructor,
        })),
    );
    p.borrow_mut().set_extensible(false);
    Ok(p)
}

/// Revokes a proxy (the revoke function of `Proxy.revocable`).
pub fn revoke(proxy: &JsObject) {
    if let ObjectKind::Proxy(p) = &mut proxy.borrow_mut().kind {
        p.target = None;
        p.handler = None;
    }
}

/// What an object is as far as proxies go.
pub enum ProxyTarget {
    NotProxy,
    /// A live proxy and its target.
    Live(JsObject),
    Revoked,
}

/// The target of `obj` if it is a live proxy.
pub fn target_of(obj: &JsObject) -> ProxyTarget {
    match &obj.borrow().kind {
        ObjectKind::Proxy(p) => match &p.target {
            Some(t) => ProxyTarget::Live(t.clone()),
            None => ProxyTarget::Revoked,
        },
        _ => ProxyTarget::NotProxy,
    }
}

/// IsArray(argument) (§7.2.2): sees through proxies (iteratively: no recursion on long
/// chains), TypeError on a revoked one.
pub fn is_array(interp: &mut Interp, v: &Value) -> JsResult<bool> {
    let Value::Object(o) = v else {
        return Ok(false);
    };
    let mut o = o.clone();
    loop {
        if matches!(o.borrow().kind, ObjectKind::Array(_)) {
            return Ok(true);
        }
        match target_of(&o) {
            ProxyTarget::NotProxy => return Ok(false),
            ProxyTarget::Live(t) => o = t,
            ProxyTarget::Revoked => {
                return Err(interp
                    .throw_type_error("Cannot perform 'IsArray' on a proxy that has been revoked"))
            }
        }
    }
}
