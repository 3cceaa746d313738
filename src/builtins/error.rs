//! The Error family: `Error` and the NativeErrors (`EvalError`, `RangeError`, `ReferenceError`,
//! `SyntaxError`, `TypeError`, `URIError`), each constructor with its own prototype object
//! (whose [[Prototype]] is `Error.prototype`) and itself inheriting from `Error`; the `message`
//! and `cause` (InstallErrorCause) own properties; `Error.prototype.toString`; and V8's `stack`
//! (captured when the error is created, formatted on first read: `Name: message` from the
//! error's name and message at that time, then `    at …` frames), `Error.captureStackTrace`
//! and `Error.stackTraceLimit`.
//!
//! `AggregateError` lives with promises (`promise.rs`) and installs its stack through
//! [`install_stack`]. Not here: `Error.prepareStackTrace`.

use std::rc::Rc;

use super::{arg, constructor, method, native, native_closure};
use crate::interp::function::closure_slot;
use crate::interp::{ops, props, Interp, JsResult};
use crate::lower::tree::Code;
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, JsObject, JsString, PropertyKey, Value};

/// A new error object with the given prototype and message (what the engine throws).
pub fn make_error(interp: &mut Interp, proto: JsObject, message: &str) -> JsObject {
    let err = JsObject::new(Some(proto), ObjectKind::Error);
    install_stack(interp, &err);
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
    // V8 leaves out the frames of the constructors `new` ran down to this one (a subclass's
    // `super(…)` chain): the stack starts where the error was created by user code.
    let skip = nt.as_ref().and_then(closure_code);
    let err = interp.create_from_new_target(nt, default, ObjectKind::Error)?;
    install_stack_skipping(interp, &err, skip.as_ref());
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

/// `Error.isError(arg)` (ES2026): whether `arg` has an [[ErrorData]] internal slot.
fn is_error(_: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(matches!(
        arg(args, 0),
        Value::Object(o) if matches!(o.borrow().kind, ObjectKind::Error)
    )))
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
    // V8: Error.stackTraceLimit (10, an ordinary writable property) and
    // Error.captureStackTrace(targetObject, constructorOpt).
    props::define_data(
        &base,
        PropertyKey::from_str_key("stackTraceLimit"),
        Value::Number(10.0),
    );
    method(interp, &base, "captureStackTrace", 2, capture_stack_trace);
    method(interp, &base, "isError", 1, is_error);
    for (name, proto, f) in natives {
        let ctor = constructor(interp, name, 1, f, &proto);
        ctor.borrow_mut().prototype = Some(base.clone());
        props::define_hidden(&proto, name_key.clone(), Value::from(name));
        props::define_hidden(&proto, message_key.clone(), Value::from(""));
    }
}

// ───────────── stacks ─────────────

/// `Error.stackTraceLimit` when it is a number (V8 captures nothing otherwise).
fn stack_trace_limit(interp: &Interp) -> Option<usize> {
    let ctor = interp
        .intrinsics
        .error_proto
        .get_own_data(&PropertyKey::String(atoms::CONSTRUCTOR))?;
    let Value::Object(ctor) = ctor else {
        return None;
    };
    match ctor.get_own_data(&PropertyKey::from_str_key("stackTraceLimit"))? {
        Value::Number(n) if n.is_nan() || n <= 0.0 => Some(0),
        Value::Number(n) => Some(n.min(1e6) as usize),
        _ => None,
    }
}

/// Capture the current frames into `target.stack` (an own, non-enumerable accessor that turns
/// into a data property the first time it is read or written, as V8's lazily formatted stack).
pub fn install_stack(interp: &mut Interp, target: &JsObject) {
    install_stack_skipping(interp, target, None);
}

fn install_stack_skipping(interp: &mut Interp, target: &JsObject, skip: Option<&Rc<Code>>) {
    let Some(limit) = stack_trace_limit(interp) else {
        return;
    };
    let frames = interp.stack_frames_text(limit, skip);
    let getter = native_closure(interp, "", 0, stack_get, vec![Value::from(frames.as_str())]);
    let setter = native(interp, "", 1, stack_set, false);
    target.borrow_mut().properties.insert(
        PropertyKey::String(atoms::STACK),
        Property::accessor(Some(getter), Some(setter), Attributes::CONFIGURABLE),
    );
}

fn define_stack_value(target: &JsObject, v: Value) {
    target.borrow_mut().properties.insert(
        PropertyKey::String(atoms::STACK),
        Property::data(v, Attributes::WRITABLE.with(Attributes::CONFIGURABLE)),
    );
}

/// The text of an error's own `stack` without running user code: the data property's string,
/// or, while it is still the lazy accessor `install_stack` made, its captured frames.
pub fn stack_text_raw(err: &JsObject) -> Option<String> {
    let prop = err
        .borrow()
        .get_own_property(&PropertyKey::String(atoms::STACK))?;
    match prop.slot {
        crate::value::property::Slot::Data(Value::String(s)) => Some(s.to_std_string_lossy()),
        crate::value::property::Slot::Accessor(a) => match closure_slot(a.get.as_ref()?, 0) {
            Value::String(s) => Some(s.to_std_string_lossy()),
            _ => None,
        },
        _ => None,
    }
}

fn stack_get(interp: &mut Interp, callee: &JsObject, this: &Value, _: &[Value]) -> JsResult<Value> {
    let Value::Object(target) = this else {
        return Ok(Value::Undefined);
    };
    let frames = match closure_slot(callee, 0) {
        Value::String(s) => s.to_std_string_lossy(),
        _ => String::new(),
    };
    let header = display(interp, this)?;
    let stack = Value::from(format!("{header}{frames}").as_str());
    // Materialize on the object that owns this accessor (not on objects inheriting from it).
    let owns = matches!(
        target.borrow().get_own_property(&PropertyKey::String(atoms::STACK)),
        Some(Property { slot: crate::value::property::Slot::Accessor(a), .. })
            if a.get.as_ref().is_some_and(|g| JsObject::ptr_eq(g, callee))
    );
    if owns {
        define_stack_value(target, stack.clone());
    }
    Ok(stack)
}

fn stack_set(_: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    // Assigning `err.stack` replaces it by an ordinary data property.
    if let Value::Object(target) = this {
        define_stack_value(target, arg(args, 0));
    }
    Ok(Value::Undefined)
}

/// The code of a JS function object.
fn closure_code(f: &JsObject) -> Option<Rc<Code>> {
    crate::interp::function::closure_code(&f.borrow().kind).cloned()
}

/// `Error.captureStackTrace(targetObject[, constructorOpt])`: `targetObject.stack` from the
/// current frames, those up to and including `constructorOpt`'s innermost call left out.
fn capture_stack_trace(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let Value::Object(target) = arg(args, 0) else {
        return Err(interp.throw_type_error("Invalid argument"));
    };
    let skip = match arg(args, 1) {
        Value::Object(f) => closure_code(&f),
        _ => None,
    };
    install_stack_skipping(interp, &target, skip.as_ref());
    Ok(Value::Undefined)
}

/// `Error.prototype.toString` of a value (`Name: message`), as stack headers show it.
pub fn display(interp: &mut Interp, v: &Value) -> JsResult<String> {
    match error_to_string(interp, v, &[])? {
        Value::String(s) => Ok(s.to_std_string_lossy()),
        _ => Ok(String::new()),
    }
}

/// The current JS stack as `\n    at …` lines (for `console.trace`).
pub fn current_stack_frames(interp: &mut Interp) -> String {
    let limit = stack_trace_limit(interp).unwrap_or(10);
    interp.stack_frames_text(limit, None)
}
