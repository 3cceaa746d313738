//! The Error family: `Error` and the NativeErrors (`EvalError`, `RangeError`, `ReferenceError`,
//! `SyntaxError`, `TypeError`, `URIError`), each constructor with its own prototype object
//! (whose [[Prototype]] is `Error.prototype`) and itself inheriting from `Error`; the `message`
//! and `cause` (InstallErrorCause) own properties; `Error.prototype.toString`.
//!
//! Not here: `stack` with JS frames (needs the interpreter's frame records); AggregateError
//! lives with promises (`promise.rs`).

use super::{arg, constructor, method};
use crate::interp::{ops, props, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::{atoms, JsObject, JsString, PropertyKey, Value};

/// A new error object with the given prototype and message (what the engine throws).
pub fn make_error(_interp: &mut Interp, proto: JsObject, message: &str) -> JsObject {
    let err = JsObject::new(Some(proto), ObjectKind::Error);
    props::define_hidden(
        &err,
        PropertyKey::String(atoms::MESSAGE),
        Value::from(message),
    );
    err
}

type ProtoOf = fn(&crate::builtins::Intrinsics) -> &JsObject;

/// The shared body of the Error and NativeError constructors (ECMA-262 §20.5.1.1, §20.5.6.1).
fn construct_error(interp: &mut Interp, args: &[Value], default: ProtoOf) -> JsResult<Value> {
    // new.target's prototype when constructing; called as a function, the intrinsic one.
    let nt = interp.new_target.take();
    let err = interp.create_from_new_target(nt, default, ObjectKind::Error)?;
    let message = arg(args, 0);
    if !message.is_undefined() {
        let m = ops::to_string(interp, &message)?;
        props::define_hidden(&err, PropertyKey::String(atoms::MESSAGE), Value::String(m));
    }
    // InstallErrorCause.
    if let Value::Object(options) = arg(args, 1) {
        let key = PropertyKey::String(atoms::CAUSE);
        let ov = Value::Object(options);
        if props::has_property(interp, &ov, &key)? {
            let cause = props::get(interp, &ov, &key)?;
            props::define_hidden(&err, key, cause);
        }
    }
    Ok(Value::Object(err))
}

macro_rules! error_ctors {
    ($($f:ident => $proto:ident,)*) => {
        $(fn $f(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
            construct_error(interp, args, |i| &i.$proto)
        })*
    };
}

error_ctors! {
    error_ctor => error_proto,
    eval_error_ctor => eval_error_proto,
    range_error_ctor => range_error_proto,
    reference_error_ctor => reference_error_proto,
    syntax_error_ctor => syntax_error_proto,
    type_error_ctor => type_error_proto,
    uri_error_ctor => uri_error_proto,
}

fn error_to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    if !matches!(this, Value::Object(_)) {
        let s = super::console::inspect_short(this);
        return Err(interp.throw_type_error(&format!(
            "Method Error.prototype.toString called on incompatible receiver {s}"
        )));
    }
    let name = props::get(interp, this, &PropertyKey::String(atoms::NAME))?;
    let name = if name.is_undefined() {
        JsString::from("Error")
    } else {
        ops::to_string(interp, &name)?
    };
    let msg = props::get(interp, this, &PropertyKey::String(atoms::MESSAGE))?;
    let msg = if msg.is_undefined() {
        JsString::empty()
    } else {
        ops::to_string(interp, &msg)?
    };
    Ok(Value::String(if name.is_empty() {
        msg
    } else if msg.is_empty() {
        name
    } else {
        let mut units = name.as_slice().to_vec();
        units.extend_from_slice(&[u16::from(b':'), u16::from(b' ')]);
        units.extend_from_slice(msg.as_slice());
        JsString::from_vec(units)
    }))
}

pub fn install(interp: &mut Interp) {
    let i = &interp.intrinsics;
    let natives: [(&str, JsObject, crate::interp::function::NativeFn); 6] = [
        ("EvalError", i.eval_error_proto.clone(), eval_error_ctor),
        ("RangeError", i.range_error_proto.clone(), range_error_ctor),
        (
            "ReferenceError",
            i.reference_error_proto.clone(),
            reference_error_ctor,
        ),
        (
            "SyntaxError",
            i.syntax_error_proto.clone(),
            syntax_error_ctor,
        ),
        ("TypeError", i.type_error_proto.clone(), type_error_ctor),
        ("URIError", i.uri_error_proto.clone(), uri_error_ctor),
    ];
    let error_proto = i.error_proto.clone();
    let base = constructor(interp, "Error", 1, error_ctor, &error_proto);
    let name_key = PropertyKey::String(atoms::NAME);
    let message_key = PropertyKey::String(atoms::MESSAGE);
    props::define_hidden(&error_proto, name_key.clone(), Value::from("Error"));
    props::define_hidden(&error_proto, message_key.clone(), Value::from(""));
    method(interp, &error_proto, "toString", 0, error_to_string);
    for (name, proto, f) in natives {
        let ctor = constructor(interp, name, 1, f, &proto);
        ctor.borrow_mut().prototype = Some(base.clone());
        props::define_hidden(&proto, name_key.clone(), Value::from(name));
        props::define_hidden(&proto, message_key.clone(), Value::from(""));
    }
}

/// `String(err)` as console output shows an error (until stacks exist: `Name: message`).
pub fn display(interp: &mut Interp, v: &Value) -> JsResult<String> {
    match error_to_string(interp, v, &[])? {
        Value::String(s) => Ok(s.to_std_string_lossy()),
        _ => Ok(String::new()),
    }
}
