//! Function objects and environment records: the interpreter's concrete payload behind
//! `ObjectKind::Function` (the value layer's extension point), and the heap environment record
//! that captured bindings live in.
//!
//! Not here: calling (that is `interp::call`), the `Function.prototype` builtins.

use super::{Interp, Throw};
use crate::lower::tree::{Code, EnvShape};
use crate::value::gc::{Finalize, Gc, GcRefCell, Trace};
use crate::value::object::PrivateElement;
use crate::value::object::{ObjectKind, ObjectPayload};
use crate::value::{JsObject, PropertyKey, Symbol, Value};
use std::any::Any;
use std::rc::Rc;

/// A heap environment record: the slots of one scope's captured bindings, and its parent.
#[derive(Trace, Finalize)]
pub struct Env {
    pub slots: GcRefCell<Box<[Value]>>,
    pub parent: Option<Gc<Env>>,
}

impl Env {
    /// A record for `shape`, lexical slots set to the TDZ marker.
    pub fn new(shape: &EnvShape, parent: Option<Gc<Env>>, uninit: &Value) -> Gc<Env> {
        let mut slots = vec![Value::Undefined; shape.slots as usize].into_boxed_slice();
        for &t in shape.tdz.iter() {
            slots[t as usize] = uninit.clone();
        }
        Gc::new(Env {
            slots: GcRefCell::new(slots),
            parent,
        })
    }

    /// The record `hops` steps up from `env`.
    #[inline]
    pub fn up(env: &Gc<Env>, hops: u32) -> &Gc<Env> {
        let mut e = env;
        for _ in 0..hops {
            e = e
                .parent
                .as_ref()
                .expect("lowering computed hops within the chain");
        }
        e
    }
}

/// What some closures carry besides code and environment.
#[derive(Default)]
pub struct ClosureExtra {
    /// `[[HomeObject]]` (methods, for `super.x`); for arrows, the enclosing method's.
    pub home: Option<JsObject>,
    /// For arrows using `super(...)`: the enclosing (constructor) function object.
    pub func: Option<JsObject>,
    /// Class constructors: `[[Fields]]` in order (key, initializer closure).
    pub fields: Vec<(PropertyKey, Option<JsObject>)>,
    /// Class constructors: `[[PrivateMethods]]` installed on each instance.
    pub private_methods: Vec<(Symbol, PrivateElement)>,
}

impl Finalize for ClosureExtra {}
// SAFETY: marks the home object, the captured function, field initialisers and methods.
unsafe impl Trace for ClosureExtra {
    crate::value::gc::custom_trace!(this, mark, {
        if let Some(h) = &this.home {
            mark(h);
        }
        if let Some(f) = &this.func {
            mark(f);
        }
        for (_, init) in &this.fields {
            if let Some(i) = init {
                mark(i);
            }
        }
        for (_, m) in &this.private_methods {
            mark(m);
        }
    });
}

/// A native function: `this`, the arguments, and the interpreter. When called through
/// [[Construct]], `interp.new_target` holds the new.target at entry (read it first thing:
/// any nested call resets it); it is `None` for a plain call.
pub type NativeFn = fn(&mut Interp, &Value, &[Value]) -> Result<Value, Throw>;

/// A native function with captured state (promise resolving functions, combinator element
/// functions, …): it receives its own function object, whose slots hold what it captured
/// (read them with [`closure_slot`], write with [`set_closure_slot`]).
pub type NativeClosureFn = fn(&mut Interp, &JsObject, &Value, &[Value]) -> Result<Value, Throw>;

/// What a callable object is.
pub enum FunctionData {
    /// A JS function: its code and the environment it closed over.
    Closure {
        code: Rc<Code>,
        env: Option<Gc<Env>>,
        is_constructor: bool,
        /// Methods' home object, class constructors' fields, arrows' captured active
        /// function: only functions that need them pay for them.
        extra: Option<Box<ClosureExtra>>,
    },
    Native {
        f: NativeFn,
        is_constructor: bool,
    },
    /// A native function with captured values (traced).
    NativeClosure {
        f: NativeClosureFn,
        slots: Vec<Value>,
        is_constructor: bool,
    },
    /// `Function.prototype.bind`.
    Bound {
        target: JsObject,
        this: Value,
        args: Vec<Value>,
    },
}

impl Finalize for FunctionData {}
// SAFETY: marks the captured environment, the bound target, `this` and arguments.
unsafe impl Trace for FunctionData {
    crate::value::gc::custom_trace!(this, mark, {
        match this {
            FunctionData::Closure { env, extra, .. } => {
                if let Some(e) = env {
                    mark(e);
                }
                if let Some(x) = extra {
                    mark(&**x);
                }
            }
            FunctionData::Native { .. } => {}
            FunctionData::NativeClosure { slots, .. } => {
                for v in slots {
                    mark(v);
                }
            }
            FunctionData::Bound { target, this, args } => {
                mark(target);
                mark(this);
                for a in args {
                    mark(a);
                }
            }
        }
    });
}

impl ObjectPayload for FunctionData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// What a call needs, copied out of the object so no borrow is held while JS runs.
pub enum Callable {
    /// Code, environment, and the function object itself when the code needs it (class
    /// constructors and functions using `super`).
    Closure(Rc<Code>, Option<Gc<Env>>, Option<JsObject>),
    Native(NativeFn),
    /// The function object itself is passed so the native code can read its slots.
    NativeClosure(NativeClosureFn, JsObject),
    Bound(JsObject, Value, Vec<Value>),
    /// A Proxy exotic object with [[Call]] (its target is callable).
    Proxy(JsObject),
}

