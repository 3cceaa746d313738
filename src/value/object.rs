//! Objects: a GC-managed record with a prototype, the extensible flag, property storage and an
//! [`ObjectKind`] holding the internal slots of built-in objects.
//!
//! `JsObject` is an 8-byte `Gc` handle; equality is identity. The record sits in a `GcRefCell`:
//! borrow it, copy out what you need, and release the borrow before running any JS (gc.rs rules).
//!
//! Not here: the internal methods' full algorithms (`[[Get]]` walking the prototype chain and
//! calling getters, `[[DefineOwnProperty]]` validation, array-length semantics): they may run user
//! code and belong to the interpreter, which builds them on `PropertyMap`. Function objects are
//! the interpreter's design: see [`ObjectKind::Function`].

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::ptr::NonNull;

use rustc_hash::FxBuildHasher;

use super::gc::{custom_trace, empty_trace, Finalize, Gc, GcRef, GcRefCell, GcRefMut, Trace};
use super::property::{Attributes, Property, PropertyKey, PropertyMap, Slot};
use super::string::atoms;
use super::string::JsString;
use super::symbol::Symbol;
use super::Value;
use crate::interp::function::FunctionData;

/// A handle to a heap object. Clone is cheap; `==` is identity (JS `===` on objects).
#[derive(Clone)]
pub struct JsObject(Gc<GcRefCell<ObjectData>>);

/// The object record.
pub struct ObjectData {
    /// `[[Prototype]]` (`null` is `None`).
    pub prototype: Option<JsObject>,
    /// The properties; also `[[Extensible]]` and the private elements (see
    /// [`ObjectData::is_extensible`], [`ObjectData::private_elements`]), kept there so that
    /// this record stays 40 bytes.
    pub properties: PropertyMap,
    pub kind: ObjectKind,
}

// With boa_gc's header (16) and the cell's borrow flag (8): one 64-byte allocator block
// (mimalloc's size classes go 48, 64, 80, 96: at 56 bytes the record took an 80-byte block,
// at 64 a 96-byte one).
const _: () = assert!(size_of::<ObjectData>() == 40);
const _: () = assert!(size_of::<ObjectKind>() == 24);

/// A private element of an object (ECMA-262 PrivateElement).
pub enum PrivateElement {
    Field(Value),
    Method(Value),
    Accessor {
        get: Option<JsObject>,
        set: Option<JsObject>,
    },
}

impl Finalize for PrivateElement {}
// SAFETY: marks the field value, the method, or the accessor functions.
unsafe impl Trace for PrivateElement {
    custom_trace!(this, mark, {
        match this {
            PrivateElement::Field(v) | PrivateElement::Method(v) => mark(v),
            PrivateElement::Accessor { get, set } => {
                if let Some(g) = get {
                    mark(g);
                }
                if let Some(s) = set {
                    mark(s);
                }
            }
        }
    });
}

impl JsObject {
    /// A new extensible object.
    pub fn new(prototype: Option<JsObject>, kind: ObjectKind) -> Self {
        JsObject(Gc::new(GcRefCell::new(ObjectData {
            prototype,
            properties: PropertyMap::new(),
            kind,
        })))
    }

    /// A new extensible object with the given own properties.
    #[inline]
    pub fn with_properties(
        prototype: Option<JsObject>,
        properties: PropertyMap,
        kind: ObjectKind,
    ) -> Self {
        JsObject(Gc::new(GcRefCell::new(ObjectData {
            prototype,
            properties,
            kind,
        })))
    }

    /// An ordinary object (`{}` with the given prototype).
    pub fn ordinary(prototype: Option<JsObject>) -> Self {
        Self::new(prototype, ObjectKind::Ordinary)
    }

    /// Shared borrow of the record. Panics if mutably borrowed (a bug: see the gc.rs rules).
    #[inline]
    pub fn borrow(&self) -> GcRef<'_, ObjectData> {
        self.0.borrow()
    }

    /// The record for a read that calls nothing (no JS, no allocation, no other borrow)
    /// while the reference lives: no borrow counting. `None` while it is mutably borrowed.
    ///
    /// # Safety
    ///
    /// Drop the reference before anything that could borrow this object mutably runs.
    #[inline]
    pub unsafe fn peek(&self) -> Option<&ObjectData> {
        // SAFETY: the caller's promise, as `try_borrow_unguarded` requires.
        unsafe { self.0.try_borrow_unguarded() }
    }

    /// Exclusive borrow of the record. Never hold it across a call into JS.
    #[inline]
    pub fn borrow_mut(&self) -> GcRefMut<'_, ObjectData> {
        self.0.borrow_mut()
    }

    /// Are `a` and `b` the same object (JS `===`)?
    #[inline]
    pub fn ptr_eq(a: &JsObject, b: &JsObject) -> bool {
        Gc::ptr_eq(&a.0, &b.0)
    }

    /// Identity for hashing (Map/Set keys); stable while the object lives.
    #[inline]
    pub fn addr(&self) -> usize {
        Gc::addr(&self.0)
    }

    /// `[[Prototype]]`.
    pub fn prototype(&self) -> Option<JsObject> {
        self.borrow().prototype.clone()
    }

    /// Looks up an own data property's value, cloned (no getter is run: accessors give `None`).
    pub fn get_own_data(&self, key: &PropertyKey) -> Option<Value> {
        match self.borrow().properties.get(key)? {
            super::property::PropertyRef::Data(v, _) => Some(v.clone()),
            super::property::PropertyRef::Accessor(..) => None,
        }
    }

    /// `[[Class]]`-like name for debugging.
    pub fn kind_name(&self) -> &'static str {
        self.borrow().kind.name()
    }

    /// The underlying GC pointer: the key type of `gc::WeakMap` (WeakMap/WeakSet builtins).
    pub fn as_gc(&self) -> &Gc<GcRefCell<ObjectData>> {
        &self.0
    }
}

