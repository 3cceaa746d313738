//! `Object` and `Function`: the constructors, `Object.keys/values/entries/assign/freeze/
//! getPrototypeOf/create/defineProperty` (data descriptors), `Object.prototype.hasOwnProperty/
//! toString`, `Function.prototype.call/apply/bind`.
//!
//! Not yet: the rest of each surface (getOwnPropertyDescriptor(s), seal, fromEntries, …),
//! accessor descriptors in defineProperty.

use super::{arg, constructor, method, native};
use crate::interp::function::{callable, FunctionData};
use crate::interp::{ops, props, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, JsObject, JsString, PropertyKey, Value};

fn object_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    match arg(args, 0) {
        Value::Undefined | Value::Null => Ok(Value::Object(JsObject::ordinary(Some(
            interp.intrinsics.object_proto.clone(),
        )))),
        v => Ok(Value::Object(ops::to_object(interp, &v)?)),
    }
}

fn own_enumerable(interp: &mut Interp, v: &Value) -> JsResult<(JsObject, Vec<PropertyKey>)> {
    let o = ops::to_object(interp, v)?;
    let keys = o
        .borrow()
        .own_keys()
        .into_iter()
        .filter(|k| {
            !k.is_symbol()
                && o.borrow()
                    .get_own_property(k)
                    .is_some_and(|p| p.attrs.enumerable())
        })
        .collect();
    Ok((o, keys))
}

fn keys(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let (_, ks) = own_enumerable(interp, &arg(args, 0))?;
    let values = ks.iter().map(key_string).collect();
    Ok(Value::Object(interp.new_array(values)))
}

fn key_string(k: &PropertyKey) -> Value {
    match k {
        PropertyKey::Index(i) => Value::from(i.to_string().as_str()),
        other => other.to_value(),
    }
}

fn values(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let (o, ks) = own_enumerable(interp, &arg(args, 0))?;
    let mut out = Vec::new();
    for k in ks {
        out.push(props::get(interp, &Value::Object(o.clone()), &k)?);
    }
    Ok(Value::Object(interp.new_array(out)))
}

fn entries(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let (o, ks) = own_enumerable(interp, &arg(args, 0))?;
    let mut out = Vec::new();
    for k in ks {
        let v = props::get(interp, &Value::Object(o.clone()), &k)?;
        let pair = interp.new_array(vec![key_string(&k), v]);
        out.push(Value::Object(pair));
    }
    Ok(Value::Object(interp.new_array(out)))
}

fn assign(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let target = ops::to_object(interp, &arg(args, 0))?;
    for src in args.iter().skip(1) {
        let (o, ks) = match src {
            Value::Undefined | Value::Null => continue,
            v => own_enumerable(interp, v)?,
        };
        for k in ks {
            let v = props::get(interp, &Value::Object(o.clone()), &k)?;
            props::set(interp, &Value::Object(target.clone()), k, v)?;
        }
    }
    Ok(Value::Object(target))
}

fn freeze(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let v = arg(args, 0);
    if let Value::Object(o) = &v {
        let keys = o.borrow().own_keys();
        let mut data = o.borrow_mut();
        for k in keys {
            let attrs = data.properties.get(&k).map(|p| p.attrs());
            if let Some(attrs) = attrs {
                let frozen = attrs
                    .without(Attributes::WRITABLE)
                    .without(Attributes::CONFIGURABLE);
                data.properties.set_attributes(&k, frozen);
            }
        }
        if let ObjectKind::Array(a) = &mut data.kind {
            a.length_writable = false;
        }
        data.extensible = false;
    }
    Ok(v)
}

fn get_prototype_of(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let o = ops::to_object(interp, &arg(args, 0))?;
    Ok(o.prototype().map_or(Value::Null, Value::Object))
}

fn create(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let proto = match arg(args, 0) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Err(interp.throw_type_error("Object prototype may only be an Object or null")),
    };
    Ok(Value::Object(JsObject::ordinary(proto)))
}

