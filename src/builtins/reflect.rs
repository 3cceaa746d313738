//! `Reflect`: the 13 functions, each a thin layer over an internal method in `interp::props`
//! (ECMA-262 §28.1), and `Reflect[Symbol.toStringTag]`.
//!
//! A proxy argument runs its traps through the same internal methods.

use super::function::create_list_from_array_like;
use super::{arg, method};
use crate::interp::function::is_callable;
use crate::interp::props::{self, PropertyDescriptor};
use crate::interp::{ops, Interp, JsResult};
use crate::value::property::{Attributes, Property};
use crate::value::{JsObject, PropertyKey, Symbol, Value, WellKnown};

fn target(interp: &mut Interp, args: &[Value], name: &str) -> JsResult<JsObject> {
    match args.first() {
        Some(Value::Object(o)) => Ok(o.clone()),
        _ => Err(interp.throw_type_error(&format!("Reflect.{name} called on non-object"))),
    }
}

fn apply(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let f = arg(args, 0);
    if !is_callable(&f) {
        let s = super::console::inspect_short(&f);
        let t = f.type_of().to_js_string();
        return Err(interp.throw_type_error(&format!(
            "Function.prototype.apply was called on {s}, which is a {t} and not a function"
        )));
    }
    let list = create_list_from_array_like(interp, &arg(args, 2))?;
    interp.call(&f, arg(args, 1), &list)
}

fn construct(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let f = arg(args, 0);
    if !Interp::is_constructor(&f) {
        let s = super::console::inspect_short(&f);
        return Err(interp.throw_type_error(&format!("{s} is not a constructor")));
    }
    let nt = if args.len() > 2 {
        arg(args, 2)
    } else {
        f.clone()
    };
    let Some(nt_obj) = nt
        .as_object()
        .filter(|_| Interp::is_constructor(&nt))
        .cloned()
    else {
        let s = super::console::inspect_short(&nt);
        return Err(interp.throw_type_error(&format!("{s} is not a constructor")));
    };
    let list = create_list_from_array_like(interp, &arg(args, 1))?;
    interp.construct_with(&f, &list, &nt_obj)
}

fn define_property(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "defineProperty")?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    let desc = props::to_property_descriptor(interp, &arg(args, 2))?;
    Ok(Value::Bool(props::define_own_property(
        interp, &o, key, &desc,
    )?))
}

fn delete_property(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "deleteProperty")?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    Ok(Value::Bool(props::delete(interp, &o, &key)?))
}

fn get(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "get")?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    let receiver = if args.len() > 2 {
        arg(args, 2)
    } else {
        Value::Object(o.clone())
    };
    props::get_with_receiver(interp, &o, &key, &receiver)
}

fn get_own_property_descriptor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "getOwnPropertyDescriptor")?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    Ok(match props::get_own_property(interp, &o, &key)? {
        Some(p) => Value::Object(PropertyDescriptor::from_property(&p).to_object(interp)),
        None => Value::Undefined,
    })
}

fn get_prototype_of(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "getPrototypeOf")?;
    Ok(props::get_prototype_of(interp, &o)?.map_or(Value::Null, Value::Object))
}

fn has(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "has")?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    Ok(Value::Bool(props::has_property(
        interp,
        &Value::Object(o),
        &key,
    )?))
}

fn is_extensible(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "isExtensible")?;
    Ok(Value::Bool(props::is_extensible(interp, &o)?))
}

fn own_keys(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "ownKeys")?;
    let keys = props::own_property_keys(interp, &o)?
        .iter()
        .map(super::object::key_string)
        .collect();
    Ok(Value::Object(interp.new_array(keys)))
}

fn prevent_extensions(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "preventExtensions")?;
    Ok(Value::Bool(props::prevent_extensions(interp, &o)?))
}

fn set(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "set")?;
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    let receiver = if args.len() > 3 {
        arg(args, 3)
    } else {
        Value::Object(o.clone())
    };
    Ok(Value::Bool(props::set_with_receiver(
        interp,
        &o,
        &key,
        arg(args, 2),
        &receiver,
    )?))
}

fn set_prototype_of(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = target(interp, args, "setPrototypeOf")?;
    let proto = match arg(args, 1) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        other => {
            let s = super::console::inspect_short(&other);
            return Err(interp.throw_type_error(&format!(
                "Object prototype may only be an Object or null: {s}"
            )));
        }
    };
    Ok(Value::Bool(props::set_prototype_of(interp, &o, proto)?))
}

pub fn install(interp: &mut Interp) {
    let r = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    type F = crate::interp::function::NativeFn;
    let fns: [(&str, u32, F); 13] = [
        ("apply", 3, apply),
        ("construct", 2, construct),
        ("defineProperty", 3, define_property),
        ("deleteProperty", 2, delete_property),
        ("get", 2, get),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getPrototypeOf", 1, get_prototype_of),
        ("has", 2, has),
        ("isExtensible", 1, is_extensible),
        ("ownKeys", 1, own_keys),
        ("preventExtensions", 1, prevent_extensions),
        ("set", 3, set),
        ("setPrototypeOf", 2, set_prototype_of),
    ];
    for (name, len, f) in fns {
        method(interp, &r, name, len, f);
    }
    r.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::ToStringTag)),
        Property::data(Value::from("Reflect"), Attributes::CONFIGURABLE),
    );
    super::global_value(interp, "Reflect", Value::Object(r));
}