impl ObjectData {
    /// `[[Extensible]]`.
    #[inline]
    pub fn is_extensible(&self) -> bool {
        self.properties.is_extensible()
    }

    /// Sets `[[Extensible]]` (the internal methods decide when that is allowed).
    pub fn set_extensible(&mut self, extensible: bool) {
        self.properties.set_extensible(extensible);
    }

    /// Private elements (`#x` fields, methods, accessors), keyed by their class's private
    /// name, if the object has any. Never visible to [[OwnPropertyKeys]] or [[Get]].
    pub fn private_elements(&self) -> Option<&Vec<(Symbol, PrivateElement)>> {
        self.properties.private_elements()
    }

    /// Mutable access to the private elements, if any.
    pub fn private_elements_mut(&mut self) -> Option<&mut Vec<(Symbol, PrivateElement)>> {
        self.properties.private_elements_mut()
    }

    /// The private element list, created empty if absent.
    pub fn private_elements_or_insert(&mut self) -> &mut Vec<(Symbol, PrivateElement)> {
        self.properties.private_elements_or_insert()
    }

    /// `[[OwnPropertyKeys]]` for ordinary objects and the data-only exotic ones: arrays (`length`
    /// after the indices) and String wrappers (the string's indices first, then `length`).
    /// Proxies and module namespaces are the interpreter's.
    pub fn own_keys(&self) -> Vec<PropertyKey> {
        let mut out = Vec::new();
        match &self.kind {
            ObjectKind::Array(_) => {
                self.properties.index_keys_into(&mut out);
                out.push(PropertyKey::String(atoms::LENGTH));
            }
            ObjectKind::String(s) => {
                let len = s.len() as u32;
                out.extend((0..len).map(PropertyKey::Index));
                let mut rest = Vec::new();
                self.properties.index_keys_into(&mut rest);
                out.extend(
                    rest.into_iter()
                        .filter(|k| !matches!(k, PropertyKey::Index(i) if *i < len)),
                );
                out.push(PropertyKey::String(atoms::LENGTH));
            }
            _ => self.properties.index_keys_into(&mut out),
        }
        self.properties.named_keys_into(&mut out);
        out
    }

    /// `[[GetOwnProperty]]` for ordinary objects, arrays and String wrappers, as an owned
    /// descriptor (the exotic `length` and string indices are synthesized).
    pub fn get_own_property(&self, key: &PropertyKey) -> Option<Property> {
        match (&self.kind, key) {
            (ObjectKind::Array(a), PropertyKey::String(k)) if *k == atoms::LENGTH => {
                let attrs = if a.length_writable {
                    Attributes::WRITABLE
                } else {
                    Attributes::NONE
                };
                Some(Property::data(Value::Number(f64::from(a.length)), attrs))
            }
            (ObjectKind::String(s), PropertyKey::String(k)) if *k == atoms::LENGTH => Some(
                Property::data(Value::Number(s.len() as f64), Attributes::NONE),
            ),
            (ObjectKind::String(s), PropertyKey::Index(i)) if (*i as usize) < s.len() => {
                let unit = s.as_slice()[*i as usize];
                Some(Property::data(
                    Value::String(JsString::from_code_unit(unit)),
                    Attributes::ENUMERABLE,
                ))
            }
            (ObjectKind::Arguments(Some(map)), PropertyKey::Index(i)) => {
                let mut p = self.properties.get(key).map(|r| r.to_property())?;
                if let (Some(v), Slot::Data(d)) = (map.get(*i), &mut p.slot) {
                    *d = v;
                }
                Some(p)
            }
            _ => self.properties.get(key).map(|r| r.to_property()),
        }
    }
}

impl PartialEq for JsObject {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        JsObject::ptr_eq(self, other)
    }
}
impl Eq for JsObject {}

impl fmt::Debug for JsObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never recurse into properties: object graphs are cyclic.
        match self.0.try_borrow() {
            Ok(d) => write!(f, "[object {} @{:#x}]", d.kind.name(), self.addr()),
            Err(_) => write!(f, "[object (borrowed) @{:#x}]", self.addr()),
        }
    }
}

impl Finalize for JsObject {}
// SAFETY: marks the one Gc pointer.
unsafe impl Trace for JsObject {
    custom_trace!(this, mark, mark(&this.0));
}

impl Finalize for ObjectData {}
// SAFETY: marks the prototype, every property and the kind's slots.
unsafe impl Trace for ObjectData {
    custom_trace!(this, mark, {
        if let Some(p) = &this.prototype {
            mark(p);
        }
        mark(&this.properties);
        mark(&this.kind);
    });
}

