//! The Error family: `Error` and the native errors (`TypeError`, `RangeError`,
//! `ReferenceError`, `SyntaxError`) with `message`, `cause` and `toString`.
//!
//! Not yet: `stack` with JS frames (needs the interpreter's frame records), AggregateError
//! (with promises), EvalError/URIError.

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

fn error_ctor(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    // new.target's prototype when constructing; called as a function, `Error.prototype`.
    let nt = interp.new_target.take();
    let err = interp.create_from_new_target(nt, |i| &i.error_proto, ObjectKind::Error)?;
    let message = arg(args, 0);
    if !message.is_undefined() {
        let m = ops::to_string(interp, &message)?;
        props::define_hidden(&err, PropertyKey::String(atoms::MESSAGE), Value::String(m));
    }
    if let Value::Object(options) = arg(args, 1) {
        let key = PropertyKey::String(atoms::CAUSE);
        if props::has_property(interp, &Value::Object(options.clone()), &key)? {
            let cause = props::get(interp, &Value::Object(options), &key)?;
            props::define_hidden(&err, key, cause);
        }
    }
    Ok(Value::Object(err))
}

fn error_to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    if !matches!(this, Value::Object(_)) {
        return Err(interp.throw_type_error("Error.prototype.toString called on non-object"));
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
        JsString::from(format!("{name}: {msg}"))
    }))
}

pub fn install(interp: &mut Interp) {
    let protos = [
        ("Error", interp.intrinsics.error_proto.clone()),
        ("TypeError", interp.intrinsics.type_error_proto.clone()),
        ("RangeError", interp.intrinsics.range_error_proto.clone()),
        (
            "ReferenceError",
            interp.intrinsics.reference_error_proto.clone(),
        ),
        ("SyntaxError", interp.intrinsics.syntax_error_proto.clone()),
    ];
    let mut base_ctor = None;
    for (name, proto) in protos {
        let ctor = constructor(interp, name, 1, error_ctor, &proto);
        props::define_hidden(&proto, PropertyKey::String(atoms::NAME), Value::from(name));
        props::define_hidden(&proto, PropertyKey::String(atoms::MESSAGE), Value::from(""));
        match &base_ctor {
            None => base_ctor = Some(ctor),
            Some(base) => ctor.borrow_mut().prototype = Some(base.clone()),
        }
    }
    let proto = interp.intrinsics.error_proto.clone();
    method(interp, &proto, "toString", 0, error_to_string);
}

/// `String(err)` as console output shows an error (until stacks exist: `Name: message`).
pub fn display(interp: &mut Interp, v: &Value) -> JsResult<String> {
    match error_to_string(interp, v, &[])? {
        Value::String(s) => Ok(s.to_std_string_lossy()),
        _ => Ok(String::new()),
    }
}

/// The current JS stack as `\n    at …` lines (empty until frames are recorded).
pub fn current_stack_frames(_interp: &mut Interp) -> String {
    String::new()
}
