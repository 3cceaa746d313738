//! Generator intrinsics (ECMA-262 §27.3–27.6): %GeneratorFunction%, %GeneratorFunction.prototype%,
//! %GeneratorPrototype% (`next`/`return`/`throw`), %IteratorPrototype%'s `[Symbol.iterator]`,
//! and the async counterparts' objects (%AsyncFunction%, %AsyncGeneratorFunction%,
//! %AsyncIteratorPrototype%).
//!
//! The resumption algorithms themselves (GeneratorResume, the state machine) live in
//! `interp::machine`. Not here yet: the `GeneratorFunction`/`AsyncFunction` constructors'
//! dynamic code (they throw: there is no `Function` constructor machinery to build on), and
//! the async function/async generator runtime, which needs the promise jobs.

use super::{arg, native};
use crate::interp::iter::IteratorRecord;
use crate::interp::machine::{Frame, Resume};
use crate::interp::{props, Interp, JsResult};
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, Atom, JsObject, PropertyKey, Symbol, Value, WellKnown};

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

fn no_dynamic_code(interp: &mut Interp, _: &Value, _: &[Value]) -> JsResult<Value> {
    interp.new_target = None;
    Err(interp
        .throw_type_error("not supported yet: creating functions from source text (dynamic code)"))
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
        no_dynamic_code,
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
        no_dynamic_code,
        &async_fn_proto,
        None,
    );
    function_family(
        interp,
        "AsyncGeneratorFunction",
        no_dynamic_code,
        &async_gen_fn_proto,
        Some(&async_gen_proto),
    );
    to_string_tag(&async_gen_proto, "AsyncGenerator");
    let _ = Atom::intern_str;
}

/// GetIterator(obj, async): `obj[Symbol.asyncIterator]`, or a sync iterator wrapped by
/// CreateAsyncFromSyncIterator.
pub fn get_async_iterator(interp: &mut Interp, v: &Value) -> JsResult<IteratorRecord> {
    let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::AsyncIterator));
    let method = crate::interp::machine::get_method(interp, v, key)?;
    if method.is_undefined() {
        return Err(interp.throw_type_error("not supported yet: for await over sync iterables"));
    }
    crate::interp::iter::get_iterator_from_method(interp, v, &method)
}

/// AsyncGeneratorStart (needs the promise jobs; lowering does not produce async functions yet).
pub fn async_generator_start(interp: &mut Interp, frame: Frame) -> JsResult<Value> {
    drop(frame);
    Err(interp.throw_type_error("not supported yet: async generators"))
}

/// AsyncFunctionStart (needs the promise jobs; lowering does not produce async functions yet).
pub fn async_function_start(interp: &mut Interp, frame: Frame) -> JsResult<Value> {
    drop(frame);
    Err(interp.throw_type_error("not supported yet: async functions"))
}