/// Internal slots of built-in and host objects. Big payloads are boxed so the common
/// variants keep `ObjectData` small.
pub enum ObjectKind {
    Ordinary,
    /// Array exotic object; `length` lives here, not in the property map (the interpreter's
    /// ArraySetLength keeps it in sync with the index properties).
    Array(ArrayData),
    /// An `arguments` object (`length`/`callee` are ordinary properties). Mapped arguments
    /// (ECMA-262 §10.4.4) carry their parameter map: while index `i` is mapped, the property's
    /// value is the parameter binding's (the stored value may be stale and is not read).
    /// (Boxed twice so the variant stays one word: mapped arguments are rare.)
    #[allow(clippy::redundant_allocation)]
    Arguments(Option<Box<Box<dyn ParameterMap>>>),
    /// Has an `[[ErrorData]]` slot.
    Error,
    Boolean(bool),
    Number(f64),
    /// String exotic object: indices and `length` come from the string.
    String(JsString),
    Symbol(Symbol),
    /// A BigInt wrapper (`[[BigIntData]]`).
    BigInt(super::JsBigInt),
    /// `[[DateValue]]` (time value in ms, NaN for an invalid date).
    Date(f64),
    /// An Array Iterator (ECMA-262 §23.1.5): `%ArrayIteratorPrototype%.next` walks it.
    ArrayIterator(Box<ArrayIteratorData>),
    RegExp(Box<RegExpData>),
    /// %StringIteratorPrototype% instances: the string (None once done) and the next index.
    StringIterator(Box<StringIteratorData>),
    /// %RegExpStringIteratorPrototype% instances (`matchAll`).
    RegExpStringIterator(Box<RegExpStringIteratorData>),
    Map(Box<OrderedMap>),
    Set(Box<OrderedMap>),
    WeakMap(Box<super::weak::WeakTable>),
    /// A WeakSet is a weak map to `undefined`.
    WeakSet(Box<super::weak::WeakTable>),
    Promise(Box<PromiseData>),
    /// Every callable object (closures, bound functions, native builtins, classes, async
    /// functions, generators' resume functions …): the interpreter's concrete function
    /// representation (the one place the data layer names an interpreter type: a thin box
    /// keeps this enum two words, and calls skip a downcast). Whatever the payload holds
    /// (environments, captured values, the `[[HomeObject]]`) is reachable through its `Trace`.
    Function(Box<FunctionData>),
    /// A JS closure without extra data (most of them), inline: one allocation per function
    /// object. Everything that reads closures goes through `interp::function`
    /// (`closure_code`, `callable`, …), which knows both forms.
    Closure(crate::interp::function::ClosureData),
    /// A native closure capturing one object or `undefined` (`None`: promise resolving
    /// functions, whose slot is cleared once used …), inline; the interpreter's
    /// `closure_slot`/`set_closure_slot` read and write it (another slot value moves it to
    /// `Function(NativeClosure1)`).
    NativeClosureObj(crate::interp::function::NativeClosureFn, Option<JsObject>),
    /// A suspended generator / async function frame, designed by the interpreter.
    Suspended(PayloadBox),
    /// Embedder data attached to an object (the embedding API).
    Host(PayloadBox),
    /// A Proxy exotic object (ECMA-262 §10.5). Its own record stays empty, non-extensible and
    /// prototype-less: every internal method goes through `interp::proxy`, and the property
    /// fast paths, which only see the record, fall back to the general path on this kind.
    Proxy(Box<ProxyData>),
}

/// The internal slots of a Proxy: `[[ProxyTarget]]` and `[[ProxyHandler]]` (both `None` once
/// revoked), and whether it has `[[Call]]`/`[[Construct]]` (fixed at creation from the target).
pub struct ProxyData {
    pub target: Option<JsObject>,
    pub handler: Option<JsObject>,
    pub callable: bool,
    pub constructor: bool,
}

/// The [[ParameterMap]] of a mapped arguments object: index `i` reads and writes a parameter
/// binding of the callee until unmapped. Implemented by the interpreter (which owns
/// environments); every method here is cheap and runs no JS.
pub trait ParameterMap: Trace {
    /// The parameter's current value, if `index` is mapped.
    fn get(&self, index: u32) -> Option<Value>;
    /// Write the parameter if `index` is mapped; whether it was.
    fn set(&self, index: u32, v: Value) -> bool;
    /// Remove the mapping of `index` (after delete, an accessor or `writable: false`).
    fn unmap(&mut self, index: u32);
    fn is_mapped(&self, index: u32) -> bool;
}

/// Traced, type-erased internal slots (functions, host data): downcast with `as_any`.
pub trait ObjectPayload: Trace + Any {
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    /// For debugging and `kind_name`.
    fn type_name(&self) -> &'static str {
        std::any::type_name::<Self>()
    }
}