fn define_property(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let target = arg(args, 0);
    let Value::Object(o) = &target else {
        return Err(interp.throw_type_error("Object.defineProperty called on non-object"));
    };
    let key = ops::to_property_key(interp, &arg(args, 1))?;
    let desc = arg(args, 2);
    let field = |interp: &mut Interp, name: &str| -> JsResult<Option<Value>> {
        let k = PropertyKey::String(crate::value::Atom::intern_str(name));
        if props::has_property(interp, &desc, &k)? {
            Ok(Some(props::get(interp, &desc, &k)?))
        } else {
            Ok(None)
        }
    };
    let flag = |v: Option<Value>| v.is_some_and(|v| v.to_boolean());
    let value = field(interp, "value")?.unwrap_or(Value::Undefined);
    let mut attrs = Attributes::NONE;
    if flag(field(interp, "writable")?) {
        attrs = attrs.with(Attributes::WRITABLE);
    }
    if flag(field(interp, "enumerable")?) {
        attrs = attrs.with(Attributes::ENUMERABLE);
    }
    if flag(field(interp, "configurable")?) {
        attrs = attrs.with(Attributes::CONFIGURABLE);
    }
    let get = field(interp, "get")?.and_then(|v| v.as_object().cloned());
    let set = field(interp, "set")?.and_then(|v| v.as_object().cloned());
    let prop = if get.is_some() || set.is_some() {
        Property::accessor(get, set, attrs)
    } else {
        Property::data(value, attrs)
    };
    o.borrow_mut().properties.insert(key, prop);
    Ok(target)
}

fn has_own_property(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let key = ops::to_property_key(interp, &arg(args, 0))?;
    let o = ops::to_object(interp, this)?;
    let has = o.borrow().get_own_property(&key).is_some();
    Ok(Value::Bool(has))
}

fn object_to_string(_: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let tag = match this {
        Value::Undefined => "Undefined",
        Value::Null => "Null",
        Value::Object(o) => match o.borrow().kind {
            ObjectKind::Array(_) => "Array",
            ObjectKind::Error => "Error",
            ObjectKind::Function(_) => "Function",
            _ => "Object",
        },
        Value::String(_) => "String",
        Value::Number(_) => "Number",
        Value::Bool(_) => "Boolean",
        Value::Symbol(_) => "Symbol",
    };
    Ok(Value::String(JsString::from(format!("[object {tag}]"))))
}

fn function_call(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let rest = args.get(1..).unwrap_or(&[]);
    interp.call(this, arg(args, 0), rest)
}

fn function_apply(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let list = match arg(args, 1) {
        Value::Undefined | Value::Null => Vec::new(),
        v => props::iterate_to_vec(interp, &v)?,
    };
    interp.call(this, arg(args, 0), &list)
}

fn function_bind(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let Value::Object(target) = this else {
        return Err(interp.throw_type_error("Bind must be called on a function"));
    };
    if callable(target).is_none() {
        return Err(interp.throw_type_error("Bind must be called on a function"));
    }
    let bound = JsObject::new(
        Some(interp.intrinsics.function_proto.clone()),
        ObjectKind::Function(Box::new(FunctionData::Bound {
            target: target.clone(),
            this: arg(args, 0),
            args: args.get(1..).unwrap_or(&[]).to_vec(),
        })),
    );
    let name = target
        .get_own_data(&PropertyKey::String(atoms::NAME))
        .unwrap_or(Value::from(""));
    let name = ops::to_string(interp, &name)?;
    props::define_builtin_prop(
        &bound,
        atoms::NAME,
        Value::String(JsString::from(format!("bound {name}"))),
    );
    Ok(Value::Object(bound))
}

pub fn install(interp: &mut Interp) {
    let proto = interp.intrinsics.object_proto.clone();
    let ctor = constructor(interp, "Object", 1, object_ctor, &proto);
    method(interp, &ctor, "keys", 1, keys);
    method(interp, &ctor, "values", 1, values);
    method(interp, &ctor, "entries", 1, entries);
    method(interp, &ctor, "assign", 2, assign);
    method(interp, &ctor, "freeze", 1, freeze);
    method(interp, &ctor, "getPrototypeOf", 1, get_prototype_of);
    method(interp, &ctor, "create", 2, create);
    method(interp, &ctor, "defineProperty", 3, define_property);
    method(interp, &proto, "hasOwnProperty", 1, has_own_property);
    method(interp, &proto, "toString", 0, object_to_string);

    let fproto = interp.intrinsics.function_proto.clone();
    let fctor = native(
        interp,
        "Function",
        1,
        |i, _, _| {
            Err(i.throw_type_error("the Function constructor (code from strings) is not supported"))
        },
        true,
    );
    props::define_prototype(&fctor, Value::Object(fproto.clone()));
    props::define_hidden(
        &fproto,
        PropertyKey::String(atoms::CONSTRUCTOR),
        Value::Object(fctor.clone()),
    );
    super::global_value(interp, "Function", Value::Object(fctor));
    method(interp, &fproto, "call", 1, function_call);
    method(interp, &fproto, "apply", 2, function_apply);
    method(interp, &fproto, "bind", 1, function_bind);
}