/// The callable behind an object, if it is one.
pub fn callable(obj: &JsObject) -> Option<(Callable, bool)> {
    let data = obj.borrow();
    let payload = match &data.kind {
        ObjectKind::Function(payload) => payload,
        ObjectKind::Proxy(p) if p.callable => {
            return Some((Callable::Proxy(obj.clone()), p.constructor));
        }
        _ => return None,
    };
    let f = payload.as_any().downcast_ref::<FunctionData>()?;
    Some(match f {
        // Generator functions create their generator object around the call.
        FunctionData::Closure { code, .. }
            if code.machine.as_ref().is_some_and(|m| m.kind.is_generator()) =>
        {
            (
                Callable::NativeClosure(super::machine::call_generator, obj.clone()),
                false,
            )
        }
        FunctionData::Closure {
            code,
            env,
            is_constructor,
            ..
        } => {
            // Also for code without a name: stack frames then name it by the function's `name`.
            // And for code with an `arguments` object (a sloppy one's `callee`).
            let me = (code.uses_super
                || code.class_ctor.is_some()
                || code.name == crate::value::atoms::EMPTY
                || code.arguments_place.is_some())
            .then(|| obj.clone());
            (
                Callable::Closure(code.clone(), env.clone(), me),
                *is_constructor,
            )
        }
        FunctionData::Native { f, is_constructor } => (Callable::Native(*f), *is_constructor),
        FunctionData::NativeClosure {
            f, is_constructor, ..
        } => (Callable::NativeClosure(*f, obj.clone()), *is_constructor),
        FunctionData::Bound { target, this, args } => {
            let ctor = callable(target).is_some_and(|(_, c)| c);
            (
                Callable::Bound(target.clone(), this.clone(), args.clone()),
                ctor,
            )
        }
    })
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.borrow().kind.is_callable(),
        _ => false,
    }
}

/// Slot `i` of a native closure (undefined if absent or not a native closure).
pub fn closure_slot(callee: &JsObject, i: usize) -> Value {
    let data = callee.borrow();
    if let ObjectKind::Function(payload) = &data.kind {
        if let Some(FunctionData::NativeClosure { slots, .. }) =
            payload.as_any().downcast_ref::<FunctionData>()
        {
            return slots.get(i).cloned().unwrap_or_default();
        }
    }
    Value::Undefined
}

/// Overwrite slot `i` of a native closure (no-op on other objects or out of range).
pub fn set_closure_slot(callee: &JsObject, i: usize, v: Value) {
    let mut data = callee.borrow_mut();
    if let ObjectKind::Function(payload) = &mut data.kind {
        if let Some(FunctionData::NativeClosure { slots, .. }) =
            payload.as_any_mut().downcast_mut::<FunctionData>()
        {
            if let Some(s) = slots.get_mut(i) {
                *s = v;
            }
        }
    }
}

thread_local! {
    /// One shared `length`/`name` property list per (name, length) pair: bounded by the
    /// program's distinct function names.
    static DEFAULT_PROPS: std::cell::RefCell<
        rustc_hash::FxHashMap<(u32, u32), crate::value::property::SharedNamed>,
    > = Default::default();
}

/// Gives a new function object its own `length` and `name` properties (SetFunctionLength then
/// SetFunctionName: non-writable, non-enumerable, configurable, in that order) as a shared,
/// copy-on-write list: creating a closure allocates no property storage, and the first
/// change (a redefinition, a delete, a new property) copies the two entries in.
/// Call it before any other named property is defined on `f`.
pub fn define_length_and_name(f: &JsObject, name: crate::value::Atom, length: u32) {
    use crate::value::property::{Attributes, Property, SharedNamed};
    let template = DEFAULT_PROPS.with(|m| {
        m.borrow_mut()
            .entry((name.id(), length))
            .or_insert_with(|| {
                SharedNamed::new(vec![
                    (
                        PropertyKey::String(crate::value::atoms::LENGTH),
                        Property::data(Value::Number(f64::from(length)), Attributes::CONFIGURABLE),
                    ),
                    (
                        PropertyKey::String(crate::value::atoms::NAME),
                        Property::data(
                            Value::String(name.to_js_string()),
                            Attributes::CONFIGURABLE,
                        ),
                    ),
                ])
                .expect("primitive values")
            })
            .clone()
    });
    f.borrow_mut().properties.share_named(&template);
}

/// The extra data of a closure (home object, fields…), if it has any.
pub fn with_extra<T>(obj: &JsObject, f: impl FnOnce(Option<&ClosureExtra>) -> T) -> T {
    let data = obj.borrow();
    if let ObjectKind::Function(payload) = &data.kind {
        if let Some(FunctionData::Closure { extra, .. }) =
            payload.as_any().downcast_ref::<FunctionData>()
        {
            return f(extra.as_deref());
        }
    }
    f(None)
}

/// Mutable access to a closure's extra data (created on demand); `None` for non-closures.
pub fn extra_mut<T>(obj: &JsObject, f: impl FnOnce(&mut ClosureExtra) -> T) -> Option<T> {
    let mut data = obj.borrow_mut();
    if let ObjectKind::Function(payload) = &mut data.kind {
        if let Some(FunctionData::Closure { extra, .. }) =
            payload.as_any_mut().downcast_mut::<FunctionData>()
        {
            return Some(f(extra.get_or_insert_with(Default::default)));
        }
    }
    None
}
