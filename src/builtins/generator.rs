//! Generator intrinsics (ECMA-262 §27.3–27.6): %GeneratorFunction%, %GeneratorFunction.prototype%,
//! %GeneratorPrototype% (`next`/`return`/`throw`), %IteratorPrototype%'s `[Symbol.iterator]`,
//! and the async counterparts' objects (%AsyncFunction%, %AsyncGeneratorFunction%,
//! %AsyncIteratorPrototype%).
//!
//! The resumption algorithms themselves (GeneratorResume, the state machine) live in
//! `interp::machine`. The `GeneratorFunction`/`AsyncFunction`/`AsyncGeneratorFunction`
//! constructors are CreateDynamicFunction (`function::create_dynamic`).

use super::function::DynamicKind;
use super::{arg, native, native_closure, promise};
use crate::interp::function;
use crate::interp::iter::IteratorRecord;
use crate::interp::machine::get_method;
use crate::interp::machine::{AgMethod, Resume};
use crate::interp::{props, Interp, JsResult};
use crate::value::gc::{Finalize, Trace};
use crate::value::object::{ObjectKind, ObjectPayload, ReactionCapability};
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, Atom, JsObject, PropertyKey, Symbol, Value, WellKnown};
use std::any::Any;

fn define(obj: &JsObject, key: PropertyKey, v: Value, attrs: Attributes) {
    obj.borrow_mut()
        .properties
        .insert(key, Property::data(v, attrs));
}

fn to_string_tag(obj: &JsObject, tag: &str) {
    define(
        obj,
        PropertyKey::Symbol(Symbol::well_known(WellKnown::ToStringTag)),
        Value::from(tag),
        Attributes::CONFIGURABLE,
    );
}

fn method(interp: &Interp, target: &JsObject, name: &str, length: u32, f: super::NativeFn) {
    super::method(interp, target, name, length, f);
}

/// `%XFunction%` (constructor) ⇄ `%XFunction.prototype%` ⇄ `%XPrototype%` (if any), the
/// links all non-writable and configurable except the constructor's `prototype`.
fn function_family(
    interp: &Interp,
    name: &str,
    ctor_fn: super::NativeFn,
    fn_proto: &JsObject,
    instance_proto: Option<&JsObject>,
) {
    let ctor = native(interp, name, 1, ctor_fn, true);
    // The constructors are subclasses of %Function% (§27.3.2, §27.7.2…): [[Prototype]] is
    // the Function constructor (installed before this module).
    let function_ctor = interp
        .global
        .borrow()
        .get_own_property(&PropertyKey::String(Atom::intern_str("Function")))
        .map(|p| p.slot);
    if let Some(crate::value::property::Slot::Data(Value::Object(f))) = function_ctor {
        ctor.borrow_mut().prototype = Some(f);
    }
    define(
        &ctor,
        PropertyKey::String(atoms::PROTOTYPE),
        Value::Object(fn_proto.clone()),
        Attributes::NONE,
    );
    define(
        fn_proto,
        PropertyKey::String(atoms::CONSTRUCTOR),
        Value::Object(ctor),
        Attributes::CONFIGURABLE,
    );
    if let Some(p) = instance_proto {
        define(
            fn_proto,
            PropertyKey::String(atoms::PROTOTYPE),
            Value::Object(p.clone()),
            Attributes::CONFIGURABLE,
        );
        define(
            p,
            PropertyKey::String(atoms::CONSTRUCTOR),
            Value::Object(fn_proto.clone()),
            Attributes::CONFIGURABLE,
        );
    }
    to_string_tag(fn_proto, name);
}

fn generator_function_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    super::function::create_dynamic(interp, args, DynamicKind::Generator)
}

fn async_function_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    super::function::create_dynamic(interp, args, DynamicKind::Async)
}

fn async_generator_function_ctor(
    interp: &mut Interp,
    _: &Value,
    args: &[Value],
) -> JsResult<Value> {
    super::function::create_dynamic(interp, args, DynamicKind::AsyncGenerator)
}