/// A `Box<dyn ObjectPayload>` in one word instead of two: the block starts with a pointer to
/// a per-type table that rebuilds the fat pointer and frees the block. Keeps [`ObjectKind`]
/// two words (and so every object record one allocator size class smaller) for the price of
/// one word in the payload's own block.
pub struct PayloadBox(NonNull<&'static PayloadVTable>);

struct PayloadVTable {
    as_dyn: unsafe fn(NonNull<&'static PayloadVTable>) -> *mut dyn ObjectPayload,
    drop_block: unsafe fn(NonNull<&'static PayloadVTable>),
}

#[repr(C)]
struct PayloadBlock<T> {
    vtable: &'static PayloadVTable,
    value: T,
}

trait HasPayloadVTable: ObjectPayload + Sized {
    const VTABLE: &'static PayloadVTable = &PayloadVTable {
        as_dyn: payload_as_dyn::<Self>,
        drop_block: payload_drop::<Self>,
    };
}
impl<T: ObjectPayload> HasPayloadVTable for T {}

/// # Safety
/// `p` points to a live `PayloadBlock<T>` (the table stored in it is `T`'s).
unsafe fn payload_as_dyn<T: ObjectPayload>(
    p: NonNull<&'static PayloadVTable>,
) -> *mut dyn ObjectPayload {
    let block = p.cast::<PayloadBlock<T>>().as_ptr();
    // SAFETY: the caller guarantees `block` is a live `PayloadBlock<T>`.
    unsafe { &raw mut (*block).value as *mut dyn ObjectPayload }
}

/// # Safety
/// `p` was made by `PayloadBox::new::<T>` and is not used afterwards.
unsafe fn payload_drop<T: ObjectPayload>(p: NonNull<&'static PayloadVTable>) {
    // SAFETY: the block was allocated as a `Box<PayloadBlock<T>>`.
    drop(unsafe { Box::from_raw(p.cast::<PayloadBlock<T>>().as_ptr()) });
}

impl PayloadBox {
    pub fn new<T: ObjectPayload>(value: T) -> Self {
        let block = Box::new(PayloadBlock {
            vtable: <T as HasPayloadVTable>::VTABLE,
            value,
        });
        PayloadBox(NonNull::from(Box::leak(block)).cast())
    }
}

impl std::ops::Deref for PayloadBox {
    type Target = dyn ObjectPayload;
    #[inline]
    fn deref(&self) -> &(dyn ObjectPayload + 'static) {
        // SAFETY: the block is live while `self` is, and its first word is its type's table.
        unsafe { &*((*self.0.as_ptr()).as_dyn)(self.0) }
    }
}

impl std::ops::DerefMut for PayloadBox {
    #[inline]
    fn deref_mut(&mut self) -> &mut (dyn ObjectPayload + 'static) {
        // SAFETY: as in `deref`, and `&mut self` makes this the only access.
        unsafe { &mut *((*self.0.as_ptr()).as_dyn)(self.0) }
    }
}

impl Drop for PayloadBox {
    fn drop(&mut self) {
        // SAFETY: made by `PayloadBox::new`, dropped once.
        unsafe { ((*self.0.as_ptr()).drop_block)(self.0) }
    }
}

impl ObjectKind {
    pub fn name(&self) -> &'static str {
        match self {
            ObjectKind::Ordinary => "Object",
            ObjectKind::Array(_) => "Array",
            ObjectKind::Arguments(_) => "Arguments",
            ObjectKind::Error => "Error",
            ObjectKind::Boolean(_) => "Boolean",
            ObjectKind::Number(_) => "Number",
            ObjectKind::String(_) => "String",
            ObjectKind::Symbol(_) => "Symbol",
            ObjectKind::BigInt(_) => "BigInt",
            ObjectKind::Date(_) => "Date",
            ObjectKind::ArrayIterator(_) => "Array Iterator",
            ObjectKind::RegExp(_) => "RegExp",
            ObjectKind::StringIterator(_) => "String Iterator",
            ObjectKind::RegExpStringIterator(_) => "RegExp String Iterator",
            ObjectKind::Map(_) => "Map",
            ObjectKind::Set(_) => "Set",
            ObjectKind::WeakMap(_) => "WeakMap",
            ObjectKind::WeakSet(_) => "WeakSet",
            ObjectKind::Promise(_) => "Promise",
            ObjectKind::Function(_) | ObjectKind::Closure(_) | ObjectKind::NativeClosureObj(..) => {
                "Function"
            }
            ObjectKind::Suspended(_) => "Suspended",
            ObjectKind::Host(_) => "Host",
            ObjectKind::Proxy(_) => "Proxy",
        }
    }

    pub fn is_callable(&self) -> bool {
        match self {
            ObjectKind::Function(_) | ObjectKind::Closure(_) | ObjectKind::NativeClosureObj(..) => {
                true
            }
            ObjectKind::Proxy(p) => p.callable,
            _ => false,
        }
    }

    /// Whether this is a Proxy exotic object (revoked or not).
    #[inline]
    pub fn is_proxy(&self) -> bool {
        matches!(self, ObjectKind::Proxy(_))
    }
}

impl Finalize for ObjectKind {}
// SAFETY: marks every variant's GC content; primitives and strings hold none.
unsafe impl Trace for ObjectKind {
    custom_trace!(this, mark, {
        match this {
            ObjectKind::RegExp(r) => mark(&**r),
            ObjectKind::RegExpStringIterator(r) => mark(&r.matcher),
            ObjectKind::Map(m) | ObjectKind::Set(m) => mark(&**m),
            ObjectKind::WeakMap(w) | ObjectKind::WeakSet(w) => mark(&**w),
            ObjectKind::Promise(p) => mark(&**p),
            ObjectKind::ArrayIterator(it) => {
                if let Some(o) = &it.iterated {
                    mark(o);
                }
            }
            ObjectKind::Function(f) => mark(&**f),
            ObjectKind::Closure(c) => mark(c),
            ObjectKind::NativeClosureObj(_, o) => {
                if let Some(o) = o {
                    mark(o);
                }
            }
            ObjectKind::Suspended(p) | ObjectKind::Host(p) => mark(&**p),
            ObjectKind::Arguments(Some(m)) => mark(&***m),
            ObjectKind::Proxy(p) => {
                if let Some(t) = &p.target {
                    mark(t);
                }
                if let Some(h) = &p.handler {
                    mark(h);
                }
            }
            ObjectKind::Ordinary
            | ObjectKind::Array(_)
            | ObjectKind::Arguments(None)
            | ObjectKind::Error
            | ObjectKind::Boolean(_)
            | ObjectKind::Number(_)
            | ObjectKind::String(_)
            | ObjectKind::Symbol(_)
            | ObjectKind::BigInt(_)
            | ObjectKind::Date(_)
            | ObjectKind::StringIterator(_) => {}
        }
    });
}

/// Array exotic state.
#[derive(Clone, Copy, Debug)]
pub struct ArrayData {
    pub length: u32,
    /// `false` after `Object.defineProperty(a, 'length', {writable: false})` or freezing.
    pub length_writable: bool,
}

impl Default for ArrayData {
    fn default() -> Self {
        ArrayData {
            length: 0,
            length_writable: true,
        }
    }
}

/// String iterator state (`string` is `None` once the iterator is done).
pub struct StringIteratorData {
    pub string: Option<JsString>,
    pub position: usize,
}

/// RegExp String Iterator slots: [[IteratingRegExp]], [[IteratedString]], [[Global]],
/// [[Unicode]], [[Done]].
pub struct RegExpStringIteratorData {
    pub matcher: JsObject,
    pub string: JsString,
    pub global: bool,
    pub unicode: bool,
    pub done: bool,
}

/// What an Array Iterator yields (`[[ArrayLikeIterationKind]]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IterationKind {
    Keys,
    Values,
    Entries,
}

/// Array Iterator state: the iterated array-like (`None` once exhausted, so a finished
/// iterator never reads `length` again) and the next index (array-likes reach 2^53 - 1).
pub struct ArrayIteratorData {
    pub iterated: Option<JsObject>,
    pub next_index: u64,
    pub kind: IterationKind,
}

