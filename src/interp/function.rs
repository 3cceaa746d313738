//! Function objects and environment records: the interpreter's concrete payload behind
//! `ObjectKind::Function` (the value layer's extension point), and the heap environment record
//! that captured bindings live in.
//!
//! Not here: calling (that is `interp::call`), the `Function.prototype` builtins.

use super::{Interp, Throw};
use crate::lower::tree::{Code, EnvShape};
use crate::value::gc::{Finalize, Gc, Trace};
use crate::value::object::PrivateElement;
use crate::value::object::{ObjectKind, ObjectPayload};
use crate::value::{JsObject, PropertyKey, Symbol, Value};
use std::any::Any;
use std::cell::UnsafeCell;
use std::rc::Rc;

/// A heap environment record: the slots of one scope's captured bindings, and its parent.
///
/// One allocation for the common small records (one or two slots live inside the record;
/// more go to a boxed slice), and no borrow flag: the slots sit in an `UnsafeCell` that only
/// the methods below touch, and none of them hands out a reference, runs JS or allocates a
/// GC box. A slot read clones the value out, a write swaps it in (dropping the old value only
/// decrements counts), so nothing can observe a slot mid-update: the collector reads slots
/// only inside `Gc::new`, which these methods never reach. 1M per-iteration `let` records
/// (closures in a `for (let …)` loop) cost one 64-byte block each instead of two blocks.
pub struct Env {
    pub parent: Option<Gc<Env>>,
    slots: UnsafeCell<Slots>,
}

/// A record's slot storage: inline for one or two bindings (a one-binding record leaves the
/// second slot undefined: two variants make a slot access one tag test instead of a decode
/// of three niche-packed variants).
enum Slots {
    Inline([Value; 2]),
    Many(Box<[Value]>),
}

impl Slots {
    #[inline(always)]
    fn as_slice(&self) -> &[Value] {
        match self {
            Slots::Inline(v) => v,
            Slots::Many(v) => v,
        }
    }

    #[inline(always)]
    fn as_mut_slice(&mut self) -> &mut [Value] {
        match self {
            Slots::Inline(v) => v,
            Slots::Many(v) => v,
        }
    }
}

// The record stays one 64-byte allocator block: GC header (16) + parent (8) + slots (32).
const _: () = assert!(size_of::<Slots>() == 32);

impl Finalize for Env {}
// SAFETY: marks the parent and every slot. Marking runs inside `Gc::new`, never while one of
// `Env`'s methods holds the cell's contents (they allocate nothing), so the shared read is sound.
unsafe impl Trace for Env {
    crate::value::gc::custom_trace!(this, mark, {
        if let Some(p) = &this.parent {
            mark(p);
        }
        // SAFETY: see above: no `&mut` to the slots is alive while the collector runs.
        for v in unsafe { &*this.slots.get() }.as_slice() {
            mark(v);
        }
    });
}

impl Env {
    /// A record for `shape`, lexical slots set to the TDZ marker.
    pub fn new(shape: &EnvShape, parent: Option<Gc<Env>>, uninit: &Value) -> Gc<Env> {
        let n = shape.slots as usize;
        let mut slots = match n {
            1 | 2 => Slots::Inline([Value::Undefined, Value::Undefined]),
            _ => Slots::Many(vec![Value::Undefined; n].into_boxed_slice()),
        };
        let s = slots.as_mut_slice();
        for &t in shape.tdz.iter() {
            s[t as usize] = uninit.clone();
        }
        Gc::new(Env {
            parent,
            slots: UnsafeCell::new(slots),
        })
    }

    /// Slot `i` (lowering computed `i` within the record: out of range is a bug and panics).
    #[inline(always)]
    pub fn get(&self, i: usize) -> Value {
        // SAFETY: a shared view for the duration of the clone, which runs no code of ours.
        super::clone_value(&unsafe { &*self.slots.get() }.as_slice()[i])
    }