pub fn install(interp: &mut Interp) {
    let i = &interp.intrinsics;
    let (iter_proto, gen_fn_proto, gen_proto) = (
        i.iterator_proto.clone(),
        i.generator_function_proto.clone(),
        i.generator_proto.clone(),
    );
    let (async_fn_proto, async_gen_fn_proto, async_gen_proto, async_iter_proto) = (
        i.async_function_proto.clone(),
        i.async_generator_function_proto.clone(),
        i.async_generator_proto.clone(),
        i.async_iterator_proto.clone(),
    );

    // %IteratorPrototype%[@@iterator]() { return this }
    if iter_proto
        .borrow()
        .properties
        .get(&PropertyKey::Symbol(Symbol::well_known(
            WellKnown::Iterator,
        )))
        .is_none()
    {
        let f = native(
            interp,
            "[Symbol.iterator]",
            0,
            |_, this, _| Ok(this.clone()),
            false,
        );
        props::define_hidden(
            &iter_proto,
            PropertyKey::Symbol(Symbol::well_known(WellKnown::Iterator)),
            Value::Object(f),
        );
    }
    // %AsyncIteratorPrototype%[@@asyncIterator]() { return this }
    let f = native(
        interp,
        "[Symbol.asyncIterator]",
        0,
        |_, this, _| Ok(this.clone()),
        false,
    );
    props::define_hidden(
        &async_iter_proto,
        PropertyKey::Symbol(Symbol::well_known(WellKnown::AsyncIterator)),
        Value::Object(f),
    );

    function_family(
        interp,
        "GeneratorFunction",
        generator_function_ctor,
        &gen_fn_proto,
        Some(&gen_proto),
    );
    to_string_tag(&gen_proto, "Generator");
    method(interp, &gen_proto, "next", 1, |interp, this, args| {
        interp.generator_resume(this, Resume::Next(arg(args, 0)), "next")
    });
    method(interp, &gen_proto, "return", 1, |interp, this, args| {
        interp.generator_resume(this, Resume::Return(arg(args, 0)), "return")
    });
    method(interp, &gen_proto, "throw", 1, |interp, this, args| {
        interp.generator_resume(this, Resume::Throw(arg(args, 0)), "throw")
    });

    function_family(
        interp,
        "AsyncFunction",
        async_function_ctor,
        &async_fn_proto,
        None,
    );
    function_family(
        interp,
        "AsyncGeneratorFunction",
        async_generator_function_ctor,
        &async_gen_fn_proto,
        Some(&async_gen_proto),
    );
    to_string_tag(&async_gen_proto, "AsyncGenerator");
    method(interp, &async_gen_proto, "next", 1, |interp, this, args| {
        Ok(interp.async_generator_enqueue(this, AgMethod::Next, arg(args, 0)))
    });
    method(
        interp,
        &async_gen_proto,
        "return",
        1,
        |interp, this, args| {
            Ok(interp.async_generator_enqueue(this, AgMethod::Return, arg(args, 0)))
        },
    );
    method(
        interp,
        &async_gen_proto,
        "throw",
        1,
        |interp, this, args| {
            Ok(interp.async_generator_enqueue(this, AgMethod::Throw, arg(args, 0)))
        },
    );

    // %AsyncFromSyncIteratorPrototype% (not reachable by name; kept by the intrinsics).
    let afs = interp.intrinsics.async_from_sync_iterator_proto.clone();
    method(interp, &afs, "next", 1, |interp, this, args| {
        from_sync_step(interp, this, args, SyncStep::Next)
    });
    method(interp, &afs, "return", 1, |interp, this, args| {
        from_sync_step(interp, this, args, SyncStep::Return)
    });
    method(interp, &afs, "throw", 1, |interp, this, args| {
        from_sync_step(interp, this, args, SyncStep::Throw)
    });
    let _ = Atom::intern_str;
}

// ───────────── %AsyncFromSyncIteratorPrototype% (§27.1.6) ─────────────

/// [[SyncIteratorRecord]] of an async-from-sync iterator.
struct SyncRecord {
    iterator: Value,
    next: Value,
}

impl Finalize for SyncRecord {}
// SAFETY: marks the sync iterator and its `next`.
unsafe impl Trace for SyncRecord {
    crate::value::gc::custom_trace!(this, mark, {
        mark(&this.iterator);
        mark(&this.next);
    });
}