/// RegExp internal slots. The compiled matcher (`regress`) is added by the RegExp builtin.
pub struct RegExpData {
    pub source: JsString,
    pub flags: JsString,
    pub matcher: Option<Box<dyn Any>>,
}

impl Finalize for RegExpData {}
// SAFETY: no GC pointers (the matcher is plain Rust data).
unsafe impl Trace for RegExpData {
    empty_trace!();
}

// ---------------------------------------------------------------------------------------------
// Map / Set storage

/// Storage for `Map` and `Set` (values `undefined`): SameValueZero keys, insertion order, and
/// iteration that sees entries added during iteration and skips deleted ones (ECMA-262 §24.1).
///
/// Deleted entries leave a tombstone so that live iterators' positions stay valid; `clear`
/// tombstones everything. Tombstones are compacted away only while no iterator is open
/// (`iterator_opened`/`iterator_closed`, kept by the builtins), so memory stays bounded for the
/// common set/delete churn.
#[derive(Default)]
pub struct OrderedMap {
    entries: Vec<Option<(Value, Value)>>,
    index: HashMap<MapKey, usize, FxBuildHasher>,
    open_iterators: u32,
}

/// A SameValueZero-normalised key: -0 is +0, all NaNs are one, objects and symbols by identity.
#[derive(Clone, PartialEq, Eq, Hash)]
enum MapKey {
    Undefined,
    Null,
    Bool(bool),
    Number(u64),
    String(JsString),
    Symbol(usize),
    Object(usize),
    BigInt(super::JsBigInt),
}

impl MapKey {
    fn of(v: &Value) -> MapKey {
        match v {
            Value::Undefined => MapKey::Undefined,
            Value::Null => MapKey::Null,
            Value::Bool(b) => MapKey::Bool(*b),
            Value::Number(n) => {
                let n = if *n == 0.0 {
                    0.0
                } else if n.is_nan() {
                    f64::NAN
                } else {
                    *n
                };
                MapKey::Number(n.to_bits())
            }
            Value::String(s) => MapKey::String(s.clone()),
            Value::Symbol(s) => MapKey::Symbol(s.addr()),
            Value::BigInt(b) => MapKey::BigInt(b.clone()),
            Value::Object(o) => MapKey::Object(o.addr()),
        }
    }
}

impl OrderedMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Live entry count (`size`).
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    pub fn get(&self, key: &Value) -> Option<&Value> {
        let &i = self.index.get(&MapKey::of(key))?;
        self.entries[i].as_ref().map(|(_, v)| v)
    }

    pub fn has(&self, key: &Value) -> bool {
        self.index.contains_key(&MapKey::of(key))
    }

    /// `set`: updates in place (keeping the position) or appends. A -0 key is stored as +0.
    pub fn set(&mut self, key: Value, value: Value) {
        let mk = MapKey::of(&key);
        if let Some(&i) = self.index.get(&mk) {
            if let Some(e) = &mut self.entries[i] {
                e.1 = value;
            }
            return;
        }
        self.maybe_compact();
        // Map.prototype.set: "if key is -0, set key to +0".
        let key = match key {
            Value::Number(n) if n.to_bits() == (-0.0f64).to_bits() => Value::Number(0.0),
            k => k,
        };
        self.index.insert(mk, self.entries.len());
        self.entries.push(Some((key, value)));
    }

    /// `delete`: `true` if the key was present.
    pub fn delete(&mut self, key: &Value) -> bool {
        match self.index.remove(&MapKey::of(key)) {
            Some(i) => {
                self.entries[i] = None;
                true
            }
            None => false,
        }
    }

    pub fn clear(&mut self) {
        self.index.clear();
        for e in &mut self.entries {
            *e = None;
        }
        self.maybe_compact();
    }

    /// The live entry at or after position `pos`, and the position to resume from: the
    /// iterator protocol's step. Entries appended during iteration are visited.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Value, &Value)> {
        while pos < self.entries.len() {
            if let Some((k, v)) = &self.entries[pos] {
                return Some((pos + 1, k, v));
            }
            pos += 1;
        }
        None
    }

    /// Live entries in order (for builtins that do not run JS per entry).
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(k, v)| (k, v))
    }

    pub fn iterator_opened(&mut self) {
        self.open_iterators += 1;
    }

    pub fn iterator_closed(&mut self) {
        self.open_iterators = self.open_iterators.saturating_sub(1);
    }

    fn maybe_compact(&mut self) {
        let dead = self.entries.len() - self.index.len();
        if self.open_iterators == 0 && dead > 16 && dead > self.index.len() {
            self.entries.retain(Option::is_some);
            for (i, (k, _)) in self.entries.iter().flatten().enumerate() {
                if let Some(slot) = self.index.get_mut(&MapKey::of(k)) {
                    *slot = i;
                }
            }
        }
    }
}

