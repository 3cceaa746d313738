//! The standard built-ins, one file per family. `Intrinsics` holds the prototypes the
//! interpreter needs by identity (%Object.prototype%, %Array.prototype%, …); `install` creates
//! the global object's properties.
//!
//! Today: the families the lowered vertical slice needs to run real snippets (console, Object,
//! Function, Array, String, Number, Boolean, Math, the Error family). Each family grows to its
//! full ES2023 surface in its own file.

pub mod array;
pub mod console;
pub mod error;
pub mod inspect;
pub mod math;
pub mod object;
pub mod promise;
pub mod regexp;
pub mod string;
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
    pub error_proto: JsObject,
    pub type_error_proto: JsObject,
    pub range_error_proto: JsObject,
    pub reference_error_proto: JsObject,
    pub syntax_error_proto: JsObject,
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
    /// The intrinsic %Array% (set by `array::install`; ArraySpeciesCreate compares against it).
    pub array_ctor: JsObject,
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
        let intrinsics = Intrinsics {
            string_iterator_proto: JsObject::ordinary(Some(iterator_proto.clone())),
            regexp_string_iterator_proto: JsObject::ordinary(Some(iterator_proto.clone())),
            array_iterator_proto: JsObject::ordinary(Some(iterator_proto.clone())),
            iterator_proto,
            regexp_proto: derived(),
            regexp_ctor: derived(),
            regexp_exec: derived(),
            // Placeholders until `array::install` creates the functions.
            array_proto_values: derived(),
            array_iterator_next: derived(),
            array_ctor: derived(),
            array_proto: JsObject::new(
                Some(object_proto.clone()),
                ObjectKind::Array(Default::default()),
            ),
            string_proto: derived(),
            number_proto: derived(),
            boolean_proto: derived(),
            symbol_proto: derived(),
            type_error_proto: sub_error(),
            range_error_proto: sub_error(),
            reference_error_proto: sub_error(),
            syntax_error_proto: sub_error(),
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
    let obj = JsObject::new(
        Some(interp.intrinsics.function_proto.clone()),
        ObjectKind::Function(Box::new(FunctionData::NativeClosure {
            f,
            slots,
            is_constructor: false,
        })),
    );
    props::define_builtin_prop(&obj, atoms::LENGTH, Value::Number(length as f64));
    props::define_builtin_prop(&obj, atoms::NAME, Value::from(name));
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

/// A constructor with its prototype linked both ways, installed on the global object.
pub fn constructor(
    interp: &Interp,
    name: &str,
    length: u32,
    f: NativeFn,
    proto: &JsObject,
) -> JsObject {
    let ctor = native(interp, name, length, f, true);
    props::define_prototype(&ctor, Value::Object(proto.clone()));
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
        _ => (interp.intrinsics.object_proto.clone(), ObjectKind::Ordinary),
    };
    JsObject::new(Some(proto), kind)
}

/// Create every global.
pub fn install(interp: &mut Interp) {
    global_value(interp, "globalThis", Value::Object(interp.global.clone()));
    global_value(interp, "undefined", Value::Undefined);
    global_value(interp, "NaN", Value::Number(f64::NAN));
    global_value(interp, "Infinity", Value::Number(f64::INFINITY));
    object::install(interp);
    array::install(interp);
    string::install(interp);
    regexp::install(interp);
    math::install(interp);
    error::install(interp);
    console::install(interp);
    promise::install(interp);
    timers::install(interp);
}
