//! The standard built-ins, one file per family. `Intrinsics` holds the prototypes the
//! interpreter needs by identity (%Object.prototype%, %Array.prototype%, …); `install` creates
//! the global object's properties.
//!
//! Today: the families the lowered vertical slice needs to run real snippets (console, Object,
//! Function, Array, String, Number, Boolean, Math, the Error family). Each family grows to its
//! full ES2023 surface in its own file.

pub mod array;
pub mod bigint;
pub mod console;
pub mod date;
pub mod error;
pub mod eval;
pub mod function;
pub mod generator;
pub mod inspect;
pub mod json;
pub mod map_set;
pub mod math;
pub mod number;
pub mod object;
pub mod promise;
pub mod proxy;
pub mod reflect;
pub mod regexp;
pub mod string;
pub mod symbol;
pub mod timers;

use crate::interp::function::{FunctionData, NativeClosureFn, NativeFn};
use crate::interp::props;
use crate::interp::Interp;
use crate::value::object::ObjectKind;
use crate::value::{atoms, Atom, JsObject, PropertyKey, Value};

/// Well-known intrinsic objects.
pub struct Intrinsics {
    pub object_proto: JsObject,
    pub function_proto: JsObject,
    pub array_proto: JsObject,
    pub string_proto: JsObject,
    pub number_proto: JsObject,
    pub boolean_proto: JsObject,
    pub symbol_proto: JsObject,
    pub bigint_proto: JsObject,
    pub error_proto: JsObject,
    pub type_error_proto: JsObject,
    pub range_error_proto: JsObject,
    pub reference_error_proto: JsObject,
    pub syntax_error_proto: JsObject,
    pub eval_error_proto: JsObject,
    pub uri_error_proto: JsObject,
    /// %AsyncIteratorPrototype%.
    pub async_iterator_proto: JsObject,
    /// %GeneratorFunction.prototype% (the [[Prototype]] of generator functions).
    pub generator_function_proto: JsObject,
    /// %GeneratorPrototype% (%GeneratorFunction.prototype.prototype%).
    pub generator_proto: JsObject,
    pub async_function_proto: JsObject,
    pub async_generator_function_proto: JsObject,
    pub async_generator_proto: JsObject,
    /// %AsyncFromSyncIteratorPrototype%.
    pub async_from_sync_iterator_proto: JsObject,
    pub aggregate_error_proto: JsObject,
    /// %Promise% and %Promise.prototype%.
    pub promise_ctor: JsObject,
    pub promise_proto: JsObject,
    /// The original `get Promise[Symbol.species]` (species fast path of `then`).
    pub promise_species_getter: Option<JsObject>,
    /// %IteratorPrototype%: every builtin iterator prototype inherits from it.
    pub iterator_proto: JsObject,
    /// %StringIteratorPrototype%.
    pub string_iterator_proto: JsObject,
    /// %RegExp.prototype% and %RegExpStringIteratorPrototype%.
    pub regexp_proto: JsObject,
    pub regexp_string_iterator_proto: JsObject,
    /// %RegExp% and the original %RegExp.prototype.exec% (placeholders until
    /// `regexp::install`): RegExpCreate uses the constructor; the exec identity lets the
    /// builtin algorithms skip lookups that cannot be observed.
    pub regexp_ctor: JsObject,
    pub regexp_exec: JsObject,
    /// %ArrayIteratorPrototype%.
    pub array_iterator_proto: JsObject,
    /// The original %Array.prototype.values% and %ArrayIteratorPrototype%.next (set by
    /// `array::install`): spread's fast path checks that neither was replaced.
    pub array_proto_values: JsObject,
    pub array_iterator_next: JsObject,
    pub map_proto: JsObject,
    pub set_proto: JsObject,
    pub weak_map_proto: JsObject,
    pub weak_set_proto: JsObject,
    pub map_iterator_proto: JsObject,
    pub set_iterator_proto: JsObject,
    pub date_proto: JsObject,
    /// The intrinsic %Array% (set by `array::install`; ArraySpeciesCreate compares against it).
    pub array_ctor: JsObject,
    /// %eval% (set by `eval::install`): a call `eval(…)` is a direct eval when its callee is this.
    pub eval: JsObject,
    /// %ThrowTypeError% (set by `function::install`): the poisoned accessor of
    /// `Function.prototype.caller/arguments` and of unmapped arguments objects' `callee`.
    pub throw_type_error: JsObject,
}