impl ObjectPayload for SyncRecord {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SyncStep {
    Next,
    Return,
    Throw,
}

/// CreateAsyncFromSyncIterator(syncIteratorRecord).
fn create_async_from_sync(interp: &mut Interp, rec: IteratorRecord) -> IteratorRecord {
    let obj = JsObject::new(
        Some(interp.intrinsics.async_from_sync_iterator_proto.clone()),
        ObjectKind::Suspended(crate::value::object::PayloadBox::new(SyncRecord {
            iterator: rec.iterator,
            next: rec.next,
        })),
    );
    let next = props::get(
        interp,
        &Value::Object(obj.clone()),
        &PropertyKey::String(atoms::NEXT),
    )
    .unwrap_or_default();
    IteratorRecord {
        iterator: Value::Object(obj),
        next,
        done: false,
    }
}

fn sync_record(this: &Value) -> Option<(Value, Value)> {
    let Value::Object(o) = this else { return None };
    let data = o.borrow();
    match &data.kind {
        ObjectKind::Suspended(p) => p
            .as_any()
            .downcast_ref::<SyncRecord>()
            .map(|r| (r.iterator.clone(), r.next.clone())),
        _ => None,
    }
}

/// %AsyncFromSyncIteratorPrototype%.next/return/throw: every abrupt step rejects the
/// returned promise (IfAbruptRejectPromise).
fn from_sync_step(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    step: SyncStep,
) -> JsResult<Value> {
    let promise = promise::new_promise(interp);
    let Some((iterator, next)) = sync_record(this) else {
        return Err(interp.throw_type_error("not an async-from-sync iterator"));
    };
    let r = (|| -> JsResult<Option<(Value, bool)>> {
        let result = match step {
            SyncStep::Next => interp.call(&next, iterator.clone(), &args[..args.len().min(1)])?,
            SyncStep::Return => {
                let ret = get_method(interp, &iterator, PropertyKey::String(atoms::RETURN))?;
                if ret.is_undefined() {
                    let r = crate::interp::iter::iter_result(interp, arg(args, 0), true);
                    promise::resolve_promise(interp, &promise, r);
                    return Ok(None);
                }
                interp.call(&ret, iterator.clone(), &args[..args.len().min(1)])?
            }
            SyncStep::Throw => {
                let throw = get_method(interp, &iterator, PropertyKey::String(atoms::THROW))?;
                if throw.is_undefined() {
                    // Close the sync iterator, then reject with a TypeError.
                    let rec = IteratorRecord {
                        iterator: iterator.clone(),
                        next: Value::Undefined,
                        done: false,
                    };
                    crate::interp::iter::close(interp, &rec, false)?;
                    return Err(
                        interp.throw_type_error("The iterator does not provide a 'throw' method")
                    );
                }
                interp.call(&throw, iterator.clone(), &args[..args.len().min(1)])?
            }
        };
        if !matches!(result, Value::Object(_)) {
            return Err(interp.throw_type_error("iterator result is not an object"));
        }
        Ok(Some((result, step != SyncStep::Return)))
    })();
    let (result, close_on_rejection) = match r {
        Ok(Some(x)) => x,
        Ok(None) => return Ok(Value::Object(promise)),
        Err(_) => {
            let e = std::mem::take(&mut interp.exception);
            promise::reject_promise(interp, &promise, e);
            return Ok(Value::Object(promise));
        }
    };
    // AsyncFromSyncIteratorContinuation.
    let cont = (|| -> JsResult<()> {
        let done = props::get(interp, &result, &PropertyKey::String(atoms::DONE))?.to_boolean();
        let value = props::get(interp, &result, &PropertyKey::String(atoms::VALUE))?;
        let wrapper = match promise::promise_resolve_intrinsic(interp, value) {
            Ok(w) => w,
            Err(t) => {
                if !done && close_on_rejection {
                    let rec = IteratorRecord {
                        iterator: iterator.clone(),
                        next: Value::Undefined,
                        done: false,
                    };
                    let _ = crate::interp::iter::close(interp, &rec, true);
                }
                return Err(t);
            }
        };
        let on_ok = native_closure(
            interp,
            "",
            1,
            |interp, callee, _, args| {
                let done = function::closure_slot(callee, 0).to_boolean();
                Ok(crate::interp::iter::iter_result(interp, arg(args, 0), done))
            },
            vec![Value::Bool(done)],
        );
        let on_err = if done || !close_on_rejection {
            Value::Undefined
        } else {
            Value::Object(native_closure(
                interp,
                "",
                1,
                |interp, callee, _, args| {
                    let rec = IteratorRecord {
                        iterator: function::closure_slot(callee, 0),
                        next: Value::Undefined,
                        done: false,
                    };
                    interp.exception = arg(args, 0);
                    crate::interp::iter::close(interp, &rec, true)?;
                    Ok(Value::Undefined)
                },
                vec![iterator.clone()],
            ))
        };
        promise::perform_promise_then(
            interp,
            &wrapper,
            &Value::Object(on_ok),
            &on_err,
            ReactionCapability::Intrinsic(promise.clone()),
        );
        Ok(())
    })();
    if cont.is_err() {
        let e = std::mem::take(&mut interp.exception);
        promise::reject_promise(interp, &promise, e);
    }
    Ok(Value::Object(promise))
}

/// GetIterator(obj, async): `obj[Symbol.asyncIterator]`, or a sync iterator wrapped by
/// CreateAsyncFromSyncIterator.
pub fn get_async_iterator(interp: &mut Interp, v: &Value) -> JsResult<IteratorRecord> {
    let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::AsyncIterator));
    let method = crate::interp::machine::get_method(interp, v, key)?;
    if method.is_undefined() {
        let rec = crate::interp::iter::get_iterator(interp, v)?;
        return Ok(create_async_from_sync(interp, rec));
    }
    crate::interp::iter::get_iterator_from_method(interp, v, &method)
}
