//! The Error family: `Error` and the native errors (`TypeError`, `RangeError`,
//! `ReferenceError`, `SyntaxError`, `EvalError`, `URIError`) with `message`, `cause`,
//! `toString`, and V8's `stack` (captured when the error is created, formatted on first read:
//! `Name: message` from the error's name and message at that time, then `    at …` frames),
//! `Error.captureStackTrace` and `Error.stackTraceLimit`.
//!
//! `AggregateError` lives with promises (`promise.rs`) and installs its stack through
//! [`install_stack`]. Not here: `Error.prepareStackTrace`.

use std::rc::Rc;

use super::{arg, global_value, method, native, native_closure};
use crate::interp::function::{closure_slot, FunctionData};
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

/// `Error(message, options)` and the native errors: slot 0 holds the constructor's own
/// prototype, the fallback of GetPrototypeFromConstructor (and the prototype when called
/// without `new`).
fn error_ctor(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let Value::Object(own_proto) = closure_slot(callee, 0) else {
        return Err(interp.throw_type_error("error constructor without a prototype"));
    };
    // V8 leaves out the frames of the constructors `new` ran down to this one (a subclass's
    // `super(…)` chain): the stack starts where the error was created by user code.
    let skip = nt.as_ref().and_then(closure_code);
    let proto = match nt {
        Some(nt) => {
            let p = props::get(
                interp,
                &Value::Object(nt),
                &PropertyKey::String(atoms::PROTOTYPE),
            )?;
            match p {
                Value::Object(p) => p,
                _ => own_proto,
            }
        }
        None => own_proto,
    };
    let err = JsObject::new(Some(proto), ObjectKind::Error);
    install_stack_skipping(interp, &err, skip.as_ref());
    let message = arg(args, 0);
    if !message.is_undefined() {
        let m = ops::to_string(interp, &message)?;
        props::define_hidden(&err, PropertyKey::String(atoms::MESSAGE), Value::String(m));
    }
    install_cause(interp, &err, &arg(args, 1))?;
    Ok(Value::Object(err))
}

/// InstallErrorCause (§20.5.8.1).
pub fn install_cause(interp: &mut Interp, err: &JsObject, options: &Value) -> JsResult<()> {
    if let Value::Object(options) = options {
        let key = PropertyKey::String(atoms::CAUSE);
        let options = Value::Object(options.clone());
        if props::has_property(interp, &options, &key)? {
            let cause = props::get(interp, &options, &key)?;
            props::define_hidden(err, key, cause);
        }
    }
    Ok(())
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
    let eval_proto = JsObject::ordinary(Some(interp.intrinsics.error_proto.clone()));
    let uri_proto = JsObject::ordinary(Some(interp.intrinsics.error_proto.clone()));
    let protos = [
        ("Error", interp.intrinsics.error_proto.clone()),
        ("TypeError", interp.intrinsics.type_error_proto.clone()),
        ("RangeError", interp.intrinsics.range_error_proto.clone()),
        (
            "ReferenceError",
            interp.intrinsics.reference_error_proto.clone(),
        ),
        ("SyntaxError", interp.intrinsics.syntax_error_proto.clone()),
        ("EvalError", eval_proto),
        ("URIError", uri_proto),
    ];
    let mut base_ctor: Option<JsObject> = None;
    for (name, proto) in protos {
        let ctor = error_constructor(interp, name, &proto);
        props::define_hidden(&proto, PropertyKey::String(atoms::NAME), Value::from(name));
        props::define_hidden(&proto, PropertyKey::String(atoms::MESSAGE), Value::from(""));
        match &base_ctor {
            None => {
                // V8: Error.stackTraceLimit (10, an ordinary writable property) and
                // Error.captureStackTrace(targetObject, constructorOpt).
                props::define_data(
                    &ctor,
                    PropertyKey::from_str_key("stackTraceLimit"),
                    Value::Number(10.0),
                );
                method(interp, &ctor, "captureStackTrace", 2, capture_stack_trace);
                base_ctor = Some(ctor);
            }
            Some(base) => ctor.borrow_mut().prototype = Some(base.clone()),
        }
    }
    let proto = interp.intrinsics.error_proto.clone();
    method(interp, &proto, "toString", 0, error_to_string);
}

/// A native error constructor (`length` 1) linked with its prototype, as a global.
fn error_constructor(interp: &mut Interp, name: &str, proto: &JsObject) -> JsObject {
    let ctor = JsObject::new(
        Some(interp.intrinsics.function_proto.clone()),
        ObjectKind::Function(Box::new(FunctionData::NativeClosure {
            f: error_ctor,
            slots: vec![Value::Object(proto.clone())],
            is_constructor: true,
        })),
    );
    props::define_builtin_prop(&ctor, atoms::LENGTH, Value::Number(1.0));
    props::define_builtin_prop(&ctor, atoms::NAME, Value::from(name));
    props::define_prototype(&ctor, Value::Object(proto.clone()));
    props::define_hidden(
        proto,
        PropertyKey::String(atoms::CONSTRUCTOR),
        Value::Object(ctor.clone()),
    );
    global_value(interp, name, Value::Object(ctor.clone()));
    ctor
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
    let d = f.borrow();
    let ObjectKind::Function(payload) = &d.kind else {
        return None;
    };
    match payload.as_any().downcast_ref::<FunctionData>() {
        Some(FunctionData::Closure { code, .. }) => Some(code.clone()),
        _ => None,
    }
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