    /// Slot `i`, or `None` out of range (of the storage: a one-binding record has two inline
    /// slots).
    pub fn try_get(&self, i: usize) -> Option<Value> {
        // SAFETY: as in `get`.
        unsafe { &*self.slots.get() }.as_slice().get(i).cloned()
    }

    /// Overwrites slot `i` (panics out of range, like `get`).
    #[inline]
    pub fn set(&self, i: usize, v: Value) {
        // SAFETY: the only live reference into the cell; the swap runs no JS and allocates no
        // GC box, and the old value is dropped after the borrow ends.
        let old = std::mem::replace(&mut unsafe { &mut *self.slots.get() }.as_mut_slice()[i], v);
        old.release();
    }

    /// Overwrites slot `i` if in range; whether it was.
    pub fn try_set(&self, i: usize, v: Value) -> bool {
        // SAFETY: as in `set`.
        let old = match unsafe { &mut *self.slots.get() }.as_mut_slice().get_mut(i) {
            Some(s) => std::mem::replace(s, v),
            None => return false,
        };
        drop(old);
        true
    }

    /// A copy of this record with the same parent (CreatePerIterationEnvironment).
    pub fn copy(&self) -> Gc<Env> {
        // SAFETY: a shared view while the slots are cloned (no JS, no GC allocation); the new
        // box is allocated after the clone is complete.
        let slots = match unsafe { &*self.slots.get() } {
            // (Most copied records are a loop's one or two counters: no clone loop.)
            Slots::Inline([a, b]) => Slots::Inline([super::clone_value(a), super::clone_value(b)]),
            Slots::Many(v) => Slots::Many(v.clone()),
        };
        Gc::new(Env {
            parent: self.parent.clone(),
            slots: UnsafeCell::new(slots),
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

/// A closure without extra data (most of them), held inline in its object
/// (`ObjectKind::Closure`): the function object is then one allocation. The first
/// [`extra_mut`] moves it into a boxed [`FunctionData::Closure`]. Its `[[Construct]]` is
/// `code.is_constructor`.
pub struct ClosureData {
    pub code: Rc<Code>,
    pub env: Option<Gc<Env>>,
}

impl Finalize for ClosureData {}
// SAFETY: marks the captured environment (the code holds no GC pointers).
unsafe impl Trace for ClosureData {
    crate::value::gc::custom_trace!(this, mark, {
        if let Some(e) = &this.env {
            mark(e);
        }
    });
}

/// The code and environment of a JS function object, in either representation.
#[inline]
fn closure_ref(kind: &ObjectKind) -> Option<(&Rc<Code>, &Option<Gc<Env>>)> {
    match kind {
        ObjectKind::Closure(c) => Some((&c.code, &c.env)),
        ObjectKind::Function(p) => match &**p {
            FunctionData::Closure { code, env, .. } => Some((code, env)),
            _ => None,
        },
        _ => None,
    }
}

/// The code of a JS function object, in either representation.
#[inline]
pub fn closure_code(kind: &ObjectKind) -> Option<&Rc<Code>> {
    closure_ref(kind).map(|(code, _)| code)
}

/// The code and environment of a JS function object, cloned out.
pub fn closure_parts(kind: &ObjectKind) -> Option<(Rc<Code>, Option<Gc<Env>>)> {
    closure_ref(kind).map(|(code, env)| (code.clone(), env.clone()))
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
    /// Class constructors: their `prototype` property's value, which never changes (the
    /// property is non-writable and non-configurable): what a construction with this
    /// constructor as new.target takes without a property lookup.
    pub proto: Option<JsObject>,
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
        if let Some(p) = &this.proto {
            mark(p);
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
        slots: Box<[Value]>,
        is_constructor: bool,
    },
    /// A native function with one captured value, held inline (no slot vector): most native
    /// closures capture one value (promise resolving functions, revokers, host functions).
    /// Never a constructor.
    NativeClosure1 {
        f: NativeClosureFn,
        slot: Value,
    },
    /// `Function.prototype.bind` (boxed: rare, and the biggest variant).
    Bound(Box<BoundFunction>),
}

/// A bound function's [[BoundTargetFunction]], [[BoundThis]] and [[BoundArguments]].
pub struct BoundFunction {
    pub target: JsObject,
    pub this: Value,
    pub args: Vec<Value>,
}

// Every function object's payload box stays a 48-byte allocator block (32 + malloc's header).
const _: () = assert!(size_of::<FunctionData>() == 32);

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
            FunctionData::NativeClosure1 { slot, .. } => mark(slot),
            FunctionData::Bound(b) => {
                mark(&b.target);
                mark(&b.this);
                for a in &b.args {
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

/// How a call of an object can be made without a [`Callable`]: one borrow tells a closure
/// whose code is lean (`Code::lean`: `Interp::call_lean` runs it with its code and
/// environment; methods too, their home object unused by lean code) and a plain native
/// function (called with no argument vector) apart from the rest.
pub(crate) enum FastCall {
    Lean(Rc<Code>, Option<Gc<Env>>),
    Native(NativeFn),
    Other,
}

/// [`FastCall`] of an object.
#[inline]
pub(crate) fn fast_call(obj: &JsObject) -> FastCall {
    // SAFETY: the record is only read here (handle clones run no code).
    let Some(data) = (unsafe { obj.peek() }) else {
        return FastCall::Other;
    };
    match &data.kind {
        ObjectKind::Closure(c) if c.code.lean => FastCall::Lean(c.code.clone(), c.env.clone()),
        ObjectKind::Function(payload) => match &**payload {
            FunctionData::Native { f, .. } => FastCall::Native(*f),
            FunctionData::Closure { code, env, .. } if code.lean => {
                FastCall::Lean(code.clone(), env.clone())
            }
            _ => FastCall::Other,
        },
        _ => FastCall::Other,
    }
}

/// The code and environment of a lean closure whose code has a name (its frame then needs
/// no function object): what a call of it needs besides the receiver and arguments. The
/// same closures [`fast_call`] answers `Lean` for, less anonymous code.
pub(crate) fn lean_named_parts(obj: &JsObject) -> Option<(Rc<Code>, Option<Gc<Env>>)> {
    match fast_call(obj) {
        FastCall::Lean(code, env) if code.name != crate::value::atoms::EMPTY => Some((code, env)),
        _ => None,
    }
}

// ───────────── lazily made `prototype` objects ─────────────
//
// A function expression evaluated in a loop would otherwise allocate a prototype object and a
// five-entry property block per evaluation that most programs never look at. Until first use
// an ordinary function's own properties are just its shared `length`/`name`; the rest
// (`arguments`, `caller` for sloppy functions, then `prototype`) is added, in V8's order, by
// `materialize_prototype` before anything reads one of those keys, lists the keys, or
// changes the property map. `prototype` is non-configurable, so "not yet made" is simply
// "lazy code and no `prototype` key". The choke points are in `interp::props` ([[Get]],
// [[GetOwnProperty]], [[OwnPropertyKeys]], [[DefineOwnProperty]], [[Set]], [[Delete]],
// [[HasProperty]], [[PreventExtensions]]; the fast paths decline); code that reads
// `ObjectData` directly sees the keys listed (`ObjectData::own_keys`) but no descriptor for
// them until then, which only its non-enumerable filters meet.

/// The code of a closure whose `prototype` is made on first use (`Code::lazy_prototype`).
#[inline]
pub(crate) fn lazy_prototype_code(kind: &ObjectKind) -> Option<&Rc<Code>> {
    let code = match kind {
        ObjectKind::Closure(c) => &c.code,
        ObjectKind::Function(payload) => match &**payload {
            FunctionData::Closure { code, .. } => code,
            _ => return None,
        },
        _ => return None,
    };
    code.lazy_prototype().then_some(code)
}

/// Whether this object is a function whose `prototype` (and company) is not made yet.
pub(crate) fn prototype_pending(data: &crate::value::object::ObjectData) -> bool {
    lazy_prototype_code(&data.kind).is_some()
        && !data
            .properties
            .contains_key(&PropertyKey::String(crate::value::atoms::PROTOTYPE))
}

/// The keys `materialize_prototype` adds.
#[inline]
pub(crate) fn is_lazy_function_key(key: &PropertyKey) -> bool {
    use crate::value::atoms;
    matches!(key, PropertyKey::String(k)
        if *k == atoms::PROTOTYPE || *k == atoms::ARGUMENTS || *k == atoms::CALLER)
}

/// Append the keys a pending function lists after its `length`/`name` (nothing for other
/// objects).
pub(crate) fn push_pending_keys(
    data: &crate::value::object::ObjectData,
    out: &mut Vec<PropertyKey>,
) {
    use crate::lower::tree::ThisMode;
    use crate::value::atoms;
    if !prototype_pending(data) {
        return;
    }
    if lazy_prototype_code(&data.kind).is_some_and(|c| c.this_mode == ThisMode::Sloppy) {
        out.push(PropertyKey::String(atoms::ARGUMENTS));
        out.push(PropertyKey::String(atoms::CALLER));
    }
    out.push(PropertyKey::String(atoms::PROTOTYPE));
}

/// MakeConstructor's `prototype` object for `obj` if it is still pending (and, sloppy, the
/// legacy `arguments`/`caller` own properties before it, as V8 lists them).
pub(crate) fn materialize_prototype(interp: &Interp, obj: &JsObject) {
    use crate::lower::tree::ThisMode;
    use crate::value::atoms;
    use crate::value::property::{Attributes, Property, PropertyMap};
    let sloppy = {
        let data = obj.borrow();
        if !prototype_pending(&data) {
            return;
        }
        lazy_prototype_code(&data.kind).is_some_and(|c| c.this_mode == ThisMode::Sloppy)
    };
    let proto = JsObject::with_properties(
        Some(interp.intrinsics.object_proto.clone()),
        PropertyMap::with_entries(
            None,
            [(
                PropertyKey::String(atoms::CONSTRUCTOR),
                Property::data(Value::Object(obj.clone()), Attributes::BUILTIN),
            )],
        ),
        ObjectKind::Ordinary,
    );
    let mut data = obj.borrow_mut();
    if sloppy {
        for name in [atoms::ARGUMENTS, atoms::CALLER] {
            data.properties.insert(
                PropertyKey::String(name),
                Property::data(Value::Null, Attributes::NONE),
            );
        }
    }
    data.properties.insert(
        PropertyKey::String(atoms::PROTOTYPE),
        Property::data(Value::Object(proto), Attributes::WRITABLE),
    );
}

/// `materialize_prototype` when `key` is one of the keys it adds.
#[inline]
pub(crate) fn materialize_for_key(interp: &Interp, obj: &JsObject, key: &PropertyKey) {
    if is_lazy_function_key(key) {
        materialize_prototype(interp, obj);
    }
}

/// The code and environment of a closure that is a constructor with lean construction
/// (`Code::lean_ctor`): `new` of it takes `Interp::construct_lean`, with no `Callable`.
#[inline]
pub(crate) fn lean_ctor(obj: &JsObject) -> Option<(Rc<Code>, Option<Gc<Env>>)> {
    match &obj.borrow().kind {
        ObjectKind::Closure(c) if c.code.lean_ctor && c.code.is_constructor => {
            Some((c.code.clone(), c.env.clone()))
        }
        // Class constructors (boxed: they carry a home object, fields, the prototype).
        ObjectKind::Function(payload) => match &**payload {
            FunctionData::Closure { code, env, .. } if code.lean_ctor && code.is_constructor => {
                Some((code.clone(), env.clone()))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The `prototype` of a class constructor (cached: it cannot change), if `obj` is one.
#[inline]
pub(crate) fn class_prototype(obj: &JsObject) -> Option<JsObject> {
    match &obj.borrow().kind {
        ObjectKind::Function(payload) => match &**payload {
            FunctionData::Closure { extra: Some(x), .. } => x.proto.clone(),
            _ => None,
        },
        _ => None,
    }
}

/// The callable behind an object, if it is one.
pub fn callable(obj: &JsObject) -> Option<(Callable, bool)> {
    let data = obj.borrow();
    let payload = match &data.kind {
        ObjectKind::Closure(c) => return Some(closure_callable(obj, &c.code, &c.env)),
        ObjectKind::NativeClosureObj(f, _) => {
            return Some((Callable::NativeClosure(*f, obj.clone()), false));
        }
        ObjectKind::Function(payload) => payload,
        ObjectKind::Proxy(p) if p.callable => {
            return Some((Callable::Proxy(obj.clone()), p.constructor));
        }
        _ => return None,
    };
    let f: &FunctionData = payload;
    Some(match f {
        FunctionData::Closure { code, env, .. } => closure_callable(obj, code, env),
        FunctionData::Native { f, is_constructor } => (Callable::Native(*f), *is_constructor),
        FunctionData::NativeClosure {
            f, is_constructor, ..
        } => (Callable::NativeClosure(*f, obj.clone()), *is_constructor),
        FunctionData::NativeClosure1 { f, .. } => (Callable::NativeClosure(*f, obj.clone()), false),
        FunctionData::Bound(b) => {
            let ctor = callable(&b.target).is_some_and(|(_, c)| c);
            (
                Callable::Bound(b.target.clone(), b.this.clone(), b.args.clone()),
                ctor,
            )
        }
    })
}

/// [`callable`] for a JS function object of `code` closing over `env`.
#[inline(always)]
fn closure_callable(obj: &JsObject, code: &Rc<Code>, env: &Option<Gc<Env>>) -> (Callable, bool) {
    // Generator functions create their generator object around the call.
    if code.machine.as_ref().is_some_and(|m| m.kind.is_generator()) {
        return (
            Callable::NativeClosure(super::machine::call_generator, obj.clone()),
            false,
        );
    }
    // Also for code without a name: stack frames then name it by the function's `name`.
    // And for code with an `arguments` object (a sloppy one's `callee`).
    let me = (code.uses_super
        || code.class_ctor.is_some()
        || code.name == crate::value::atoms::EMPTY
        || code.arguments_place.is_some())
    .then(|| obj.clone());
    (
        Callable::Closure(code.clone(), env.clone(), me),
        code.is_constructor,
    )
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
    if let ObjectKind::NativeClosureObj(_, o) = &data.kind {
        return match o {
            Some(o) if i == 0 => Value::Object(o.clone()),
            _ => Value::Undefined,
        };
    }
    if let ObjectKind::Function(payload) = &data.kind {
        match &**payload {
            FunctionData::NativeClosure { slots, .. } => {
                return slots.get(i).cloned().unwrap_or_default();
            }
            FunctionData::NativeClosure1 { slot, .. } if i == 0 => return slot.clone(),
            _ => {}
        }
    }
    Value::Undefined
}

/// Does a call of `f` with two arguments never observe the second? True for a plain
/// (non-generator, non-async, non-class) JS function with at most one simple parameter and no
/// `arguments` object of its own (an arrow's `arguments` is its creator's; direct `eval` in
/// the body makes `arguments` a used binding). The Promise constructor then skips creating a
/// reject function nobody can reach.
pub fn ignores_second_argument(f: &Value) -> bool {
    let Value::Object(o) = f else {
        return false;
    };
    let data = o.borrow();
    match closure_code(&data.kind) {
        Some(code) => code_ignores_second_argument(code),
        None => false,
    }
}

/// [`ignores_second_argument`] for a closure of `code`.
pub fn code_ignores_second_argument(code: &Code) -> bool {
    code.params.len() <= 1
        && code.param_init.is_none()
        && code.arguments_place.is_none()
        && code.machine.is_none()
        && code.class_ctor.is_none()
}

/// Overwrite slot `i` of a native closure (no-op on other objects or out of range).
pub fn set_closure_slot(callee: &JsObject, i: usize, v: Value) {
    let mut data = callee.borrow_mut();
    if let ObjectKind::NativeClosureObj(f, o) = &mut data.kind {
        if i == 0 {
            match v {
                Value::Object(v) => *o = Some(v),
                Value::Undefined => *o = None,
                // Not an object any more: the boxed form holds any value.
                v => {
                    data.kind = ObjectKind::Function(Box::new(FunctionData::NativeClosure1 {
                        f: *f,
                        slot: v,
                    }))
                }
            }
        }
        return;
    }
    if let ObjectKind::Function(payload) = &mut data.kind {
        match &mut **payload {
            FunctionData::NativeClosure { slots, .. } => {
                if let Some(s) = slots.get_mut(i) {
                    *s = v;
                }
            }
            FunctionData::NativeClosure1 { slot, .. } if i == 0 => *slot = v,
            _ => {}
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
    let template = length_and_name_template(name, length);
    f.borrow_mut().properties.share_named(&template);
}

/// The shared `length`/`name` list of a closure of `code` (its own `name` and `length`, as
/// [`define_length_and_name`] would give them), cached in the code: a closure is built with
/// it (`PropertyMap::with_shared`), no property storage and no second borrow.
#[inline]
pub fn code_length_and_name(code: &Code) -> &crate::value::property::SharedNamed {
    code.fn_props
        .0
        .get_or_init(|| length_and_name_template(code.name, code.length))
}

/// [`define_length_and_name`] for an anonymous native closure of length 0..=2 (`""`), with the
/// shared list cached in the interpreter; others go through the general path.
pub fn define_anon_length_and_name(interp: &Interp, f: &JsObject, length: u32) {
    match interp.anon_fn_props.get(length as usize) {
        Some(cell) => {
            let template =
                cell.get_or_init(|| length_and_name_template(crate::value::atoms::EMPTY, length));
            f.borrow_mut().properties.share_named(template);
        }
        None => define_length_and_name(f, crate::value::atoms::EMPTY, length),
    }
}

/// The shared `length`/`name` list for (name, length).
fn length_and_name_template(
    name: crate::value::Atom,
    length: u32,
) -> crate::value::property::SharedNamed {
    use crate::value::property::{Attributes, Property, SharedNamed};
    DEFAULT_PROPS.with(|m| {
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
    })
}

/// The extra data of a closure (home object, fields…), if it has any.
pub fn with_extra<T>(obj: &JsObject, f: impl FnOnce(Option<&ClosureExtra>) -> T) -> T {
    let data = obj.borrow();
    if let ObjectKind::Function(payload) = &data.kind {
        if let FunctionData::Closure { extra, .. } = &**payload {
            return f(extra.as_deref());
        }
    }
    f(None)
}

/// Mutable access to a closure's extra data (created on demand); `None` for non-closures.
pub fn extra_mut<T>(obj: &JsObject, f: impl FnOnce(&mut ClosureExtra) -> T) -> Option<T> {
    let mut data = obj.borrow_mut();
    if let ObjectKind::Closure(_) = &data.kind {
        // The inline form has no room for extra data: box it.
        let ObjectKind::Closure(c) = std::mem::replace(&mut data.kind, ObjectKind::Ordinary) else {
            unreachable!()
        };
        data.kind = ObjectKind::Function(Box::new(FunctionData::Closure {
            code: c.code,
            env: c.env,
            extra: None,
        }));
    }
    if let ObjectKind::Function(payload) = &mut data.kind {
        if let FunctionData::Closure { extra, .. } = &mut **payload {
            return Some(f(extra.get_or_insert_with(Default::default)));
        }
    }
    None
}