impl Finalize for OrderedMap {}
// SAFETY: marks every live key and value (the index holds only copies of identities).
unsafe impl Trace for OrderedMap {
    custom_trace!(this, mark, {
        for (k, v) in this.entries.iter().flatten() {
            mark(k);
            mark(v);
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Promise state

/// `[[PromiseState]]` with its result or pending reactions (ECMA-262 §27.2.6).
///
/// `[[PromiseIsHandled]]` lives in the state (see [`PromiseData::is_handled`]) so that the
/// record, with one inline reaction, is 32 bytes.
pub struct PromiseData {
    pub state: PromiseState,
}

const _: () = assert!(size_of::<PromiseData>() == 32);
const _: () = assert!(size_of::<PromiseReaction>() == 32);

pub enum PromiseState {
    /// `[[PromiseFulfillReactions]]` and `[[PromiseRejectReactions]]` as one list: the spec
    /// always appends to both together (PerformPromiseThen), so one record per `then` keeps
    /// both handlers and the same order.
    Pending {
        reactions: Reactions,
    },
    Fulfilled(Value),
    /// The reason, and `[[PromiseIsHandled]]`.
    Rejected(Value, bool),
}

/// A pending promise's reaction list. Nearly every promise gets at most one `then` (or one
/// `await`) before it settles: that one is stored inline, so a pending promise with its
/// reaction costs one allocation (1M pending `then`s, DESIGN §8); more spill to a vector.
#[derive(Default)]
pub enum Reactions {
    #[default]
    Empty,
    /// No reaction, but `[[PromiseIsHandled]]` was set (by the host).
    EmptyHandled,
    One(PromiseReaction),
    Many(Vec<PromiseReaction>),
}

impl Reactions {
    /// Appends in registration order.
    pub fn push(&mut self, r: PromiseReaction) {
        match std::mem::take(self) {
            Reactions::Empty | Reactions::EmptyHandled => *self = Reactions::One(r),
            Reactions::One(first) => *self = Reactions::Many(vec![first, r]),
            Reactions::Many(mut v) => {
                v.push(r);
                *self = Reactions::Many(v);
            }
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, PromiseReaction> {
        match self {
            Reactions::Empty | Reactions::EmptyHandled => [].iter(),
            Reactions::One(r) => std::slice::from_ref(r).iter(),
            Reactions::Many(v) => v.iter(),
        }
    }

    pub fn len(&self) -> usize {
        self.iter().len()
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Reactions::Empty | Reactions::EmptyHandled)
    }
}

impl IntoIterator for Reactions {
    type Item = PromiseReaction;
    type IntoIter = std::iter::Chain<
        std::option::IntoIter<PromiseReaction>,
        std::vec::IntoIter<PromiseReaction>,
    >;
    fn into_iter(self) -> Self::IntoIter {
        let (one, many) = match self {
            Reactions::Empty | Reactions::EmptyHandled => (None, Vec::new()),
            Reactions::One(r) => (Some(r), Vec::new()),
            Reactions::Many(v) => (None, v),
        };
        one.into_iter().chain(many)
    }
}

/// The pair of PromiseReaction Records one PerformPromiseThen creates (fulfill and reject share
/// `[[Capability]]`).
///
/// `[[Capability]]` is stored as a kind byte beside `origin` and one object (the call's state,
/// the derived promise, or a holder of the capability's three functions), so the record is 32
/// bytes: read it with [`PromiseReaction::capability`].
pub struct PromiseReaction {
    cap_kind: CapKind,
    /// Source offset of the code that registered the reaction (`--trace`), `u32::MAX` if none.
    pub origin: u32,
    cap_object: Option<JsObject>,
    /// The fulfill reaction's `[[Handler]]`: a callable, or empty (identity).
    pub on_fulfilled: Option<JsObject>,
    /// The reject reaction's `[[Handler]]`: a callable, or empty (thrower).
    pub on_rejected: Option<JsObject>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CapKind {
    None,
    Await,
    Intrinsic,
    Functions,
}

/// The holder object of a `ReactionCapability::Functions` (never reachable from JS).
struct CapabilityHolder(PromiseCapability);

impl Finalize for CapabilityHolder {}
// SAFETY: marks the capability's three objects.
unsafe impl Trace for CapabilityHolder {
    custom_trace!(this, mark, mark(&this.0));
}

impl ObjectPayload for CapabilityHolder {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

impl PromiseReaction {
    pub fn new(
        capability: ReactionCapability,
        on_fulfilled: Option<JsObject>,
        on_rejected: Option<JsObject>,
        origin: u32,
    ) -> Self {
        let (cap_kind, cap_object) = match capability {
            ReactionCapability::None => (CapKind::None, None),
            ReactionCapability::Await(o) => (CapKind::Await, Some(o)),
            ReactionCapability::Intrinsic(o) => (CapKind::Intrinsic, Some(o)),
            ReactionCapability::Functions(c) => (
                CapKind::Functions,
                Some(JsObject::new(
                    None,
                    ObjectKind::Host(PayloadBox::new(CapabilityHolder(*c))),
                )),
            ),
        };
        PromiseReaction {
            cap_kind,
            origin,
            cap_object,
            on_fulfilled,
            on_rejected,
        }
    }

    /// `[[Capability]]` (object handles cloned out).
    pub fn capability(&self) -> ReactionCapability {
        let obj = || self.cap_object.clone().expect("capability object");
        match self.cap_kind {
            CapKind::None => ReactionCapability::None,
            CapKind::Await => ReactionCapability::Await(obj()),
            CapKind::Intrinsic => ReactionCapability::Intrinsic(obj()),
            CapKind::Functions => {
                let holder = obj();
                let data = holder.borrow();
                match &data.kind {
                    ObjectKind::Host(p) => match p.as_any().downcast_ref::<CapabilityHolder>() {
                        Some(h) => ReactionCapability::Functions(Box::new(h.0.clone())),
                        None => ReactionCapability::None,
                    },
                    _ => ReactionCapability::None,
                }
            }
        }
    }

    /// Whether `[[Capability]]` is undefined (`None` or `Await`: an await's reaction).
    pub fn is_await(&self) -> bool {
        matches!(self.cap_kind, CapKind::None | CapKind::Await)
    }

    /// The suspended call an `Await` reaction resumes.
    pub fn awaiting_state(&self) -> Option<&JsObject> {
        match self.cap_kind {
            CapKind::Await => self.cap_object.as_ref(),
            _ => None,
        }
    }
}

/// `[[Capability]]` of a reaction.
pub enum ReactionCapability {
    /// undefined: reactions created by `await` (no derived promise).
    None,
    /// `await` in an async function or async generator: capability undefined, and both
    /// handlers are the built-in steps that resume the suspended call held here (its state
    /// object). They are never observable to JS, so no handler function objects exist: the
    /// reaction job resumes the call directly (`Interp::async_resume`).
    Await(JsObject),
    /// A capability of the intrinsic %Promise%: its resolving functions are never observable
    /// (only the reaction job would call them, exactly once), so the job resolves the promise
    /// object directly instead of allocating two function objects per `then`.
    Intrinsic(JsObject),
    /// Any other capability (subclasses, species constructors).
    Functions(Box<PromiseCapability>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReactionKind {
    Fulfill,
    Reject,
}

/// A PromiseCapability Record.
#[derive(Clone)]
pub struct PromiseCapability {
    pub promise: JsObject,
    pub resolve: JsObject,
    pub reject: JsObject,
}

/// A NewPromiseReactionJob to enqueue: the promise core returns these, the caller (interpreter /
/// builtins) enqueues them; the event loop runs them (DESIGN §1: queues are data).
pub struct ReactionJob {
    pub reaction: PromiseReaction,
    pub kind: ReactionKind,
    pub argument: Value,
}

impl ReactionJob {
    /// The handler this job calls (empty: identity for fulfil, thrower for reject).
    pub fn handler(&self) -> Option<&JsObject> {
        match self.kind {
            ReactionKind::Fulfill => self.reaction.on_fulfilled.as_ref(),
            ReactionKind::Reject => self.reaction.on_rejected.as_ref(),
        }
    }
}

/// HostPromiseRejectionTracker operations the caller must report (unhandled-rejection tracking).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RejectionTracking {
    /// Nothing to report.
    None,
    /// A promise was rejected with no handler yet (`"reject"`).
    Reject,
    /// A handler was attached to an already-rejected, unhandled promise (`"handle"`).
    Handle,
}

impl PromiseData {
    pub fn pending() -> Self {
        PromiseData {
            state: PromiseState::Pending {
                reactions: Reactions::Empty,
            },
        }
    }

    /// `[[PromiseIsHandled]]`: a pending promise is handled once it has a reaction (or the host
    /// marked it); a rejected one carries the flag; a fulfilled one never reports it.
    pub fn is_handled(&self) -> bool {
        match &self.state {
            PromiseState::Pending { reactions } => !matches!(reactions, Reactions::Empty),
            PromiseState::Fulfilled(_) => true,
            PromiseState::Rejected(_, handled) => *handled,
        }
    }

    /// Sets `[[PromiseIsHandled]]` to true.
    pub fn set_handled(&mut self) {
        match &mut self.state {
            PromiseState::Pending { reactions } => {
                if let Reactions::Empty = reactions {
                    *reactions = Reactions::EmptyHandled;
                }
            }
            PromiseState::Fulfilled(_) => {}
            PromiseState::Rejected(_, handled) => *handled = true,
        }
    }

    pub fn is_pending(&self) -> bool {
        matches!(self.state, PromiseState::Pending { .. })
    }

    /// FulfillPromise + TriggerPromiseReactions (ECMA-262 §27.2.1.4, §27.2.1.8): settles the
    /// promise and returns the jobs to enqueue, in reaction order. Empty if already settled
    /// (callers guard with `[[AlreadyResolved]]`; this keeps the core panic-free).
    pub fn fulfill(&mut self, value: Value) -> Vec<ReactionJob> {
        self.settle(
            PromiseState::Fulfilled(value.clone()),
            ReactionKind::Fulfill,
            value,
        )
    }

    /// RejectPromise + TriggerPromiseReactions (§27.2.1.7). The tracking result says whether the
    /// host must be told about a rejection without handlers.
    pub fn reject(&mut self, reason: Value) -> (Vec<ReactionJob>, RejectionTracking) {
        if !self.is_pending() {
            return (Vec::new(), RejectionTracking::None);
        }
        let handled = self.is_handled();
        let tracking = if handled {
            RejectionTracking::None
        } else {
            RejectionTracking::Reject
        };
        let jobs = self.settle(
            PromiseState::Rejected(reason.clone(), handled),
            ReactionKind::Reject,
            reason,
        );
        (jobs, tracking)
    }

    fn settle(
        &mut self,
        new_state: PromiseState,
        kind: ReactionKind,
        argument: Value,
    ) -> Vec<ReactionJob> {
        self.settle_reactions(new_state)
            .into_iter()
            .map(|reaction| ReactionJob {
                reaction,
                kind,
                argument: argument.clone(),
            })
            .collect()
    }

    /// The state change of FulfillPromise/RejectPromise without building jobs: sets the new
    /// state and returns the pending reactions (empty if already settled). The caller turns
    /// each into a job (the hot path enqueues them without an intermediate list).
    pub fn settle_reactions(&mut self, new_state: PromiseState) -> Reactions {
        if !self.is_pending() {
            return Reactions::Empty; // already settled: the state stays as it was
        }
        match std::mem::replace(&mut self.state, new_state) {
            PromiseState::Pending { reactions } => reactions,
            _ => Reactions::Empty,
        }
    }

    /// The state-dependent part of PerformPromiseThen (§27.2.5.4.1 steps 9-12): a pending promise
    /// stores the reactions; a settled one returns the job to enqueue now. Marks the promise
    /// handled, and reports `Handle` when a handler arrives for an unhandled rejection.
    pub fn add_reactions(
        &mut self,
        reaction: PromiseReaction,
    ) -> (Option<ReactionJob>, RejectionTracking) {
        let mut tracking = RejectionTracking::None;
        let job = match &mut self.state {
            PromiseState::Pending { reactions } => {
                reactions.push(reaction);
                None
            }
            PromiseState::Fulfilled(v) => Some(ReactionJob {
                reaction,
                kind: ReactionKind::Fulfill,
                argument: v.clone(),
            }),
            PromiseState::Rejected(r, handled) => {
                if !*handled {
                    tracking = RejectionTracking::Handle;
                }
                *handled = true;
                Some(ReactionJob {
                    reaction,
                    kind: ReactionKind::Reject,
                    argument: r.clone(),
                })
            }
        };
        (job, tracking)
    }
}

impl Finalize for PromiseData {}
// SAFETY: marks the result or every reaction's objects.
unsafe impl Trace for PromiseData {
    custom_trace!(this, mark, {
        match &this.state {
            PromiseState::Fulfilled(v) | PromiseState::Rejected(v, _) => mark(v),
            PromiseState::Pending { reactions } => {
                for r in reactions.iter() {
                    mark(r);
                }
            }
        }
    });
}

impl Finalize for ReactionJob {}
// SAFETY: marks the reaction and the argument.
unsafe impl Trace for ReactionJob {
    custom_trace!(this, mark, {
        mark(&this.reaction);
        mark(&this.argument);
    });
}

impl Finalize for PromiseReaction {}
// SAFETY: marks the capability's objects and both handlers.
unsafe impl Trace for PromiseReaction {
    custom_trace!(this, mark, {
        if let Some(o) = &this.cap_object {
            mark(o);
        }
        if let Some(h) = &this.on_fulfilled {
            mark(h);
        }
        if let Some(h) = &this.on_rejected {
            mark(h);
        }
    });
}

impl Finalize for PromiseCapability {}
// SAFETY: marks the three objects.
unsafe impl Trace for PromiseCapability {
    custom_trace!(this, mark, {
        mark(&this.promise);
        mark(&this.resolve);
        mark(&this.reject);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reaction(tag: &JsObject) -> PromiseReaction {
        PromiseReaction::new(
            ReactionCapability::None,
            Some(tag.clone()),
            Some(tag.clone()),
            u32::MAX,
        )
    }

    #[test]
    fn promise_core_returns_jobs_in_order() {
        let (h1, h2) = (JsObject::ordinary(None), JsObject::ordinary(None));
        let mut p = PromiseData::pending();
        assert!(matches!(
            p.add_reactions(reaction(&h1)),
            (None, RejectionTracking::None)
        ));
        assert!(p.add_reactions(reaction(&h2)).0.is_none());
        let jobs = p.fulfill(Value::Number(7.0));
        assert_eq!(jobs.len(), 2);
        assert_eq!(jobs[0].handler(), Some(&h1));
        assert_eq!(jobs[1].handler(), Some(&h2));
        assert!(jobs.iter().all(|j| j.kind == ReactionKind::Fulfill));
        assert!(matches!(jobs[0].argument, Value::Number(n) if n == 7.0));
        // Settled: later resolutions are ignored; a late `then` gets its job at once.
        assert!(p.fulfill(Value::Null).is_empty());
        assert!(p.reject(Value::Null).0.is_empty());
        let (job, _) = p.add_reactions(reaction(&h1));
        assert!(matches!(job.unwrap().argument, Value::Number(n) if n == 7.0));
    }

    #[test]
    fn exotic_own_keys_and_descriptors() {
        // node: Reflect.ownKeys(Object.assign([1, 2], {x: 1})) → [ '0', '1', 'length', 'x' ]
        let a = JsObject::new(
            None,
            ObjectKind::Array(ArrayData {
                length: 2,
                length_writable: true,
            }),
        );
        {
            let mut d = a.borrow_mut();
            d.properties.push_element(1.0.into());
            d.properties.push_element(2.0.into());
            d.properties.insert(
                PropertyKey::from_str_key("x"),
                Property::data(1.0.into(), Attributes::DEFAULT),
            );
        }
        let keys = a.borrow().own_keys();
        let want: Vec<PropertyKey> = ["0", "1", "length", "x"]
            .iter()
            .map(|k| PropertyKey::from_str_key(k))
            .collect();
        assert_eq!(keys, want);
        let len = a
            .borrow()
            .get_own_property(&PropertyKey::String(atoms::LENGTH))
            .unwrap();
        assert!(len.attrs.writable() && !len.attrs.enumerable() && !len.attrs.configurable());
        // node: Reflect.ownKeys(Object.assign(new String('ab'), {5: 1, y: 1})) → [ '0', '1', '5', 'length', 'y' ]
        let s = JsObject::new(None, ObjectKind::String(JsString::from("ab")));
        {
            let mut d = s.borrow_mut();
            d.properties.insert(
                PropertyKey::Index(5),
                Property::data(1.0.into(), Attributes::DEFAULT),
            );
            d.properties.insert(
                PropertyKey::from_str_key("y"),
                Property::data(1.0.into(), Attributes::DEFAULT),
            );
        }
        let want: Vec<PropertyKey> = ["0", "1", "5", "length", "y"]
            .iter()
            .map(|k| PropertyKey::from_str_key(k))
            .collect();
        assert_eq!(s.borrow().own_keys(), want);
        // node: Object.getOwnPropertyDescriptor(new String('ab'), 1) → { value: 'b', writable: false, enumerable: true, configurable: false }
        let d = s.borrow().get_own_property(&PropertyKey::Index(1)).unwrap();
        assert!(
            matches!(&d.slot, super::super::property::Slot::Data(Value::String(v)) if *v == "b")
        );
        assert_eq!(d.attrs, Attributes::ENUMERABLE);
    }

    #[test]
    fn rejection_tracking() {
        let h = JsObject::ordinary(None);
        let mut p = PromiseData::pending();
        let (jobs, t) = p.reject(Value::from("boom"));
        assert!(jobs.is_empty());
        assert_eq!(t, RejectionTracking::Reject);
        let (job, t) = p.add_reactions(reaction(&h));
        assert_eq!(t, RejectionTracking::Handle);
        assert_eq!(job.unwrap().kind, ReactionKind::Reject);
        // Handled before rejection: nothing to report.
        let mut q = PromiseData::pending();
        q.add_reactions(reaction(&h));
        let (jobs, t) = q.reject(Value::Null);
        assert_eq!((jobs.len(), t), (1, RejectionTracking::None));
    }
}
