//! The test262 host-defined bindings (INTERPRETING.md, "Host-Defined Functions"): the global
//! `print` and the `$262` object, installed into one `Interp` (one realm). Used by the execution
//! executor and by `tidejs --test262-host`.
//!
//! - `print(x)` writes `ToString(x)` as one stdout line through the interpreter's `Host` (the
//!   executor captures it to see `Test262:AsyncTestComplete`; the CLI prints it).
//! - `$262.global`, `$262.evalScript(src)` (parse, lower and run `src` as a global script in the
//!   same realm; a parse error is thrown as a SyntaxError, a construct the interpreter cannot run
//!   yet as an Error saying so), `$262.gc()` (a full boa_gc collection).
//!
//! Deliberately absent: `createRealm` (one realm per interpreter), `detachArrayBuffer` (no
//! ArrayBuffer), `agent` (no shared memory), `IsHTMLDDA`, `AbstractModuleSource`. Tests that need
//! them are excluded through their features (`cross-realm`, `SharedArrayBuffer`, …) or fail with
//! the TypeError of calling `undefined`.

use crate::builtins::{arg, global_value, native};
use crate::interp::{ops, props, Interp, JsResult, Throw};
use crate::value::{Atom, JsObject, PropertyKey, Value};

/// Install `print` and `$262` on the interpreter's global object (writable, configurable,
/// non-enumerable, as INTERPRETING.md asks).
pub fn install(interp: &mut Interp) {
    let print = native(interp, "print", 1, print, false);
    global_value(interp, "print", Value::Object(print));

    let host = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    let define = |name: &str, v: Value| {
        props::define_hidden(&host, PropertyKey::String(Atom::intern_str(name)), v);
    };
    define("global", Value::Object(interp.global.clone()));
    define(
        "evalScript",
        Value::Object(native(interp, "evalScript", 1, eval_script, false)),
    );
    define("gc", Value::Object(native(interp, "gc", 0, gc, false)));
    global_value(interp, "$262", Value::Object(host));
}

fn print(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    let text = ops::to_string(interp, &arg(args, 0))?.to_std_string_lossy();
    interp.host.write_line(crate::host::Stream::Stdout, &text);
    Ok(Value::Undefined)
}

/// ParseScript + ScriptEvaluation in the current realm (INTERPRETING.md's `evalScript`).
fn eval_script(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    let source = ops::to_string(interp, &arg(args, 0))?.to_std_string_lossy();
    let program = match crate::parse(&source, &Default::default()) {
        Ok(p) => p,
        Err(errors) => {
            let first = &errors[0];
            let proto = match first.kind {
                crate::error::SyntaxErrorKind::RangeError => {
                    interp.intrinsics.range_error_proto.clone()
                }
                crate::error::SyntaxErrorKind::SyntaxError => {
                    interp.intrinsics.syntax_error_proto.clone()
                }
            };
            return Err(interp.throw_error(proto, &first.message));
        }
    };
    let script = match crate::lower::lower_script(&program) {
        Ok(s) => s,
        Err(e) => {
            let proto = interp.intrinsics.error_proto.clone();
            return Err(interp.throw_error(proto, &format!("evalScript: {}", e.message)));
        }
    };
    match interp.run_script(&script) {
        Ok(()) => Ok(Value::Undefined),
        Err(thrown) => {
            interp.exception = thrown;
            Err(Throw)
        }
    }
}

fn gc(_interp: &mut Interp, _this: &Value, _args: &[Value]) -> JsResult<Value> {
    crate::value::gc::force_collect();
    Ok(Value::Undefined)
}

/// The name of a thrown value's constructor, as a negative test's `type` names it: the thrown
/// object's `constructor.name`, else its `name` property. `None` for primitives or when neither
/// is a string (or reading them throws).
pub fn error_constructor_name(interp: &mut Interp, thrown: &Value) -> Option<String> {
    if !matches!(thrown, Value::Object(_)) {
        return None;
    }
    let string_prop = |interp: &mut Interp, v: &Value, name: &str| -> Option<String> {
        match props::get(interp, v, &PropertyKey::String(Atom::intern_str(name))) {
            Ok(Value::String(s)) => Some(s.to_std_string_lossy()),
            Ok(_) => None,
            Err(Throw) => {
                interp.exception = Value::Undefined;
                None
            }
        }
    };
    let ctor = match props::get(
        interp,
        thrown,
        &PropertyKey::String(Atom::intern_str("constructor")),
    ) {
        Ok(c) => c,
        Err(Throw) => {
            interp.exception = Value::Undefined;
            Value::Undefined
        }
    };
    if matches!(ctor, Value::Object(_)) {
        if let Some(name) = string_prop(interp, &ctor, "name") {
            return Some(name);
        }
    }
    string_prop(interp, thrown, "name")
}

/// A thrown value for a failure message: `Name: message` for error-like objects, else what
/// `console.log` would show.
pub fn describe_thrown(interp: &mut Interp, thrown: &Value) -> String {
    if let Some(name) = error_constructor_name(interp, thrown) {
        let message = match props::get(
            interp,
            thrown,
            &PropertyKey::String(Atom::intern_str("message")),
        ) {
            Ok(Value::String(s)) => s.to_std_string_lossy(),
            Ok(_) => String::new(),
            Err(Throw) => {
                interp.exception = Value::Undefined;
                String::new()
            }
        };
        return if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        };
    }
    match crate::builtins::console::inspect(interp, thrown) {
        Ok(s) => s,
        Err(Throw) => {
            interp.exception = Value::Undefined;
            crate::builtins::console::inspect_short(thrown)
        }
    }
}

/// `tidejs --test262-host`: parse, lower and run `source` as a global script with `print` and
/// `$262` installed, then its event loop (test262 semantics: unhandled rejections are no error),
/// on the current thread (which needs `ENGINE_STACK_BYTES` of stack). An
/// uncaught exception is reported as `Name: message` (see [`describe_thrown`]).
pub fn run_source(
    source: &str,
    host: Box<dyn crate::host::Host>,
) -> Result<(), crate::api::RunError> {
    use crate::api::RunError;
    let program = crate::parse(source, &Default::default()).map_err(RunError::Syntax)?;
    let script = crate::lower::lower_script(&program).map_err(RunError::Unsupported)?;
    let mut interp = Interp::new(host);
    install(&mut interp);
    interp
        .run_script(&script)
        .and_then(|()| crate::event_loop::run(&mut interp))
        .map_err(|thrown| RunError::Uncaught(describe_thrown(&mut interp, &thrown)))
}