impl Intrinsics {
    /// The prototypes (empty; `install` fills them) and the global object.
    pub fn new() -> (Intrinsics, JsObject) {
        let object_proto = JsObject::ordinary(None);
        let function_proto = JsObject::new(
            Some(object_proto.clone()),
            ObjectKind::Function(Box::new(FunctionData::Native {
                f: |_, _, _| Ok(Value::Undefined),
                is_constructor: false,
            })),
        );
        let derived = || JsObject::ordinary(Some(object_proto.clone()));
        let error_proto = derived();
        let sub_error = || JsObject::ordinary(Some(error_proto.clone()));
        let iterator_proto = derived();
        let sub_iterator = || JsObject::ordinary(Some(iterator_proto.clone()));
        let async_iterator_proto = derived();
        let of_function = || JsObject::ordinary(Some(function_proto.clone()));
        let intrinsics = Intrinsics {
            map_proto: derived(),
            set_proto: derived(),
            weak_map_proto: derived(),
            weak_set_proto: derived(),
            map_iterator_proto: sub_iterator(),
            set_iterator_proto: sub_iterator(),
            date_proto: derived(),
            generator_proto: sub_iterator(),
            async_generator_proto: JsObject::ordinary(Some(async_iterator_proto.clone())),
            async_from_sync_iterator_proto: JsObject::ordinary(Some(async_iterator_proto.clone())),
            generator_function_proto: of_function(),
            async_function_proto: of_function(),
            async_generator_function_proto: of_function(),
            async_iterator_proto,
            string_iterator_proto: sub_iterator(),
            regexp_string_iterator_proto: sub_iterator(),
            array_iterator_proto: sub_iterator(),
            iterator_proto: iterator_proto.clone(),
            regexp_proto: derived(),
            regexp_ctor: derived(),
            regexp_exec: derived(),
            // Placeholders until `array::install` creates the functions.
            array_proto_values: derived(),
            array_iterator_next: derived(),
            array_ctor: derived(),
            eval: derived(),
            throw_type_error: derived(),
            array_proto: JsObject::new(
                Some(object_proto.clone()),
                ObjectKind::Array(Default::default()),
            ),
            string_proto: derived(),
            number_proto: derived(),
            boolean_proto: derived(),
            symbol_proto: derived(),
            bigint_proto: derived(),
            type_error_proto: sub_error(),
            range_error_proto: sub_error(),
            reference_error_proto: sub_error(),
            syntax_error_proto: sub_error(),
            eval_error_proto: sub_error(),
            uri_error_proto: sub_error(),
            aggregate_error_proto: sub_error(),
            promise_ctor: promise::make_constructor(&function_proto),
            promise_proto: derived(),
            promise_species_getter: None,
            error_proto,
            function_proto,
            object_proto: object_proto.clone(),
        };
        let global = JsObject::ordinary(Some(object_proto));
        (intrinsics, global)
    }
}

/// A native function object.
pub fn native(interp: &Interp, name: &str, length: u32, f: NativeFn, ctor: bool) -> JsObject {
    let obj = JsObject::new(
        Some(interp.intrinsics.function_proto.clone()),
        ObjectKind::Function(Box::new(FunctionData::Native {
            f,
            is_constructor: ctor,
        })),
    );
    props::define_builtin_prop(&obj, atoms::LENGTH, Value::Number(length as f64));
    props::define_builtin_prop(&obj, atoms::NAME, Value::from(name));
    obj
}

/// A native function with captured values in `slots` (see `function::closure_slot`).
pub fn native_closure(
    interp: &Interp,
    name: &str,
    length: u32,
    f: NativeClosureFn,
    slots: Vec<Value>,
) -> JsObject {
    let kind = match <[Value; 1]>::try_from(slots) {
        // One object captured (promise resolving functions…): inline, one allocation.
        Ok([Value::Object(o)]) => ObjectKind::NativeClosureObj(f, Some(o)),
        Ok([Value::Undefined]) => ObjectKind::NativeClosureObj(f, None),
        Ok([slot]) => ObjectKind::Function(Box::new(FunctionData::NativeClosure1 { f, slot })),
        Err(slots) => ObjectKind::Function(Box::new(FunctionData::NativeClosure {
            f,
            slots: slots.into_boxed_slice(),
            is_constructor: false,
        })),
    };
    let obj = JsObject::new(Some(interp.intrinsics.function_proto.clone()), kind);
    // Resolving and element functions are anonymous: skip the interner for "".
    if name.is_empty() {
        crate::interp::function::define_anon_length_and_name(interp, &obj, length);
    } else {
        crate::interp::function::define_length_and_name(&obj, Atom::intern_str(name), length);
    }
    obj
}

/// Define a builtin method (non-enumerable) on `target`.
pub fn method(interp: &Interp, target: &JsObject, name: &str, length: u32, f: NativeFn) {
    let func = native(interp, name, length, f, false);
    props::define_hidden(
        target,
        PropertyKey::String(Atom::intern_str(name)),
        Value::Object(func),
    );
}

/// Define a builtin method under any key (symbol-keyed methods such as `[Symbol.iterator]`),
/// with the function `name` given; returns the function object.
pub fn method_key(
    interp: &Interp,
    target: &JsObject,
    key: PropertyKey,
    name: &str,
    length: u32,
    f: NativeFn,
) -> JsObject {
    let func = native(interp, name, length, f, false);
    props::define_hidden(target, key, Value::Object(func.clone()));
    func
}

/// Define a builtin accessor with a getter only (`get size`): non-enumerable, configurable.
pub fn getter(interp: &Interp, target: &JsObject, key: PropertyKey, name: &str, f: NativeFn) {
    let func = native(interp, &format!("get {name}"), 0, f, false);
    target.borrow_mut().properties.insert(
        key,
        crate::value::property::Property::accessor(
            Some(func),
            None,
            crate::value::property::Attributes::CONFIGURABLE,
        ),
    );
}

/// `obj[Symbol.toStringTag] = tag`: non-writable, non-enumerable, configurable.
pub fn to_string_tag(target: &JsObject, tag: &str) {
    target.borrow_mut().properties.insert(
        PropertyKey::Symbol(crate::value::Symbol::well_known(
            crate::value::WellKnown::ToStringTag,
        )),
        crate::value::property::Property::data(
            Value::from(tag),
            crate::value::property::Attributes::CONFIGURABLE,
        ),
    );
}

/// A constructor with its prototype linked both ways, installed on the global object.
pub fn constructor(
    interp: &Interp,
    name: &str,
    length: u32,
    f: NativeFn,
    proto: &JsObject,
) -> JsObject {
    let ctor = native(interp, name, length, f, true);
    // A built-in constructor's `prototype` is non-writable, non-enumerable, non-configurable.
    ctor.borrow_mut().properties.insert(
        PropertyKey::String(atoms::PROTOTYPE),
        crate::value::property::Property::data(
            Value::Object(proto.clone()),
            crate::value::property::Attributes::NONE,
        ),
    );
    props::define_hidden(
        proto,
        PropertyKey::String(atoms::CONSTRUCTOR),
        Value::Object(ctor.clone()),
    );
    global_value(interp, name, Value::Object(ctor.clone()));
    ctor
}

/// A global binding (non-enumerable, like the spec's global properties).
pub fn global_value(interp: &Interp, name: &str, v: Value) {
    props::define_hidden(
        &interp.global,
        PropertyKey::String(Atom::intern_str(name)),
        v,
    );
}

/// Argument `i` or undefined.
#[inline]
pub fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

/// ToObject for primitives: a wrapper object with the right prototype.
pub fn wrap_primitive(interp: &mut Interp, v: &Value) -> JsObject {
    let (proto, kind) = match v {
        Value::String(s) => (
            interp.intrinsics.string_proto.clone(),
            ObjectKind::String(s.clone()),
        ),
        Value::Number(n) => (
            interp.intrinsics.number_proto.clone(),
            ObjectKind::Number(*n),
        ),
        Value::Bool(b) => (
            interp.intrinsics.boolean_proto.clone(),
            ObjectKind::Boolean(*b),
        ),
        Value::Symbol(s) => (
            interp.intrinsics.symbol_proto.clone(),
            ObjectKind::Symbol(s.clone()),
        ),
        Value::BigInt(b) => (
            interp.intrinsics.bigint_proto.clone(),
            ObjectKind::BigInt(b.clone()),
        ),
        _ => (interp.intrinsics.object_proto.clone(), ObjectKind::Ordinary),
    };
    JsObject::new(Some(proto), kind)
}

/// Create every global.
pub fn install(interp: &mut Interp) {
    global_value(interp, "globalThis", Value::Object(interp.global.clone()));
    // Value properties of the global object: non-writable, non-enumerable, non-configurable.
    for (name, v) in [
        ("undefined", Value::Undefined),
        ("NaN", Value::Number(f64::NAN)),
        ("Infinity", Value::Number(f64::INFINITY)),
    ] {
        interp.global.borrow_mut().properties.insert(
            PropertyKey::String(Atom::intern_str(name)),
            crate::value::property::Property::data(v, crate::value::property::Attributes::NONE),
        );
    }
    object::install(interp);
    function::install(interp);
    eval::install(interp);
    reflect::install(interp);
    proxy::install(interp);
    number::install(interp);
    array::install(interp);
    string::install(interp);
    regexp::install(interp);
    math::install(interp);
    error::install(interp);
    symbol::install(interp);
    bigint::install(interp);
    map_set::install(interp);
    json::install(interp);
    date::install(interp);
    generator::install(interp);
    console::install(interp);
    promise::install(interp);
    timers::install(interp);
}
