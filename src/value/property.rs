//! Property keys, attributes and the per-object property storage.
//!
//! `PropertyKey` is an array index (`u32` < 2^32 - 1), an interned string ([`Atom`]) or a symbol:
//! lookups hash and compare integers or pointers, never string contents.
//!
//! [`PropertyMap`] is the storage behind a small API (get / insert / write / remove / keys) so that
//! shapes and inline caches can replace it later without touching builtins. Today it is:
//! - `elements`: a dense vector for index keys `0..n` holding plain data properties
//!   (writable, enumerable, configurable), with holes (`None`, no extra space: `Option<Value>` is
//!   16 bytes); the fast path for arrays and `arguments`;
//! - `sparse`: a `BTreeMap` for every other index key (far beyond the dense end, or with
//!   non-default attributes, or accessors), kept sorted for OrdinaryOwnPropertyKeys;
//! - `named`: string and symbol keys in insertion order: a small vector, or past 8 entries an
//!   `IndexMap` (Fx hash over atom ids / symbol addresses).
//!
//! Not here: the semantics of `[[DefineOwnProperty]]` validation, exotic objects (array `length`,
//! string wrappers), or getters being called: the interpreter builds those on this API.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

use super::gc::{custom_trace, Finalize, Trace};
use super::object::{JsObject, PrivateElement};
use super::string::{parse_array_index, Atom, JsString};
use super::symbol::Symbol;
use super::Value;

/// A property key (ECMA-262 §6.1.7): integer index, string or symbol.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PropertyKey {
    /// A canonical array index, 0 ..= 2^32 - 2.
    Index(u32),
    /// Any other string, interned.
    String(Atom),
    Symbol(Symbol),
}

impl PropertyKey {
    /// ToPropertyKey for a string: array indices become `Index`, the rest is interned.
    pub fn from_js_string(s: &JsString) -> Self {
        match parse_array_index(s.as_slice()) {
            Some(i) => PropertyKey::Index(i),
            None => PropertyKey::String(Atom::intern(s)),
        }
    }

    /// For lowering and builtins: a key from Rust text.
    pub fn from_str_key(s: &str) -> Self {
        Self::from_js_string(&JsString::from(s))
    }

    /// ToPropertyKey for a number (`obj[1.5]`, `a[i]`): integers in index range skip strings.
    pub fn from_number(n: f64) -> Self {
        let i = n as u32;
        if f64::from(i) == n && i != u32::MAX && !(n == 0.0 && n.is_sign_negative()) {
            return PropertyKey::Index(i);
        }
        // -0 prints as "0", which is index 0.
        if n == 0.0 {
            return PropertyKey::Index(0);
        }
        Self::from_js_string(&super::number::to_string(n))
    }

    /// The key as a JS value (for `Object.keys`, `for-in`, proxies' traps later).
    pub fn to_value(&self) -> Value {
        match self {
            PropertyKey::Index(i) => Value::String(super::number::to_string(f64::from(*i))),
            PropertyKey::String(a) => Value::String(a.to_js_string()),
            PropertyKey::Symbol(s) => Value::Symbol(s.clone()),
        }
    }

    pub fn is_symbol(&self) -> bool {
        matches!(self, PropertyKey::Symbol(_))
    }
}

/// One 64-bit word per key (one Fx round), instead of the derived discriminant + payload.
impl std::hash::Hash for PropertyKey {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let word = match self {
            PropertyKey::Index(i) => u64::from(*i),
            PropertyKey::String(a) => (1 << 32) | u64::from(a.id()),
            // Symbol blocks are 8-aligned: tag in the low bits cannot collide with the above.
            PropertyKey::Symbol(s) => (s.addr() as u64) | (2 << 32),
        };
        state.write_u64(word);
    }
}

impl From<Atom> for PropertyKey {
    fn from(a: Atom) -> Self {
        PropertyKey::String(a)
    }
}
impl From<Symbol> for PropertyKey {
    fn from(s: Symbol) -> Self {
        PropertyKey::Symbol(s)
    }
}
impl From<u32> for PropertyKey {
    /// `u32::MAX` is not an index: it becomes the string key "4294967295".
    fn from(i: u32) -> Self {
        if i == u32::MAX {
            PropertyKey::String(Atom::intern_str("4294967295"))
        } else {
            PropertyKey::Index(i)
        }
    }
}

/// Property attributes as bit flags.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Attributes(u8);

impl Attributes {
    pub const NONE: Attributes = Attributes(0);
    pub const WRITABLE: Attributes = Attributes(1);
    pub const ENUMERABLE: Attributes = Attributes(2);
    pub const CONFIGURABLE: Attributes = Attributes(4);
    /// What assignment creates: writable, enumerable, configurable.
    pub const DEFAULT: Attributes = Attributes(7);
    /// Builtin methods: writable, configurable, not enumerable.
    pub const BUILTIN: Attributes = Attributes(5);

    #[inline]
    pub fn writable(self) -> bool {
        self.0 & 1 != 0
    }
    #[inline]
    pub fn enumerable(self) -> bool {
        self.0 & 2 != 0
    }
    #[inline]
    pub fn configurable(self) -> bool {
        self.0 & 4 != 0
    }
    #[inline]
    pub fn with(self, other: Attributes) -> Attributes {
        Attributes(self.0 | other.0)
    }
    #[inline]
    pub fn without(self, other: Attributes) -> Attributes {
        Attributes(self.0 & !other.0)
    }
}

/// An accessor property's functions (`undefined` is `None`).
#[derive(Clone, Debug, Default)]
pub struct Accessor {
    pub get: Option<JsObject>,
    pub set: Option<JsObject>,
}

/// What a property holds. For accessors the `WRITABLE` attribute bit is meaningless.
#[derive(Clone, Debug)]
pub enum Slot {
    Data(Value),
    Accessor(Accessor),
}

/// A full property: slot plus attributes.
#[derive(Clone, Debug)]
pub struct Property {
    pub slot: Slot,
    pub attrs: Attributes,
}

impl Property {
    pub fn data(value: Value, attrs: Attributes) -> Self {
        Property {
            slot: Slot::Data(value),
            attrs,
        }
    }
    pub fn accessor(get: Option<JsObject>, set: Option<JsObject>, attrs: Attributes) -> Self {
        Property {
            slot: Slot::Accessor(Accessor { get, set }),
            attrs: attrs.without(Attributes::WRITABLE),
        }
    }
    fn is_plain_data(&self) -> bool {
        self.attrs == Attributes::DEFAULT && matches!(self.slot, Slot::Data(_))
    }
}

/// A borrowed view of a property (dense elements are stored without a `Property` record).
#[derive(Clone, Copy, Debug)]
pub enum PropertyRef<'a> {
    Data(&'a Value, Attributes),
    Accessor(&'a Accessor, Attributes),
}

impl PropertyRef<'_> {
    pub fn attrs(self) -> Attributes {
        match self {
            PropertyRef::Data(_, a) | PropertyRef::Accessor(_, a) => a,
        }
    }
    pub fn to_property(self) -> Property {
        match self {
            PropertyRef::Data(v, attrs) => Property::data(v.clone(), attrs),
            PropertyRef::Accessor(acc, attrs) => Property {
                slot: Slot::Accessor(acc.clone()),
                attrs,
            },
        }
    }
}

/// Outcome of [`PropertyMap::write`], the one-lookup fast path of ordinary `[[Set]]` on an own
/// property.
#[derive(Debug)]
pub enum WriteOutcome {
    /// An own writable data property was updated.
    Written,
    /// An own data property exists but is read-only (strict mode: TypeError).
    ReadOnly,
    /// An own accessor: the caller must call its setter (cloned out, so no borrow is held).
    Accessor(Accessor),
    /// No own property: the caller walks the prototype chain, then defines it. The value is
    /// handed back unconsumed.
    Missing(Value),
}

/// A dense index may extend the vector with holes only this far past its end; beyond, the
/// index goes to `sparse` (so `a[1e9] = 1` does not allocate 16 GB).
const MAX_DENSE_GAP: usize = 1024;

/// Sorted index properties outside the dense vector. Boxed and absent until first used: most
/// objects never have one, and this keeps `PropertyMap` 16 bytes smaller.
#[derive(Default)]
// The box is the point: `Option<Box<_>>` is 8 bytes where a `BTreeMap` is 24.
#[allow(clippy::box_collection)]
struct Sparse(Option<Box<BTreeMap<u32, Property>>>);

impl Sparse {
    #[inline]
    fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|m| m.is_empty())
    }
    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |m| m.len())
    }
    fn get(&self, i: &u32) -> Option<&Property> {
        self.0.as_ref()?.get(i)
    }
    fn get_mut(&mut self, i: &u32) -> Option<&mut Property> {
        self.0.as_mut()?.get_mut(i)
    }
    fn remove(&mut self, i: &u32) -> Option<Property> {
        self.0.as_mut()?.remove(i)
    }
    fn insert(&mut self, i: u32, p: Property) {
        self.0.get_or_insert_with(Default::default).insert(i, p);
    }
    fn keys(&self) -> impl Iterator<Item = &u32> {
        self.0.iter().flat_map(|m| m.keys())
    }
    fn values(&self) -> impl Iterator<Item = &Property> {
        self.0.iter().flat_map(|m| m.values())
    }
    /// Drops every entry ≥ `len`.
    fn truncate(&mut self, len: u32) {
        if let Some(m) = &mut self.0 {
            let _ = m.split_off(&len);
        }
    }
}

/// Up to this many named properties, they live in a vector scanned linearly; more move to a
/// hash map.
const LINEAR_SCAN_MAX: usize = 8;

/// Per-object property storage. See the module docs for the layout.
///
/// 32 bytes: the named properties inline (every property read looks there first), the rest
/// boxed and absent until first needed, which keeps an `ObjectData` at 64 bytes (a promise
/// or a closure object is one 96-byte allocator block).
#[derive(Default)]
pub struct PropertyMap {
    named: Named,
    rest: Option<Box<Rest>>,
}

/// What most objects never have: index properties, the non-extensible flag, private elements.
/// (Arrays have one as soon as they have an element.)
#[derive(Default)]
struct Rest {
    elements: Vec<Option<Value>>,
    sparse: Sparse,
    /// `[[Extensible]]` is false.
    non_extensible: bool,
    /// Private elements (`#x` fields, methods, accessors), keyed by their class's private name.
    /// Never visible to [[OwnPropertyKeys]] or [[Get]].
    // The box is the point: an empty `Option<Box<Vec>>` is 8 bytes where a `Vec` is 24.
    #[allow(clippy::box_collection)]
    private: Option<Box<Vec<(Symbol, PrivateElement)>>>,
}

const _: () = assert!(size_of::<PropertyMap>() == 32);

/// Named (string- and symbol-keyed) properties in insertion order. Most objects — every
/// function with its `length` and `name`, object literals, promises' reaction records — have a
/// handful: a plain vector scanned linearly (one small allocation, no hash table to build).
/// Past `LINEAR_SCAN_MAX` entries it becomes an `IndexMap` (Fx hash over atom ids / symbol
/// addresses) and stays one.
enum Named {
    Small(Vec<(PropertyKey, Property)>),
    Large(Box<IndexMap<PropertyKey, Property, FxBuildHasher>>),
    /// A template shared by many objects, copied into `Small` on the first change (every
    /// closure's `length` and `name`: one shared list per (name, length) instead of a vector
    /// per function object). Reads see exactly the same properties in the same order, so
    /// this is invisible to JS.
    Shared(SharedNamed),
}

/// An immutable list of named properties holding only primitive values (no `Gc` inside an
/// `Rc`: gc.rs rule 1), for [`PropertyMap::share_named`].
#[derive(Clone)]
pub struct SharedNamed(std::rc::Rc<[(PropertyKey, Property)]>);

impl SharedNamed {
    /// `None` when a value is an object or an accessor (those must stay per object).
    pub fn new(props: Vec<(PropertyKey, Property)>) -> Option<Self> {
        let primitive = props.iter().all(|(k, p)| {
            !k.is_symbol() && matches!(&p.slot, Slot::Data(v) if !matches!(v, Value::Object(_)))
        });
        primitive.then(|| SharedNamed(props.into()))
    }
}

impl Default for Named {
    fn default() -> Self {
        Named::Small(Vec::new())
    }
}

impl Named {
    #[inline]
    fn get(&self, key: &PropertyKey) -> Option<&Property> {
        match self {
            Named::Small(v) => v.iter().find(|(k, _)| k == key).map(|(_, p)| p),
            Named::Large(m) => m.get(key),
            Named::Shared(t) => t.0.iter().find(|(k, _)| k == key).map(|(_, p)| p),
        }
    }

    /// The shared template becomes this object's own vector before any change.
    #[cold]
    fn unshare(&mut self) {
        if let Named::Shared(t) = self {
            // One spare slot: the next change is usually an addition (`prototype`, a field).
            let mut v = Vec::with_capacity(t.0.len() + 1);
            v.extend(t.0.iter().cloned());
            *self = Named::Small(v);
        }
    }

    #[inline]
    fn get_mut(&mut self, key: &PropertyKey) -> Option<&mut Property> {
        if let Named::Shared(t) = self {
            // Only an existing key needs the copy.
            if !t.0.iter().any(|(k, _)| k == key) {
                return None;
            }
            self.unshare();
        }
        match self {
            Named::Small(v) => v.iter_mut().find(|(k, _)| k == key).map(|(_, p)| p),
            Named::Large(m) => m.get_mut(key),
            Named::Shared(_) => None,
        }
    }

    fn get_index_of(&self, key: &PropertyKey) -> Option<usize> {
        match self {
            Named::Small(v) => v.iter().position(|(k, _)| k == key),
            Named::Large(m) => m.get_index_of(key),
            Named::Shared(t) => t.0.iter().position(|(k, _)| k == key),
        }
    }

    #[inline]
    fn get_index(&self, pos: usize) -> Option<(&PropertyKey, &Property)> {
        match self {
            Named::Small(v) => v.get(pos).map(|(k, p)| (k, p)),
            Named::Large(m) => m.get_index(pos),
            Named::Shared(t) => t.0.get(pos).map(|(k, p)| (k, p)),
        }
    }

    /// Creates or replaces (keeping the position) a property.
    fn insert(&mut self, key: PropertyKey, prop: Property) {
        self.unshare();
        match self {
            Named::Small(v) => {
                if let Some(slot) = v.iter_mut().find(|(k, _)| *k == key) {
                    slot.1 = prop;
                    return;
                }
                if v.len() < LINEAR_SCAN_MAX {
                    v.push((key, prop));
                    return;
                }
                let mut m: IndexMap<PropertyKey, Property, FxBuildHasher> =
                    IndexMap::with_capacity_and_hasher(v.len() * 2, FxBuildHasher);
                m.extend(std::mem::take(v));
                m.insert(key, prop);
                *self = Named::Large(Box::new(m));
            }
            Named::Large(m) => {
                m.insert(key, prop);
            }
            Named::Shared(_) => unreachable!("unshared above"),
        }
    }

    /// Removes a property keeping the others' order.
    fn shift_remove(&mut self, key: &PropertyKey) -> Option<Property> {
        self.get_mut(key)?; // unshares when the key is present
        match self {
            Named::Small(v) => {
                let pos = v.iter().position(|(k, _)| k == key)?;
                Some(v.remove(pos).1)
            }
            Named::Large(m) => m.shift_remove(key),
            Named::Shared(_) => None,
        }
    }

    fn len(&self) -> usize {
        match self {
            Named::Small(v) => v.len(),
            Named::Large(m) => m.len(),
            Named::Shared(t) => t.0.len(),
        }
    }

    /// Entries in insertion order, without boxing (the collector walks this for every
    /// object it marks).
    fn iter(&self) -> impl Iterator<Item = (&PropertyKey, &Property)> + '_ {
        let (small, large) = match self {
            Named::Small(v) => (Some(v.as_slice()), None),
            Named::Shared(t) => (Some(&t.0[..]), None),
            Named::Large(m) => (None, Some(m.iter())),
        };
        let small = small.map(|s| s.iter().map(|(k, p)| (k, p)));
        small
            .into_iter()
            .flatten()
            .chain(large.into_iter().flatten())
    }

    fn keys(&self) -> impl Iterator<Item = &PropertyKey> + '_ {
        self.iter().map(|(k, _)| k)
    }

    fn values(&self) -> impl Iterator<Item = &Property> + '_ {
        self.iter().map(|(_, p)| p)
    }
}

impl Rest {
    /// Keeps `elements.len()` one past the highest dense element.
    fn trim_holes(&mut self) {
        while matches!(self.elements.last(), Some(None)) {
            self.elements.pop();
        }
    }

    /// After the dense end grew, pull following plain entries out of `sparse`.
    fn absorb_sparse(&mut self) {
        while !self.sparse.is_empty() {
            let next = self.elements.len() as u32;
            match self.sparse.get(&next) {
                Some(p) if p.is_plain_data() => {
                    let Some(Property {
                        slot: Slot::Data(v),
                        ..
                    }) = self.sparse.remove(&next)
                    else {
                        unreachable!()
                    };
                    self.elements.push(Some(v));
                }
                _ => break,
            }
        }
    }

    fn insert_index(&mut self, i: u32, prop: Property) {
        let idx = i as usize;
        // Each index lives in exactly one place: drop any sparse record first. A dense hole
        // (`None`) may stand where `sparse` holds the index; lookups check both.
        if !self.sparse.is_empty() {
            self.sparse.remove(&i);
        }
        if prop.is_plain_data() {
            let Slot::Data(v) = prop.slot else {
                unreachable!()
            };
            if idx < self.elements.len() {
                self.elements[idx] = Some(v);
                return;
            }
            if idx <= self.elements.len() + MAX_DENSE_GAP {
                self.elements.resize(idx, None);
                self.elements.push(Some(v));
                self.absorb_sparse();
                return;
            }
            self.sparse
                .insert(i, Property::data(v, Attributes::DEFAULT));
            return;
        }
        // Non-default attributes or accessor: lives in `sparse`; leave a hole in the vector.
        if let Some(slot) = self.elements.get_mut(idx) {
            *slot = None;
            self.trim_holes();
        }
        self.sparse.insert(i, prop);
    }
}

impl PropertyMap {
    pub fn new() -> Self {
        Self::default()
    }

    #[inline]
    fn rest_mut(&mut self) -> &mut Rest {
        self.rest.get_or_insert_with(Default::default)
    }

    /// `[[Extensible]]` (stored here so that `ObjectData` stays small).
    #[inline]
    pub fn is_extensible(&self) -> bool {
        self.rest.as_ref().is_none_or(|r| !r.non_extensible)
    }

    /// Sets `[[Extensible]]`.
    pub fn set_extensible(&mut self, extensible: bool) {
        if extensible && self.rest.is_none() {
            return;
        }
        self.rest_mut().non_extensible = !extensible;
    }

    /// The object's private elements, if it has any.
    pub fn private_elements(&self) -> Option<&Vec<(Symbol, PrivateElement)>> {
        self.rest.as_ref()?.private.as_deref()
    }

    /// Mutable access to the private elements, if the object has any.
    pub fn private_elements_mut(&mut self) -> Option<&mut Vec<(Symbol, PrivateElement)>> {
        self.rest.as_mut()?.private.as_deref_mut()
    }

    /// The private element list, created empty if absent.
    pub fn private_elements_or_insert(&mut self) -> &mut Vec<(Symbol, PrivateElement)> {
        self.rest_mut().private.get_or_insert_with(Default::default)
    }

    #[inline]
    fn sparse(&self) -> Option<&Sparse> {
        self.rest.as_ref().map(|r| &r.sparse)
    }

    /// Gives an object without named properties the shared template's properties (copied
    /// on the first change). Ignored if the object already has named properties.
    pub fn share_named(&mut self, template: &SharedNamed) {
        if self.named.len() == 0 {
            self.named = Named::Shared(template.clone());
        }
    }

    /// Own property lookup. No allocation; hashing only of the integer key for named keys.
    #[inline]
    pub fn get(&self, key: &PropertyKey) -> Option<PropertyRef<'_>> {
        match key {
            PropertyKey::Index(i) => self.get_index(*i),
            _ => self.named_get(key).map(Property::as_ref),
        }
    }

    /// Small objects (the common case) are scanned linearly: comparing a few 16-byte keys beats
    /// hashing and probing. Larger ones use the hash index.
    #[inline]
    fn named_get(&self, key: &PropertyKey) -> Option<&Property> {
        self.named.get(key)
    }

    /// The own property under a string or symbol key (never an index: callers guarantee it),
    /// for the interpreter's named-key fast paths.
    #[inline]
    pub fn named_property(&self, key: &PropertyKey) -> Option<&Property> {
        self.named.get(key)
    }

    /// Mutable access to an own named property (same contract as `named_property`).
    #[inline]
    pub fn named_property_mut(&mut self, key: &PropertyKey) -> Option<&mut Property> {
        self.named.get_mut(key)
    }

    /// Position of a named own property in insertion order (for inline caches: a later
    /// `named_at` with that position is O(1); callers re-check the key, since deletions
    /// shift positions).
    pub fn named_position(&self, key: &PropertyKey) -> Option<usize> {
        self.named.get_index_of(key)
    }

    /// The named property at an insertion-order position, if any.
    #[inline]
    pub fn named_at(&self, pos: usize) -> Option<(&PropertyKey, &Property)> {
        self.named.get_index(pos)
    }

    /// Own indexed property lookup.
    #[inline]
    pub fn get_index(&self, i: u32) -> Option<PropertyRef<'_>> {
        let r = self.rest.as_deref()?;
        if let Some(Some(v)) = r.elements.get(i as usize) {
            return Some(PropertyRef::Data(v, Attributes::DEFAULT));
        }
        if r.sparse.is_empty() {
            return None;
        }
        r.sparse.get(&i).map(Property::as_ref)
    }

    pub fn contains_key(&self, key: &PropertyKey) -> bool {
        self.get(key).is_some()
    }

    /// Creates or replaces a property (attributes included). A replaced named property keeps its
    /// position in the insertion order, as ECMA-262 requires for redefinition.
    pub fn insert(&mut self, key: PropertyKey, prop: Property) {
        match key {
            PropertyKey::Index(i) => self.rest_mut().insert_index(i, prop),
            key => {
                self.named.insert(key, prop);
            }
        }
    }

    /// Ordinary `[[Set]]` on an own property in one lookup (see [`WriteOutcome`]).
    #[inline]
    pub fn write(&mut self, key: &PropertyKey, value: Value) -> WriteOutcome {
        if let PropertyKey::Index(i) = key {
            let Some(r) = self.rest.as_deref_mut() else {
                return WriteOutcome::Missing(value);
            };
            if let Some(Some(slot)) = r.elements.get_mut(*i as usize) {
                *slot = value;
                return WriteOutcome::Written;
            }
            return match r.sparse.get_mut(i) {
                Some(p) => write_into(p, value),
                None => WriteOutcome::Missing(value),
            };
        }
        match self.named.get_mut(key) {
            Some(p) => write_into(p, value),
            None => WriteOutcome::Missing(value),
        }
    }

    /// Changes the attributes of an existing property; `false` if absent.
    pub fn set_attributes(&mut self, key: &PropertyKey, attrs: Attributes) -> bool {
        match self.get(key) {
            None => false,
            Some(r) => {
                let mut p = r.to_property();
                p.attrs = attrs;
                self.insert(key.clone(), p);
                true
            }
        }
    }

    /// Deletes an own property, returning it. Configurability is the caller's check.
    pub fn remove(&mut self, key: &PropertyKey) -> Option<Property> {
        match key {
            PropertyKey::Index(i) => {
                let r = self.rest.as_deref_mut()?;
                let idx = *i as usize;
                if let Some(slot) = r.elements.get_mut(idx) {
                    if let Some(v) = slot.take() {
                        r.trim_holes();
                        return Some(Property::data(v, Attributes::DEFAULT));
                    }
                }
                r.sparse.remove(i)
            }
            // shift_remove keeps insertion order (O(n) in the named count; shapes will fix).
            key => self.named.shift_remove(key),
        }
    }

    /// Number of own properties.
    pub fn len(&self) -> usize {
        let indexed = self.rest.as_ref().map_or(0, |r| {
            r.elements.iter().filter(|e| e.is_some()).count() + r.sparse.len()
        });
        indexed + self.named.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Own keys in OrdinaryOwnPropertyKeys order: indices ascending, then strings in insertion
    /// order, then symbols in insertion order.
    pub fn keys(&self) -> Vec<PropertyKey> {
        let indexed = self
            .rest
            .as_ref()
            .map_or(0, |r| r.elements.len() + r.sparse.len());
        let mut out = Vec::with_capacity(indexed + self.named.len());
        self.index_keys_into(&mut out);
        self.named_keys_into(&mut out);
        out
    }

    /// Index keys ascending (dense and sparse merged).
    pub fn index_keys_into(&self, out: &mut Vec<PropertyKey>) {
        let Some(r) = self.rest.as_deref() else {
            return;
        };
        let dense = r
            .elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_some())
            .map(|(i, _)| i as u32);
        let mut sparse = r.sparse.keys().copied().peekable();
        for d in dense {
            while let Some(&s) = sparse.peek() {
                if s < d {
                    out.push(PropertyKey::Index(s));
                    sparse.next();
                } else {
                    break;
                }
            }
            out.push(PropertyKey::Index(d));
        }
        out.extend(sparse.map(PropertyKey::Index));
    }

    /// String keys in insertion order, then symbol keys in insertion order.
    pub fn named_keys_into(&self, out: &mut Vec<PropertyKey>) {
        if self.named.len() == 0 {
            return;
        }
        out.extend(self.named.keys().filter(|k| !k.is_symbol()).cloned());
        out.extend(self.named.keys().filter(|k| k.is_symbol()).cloned());
    }

    /// The dense elements (`None` = hole): the array fast path for builtins.
    #[inline]
    pub fn elements(&self) -> &[Option<Value>] {
        match &self.rest {
            Some(r) => &r.elements,
            None => &[],
        }
    }

    /// Appends a plain element at index `elements().len()` (Array.prototype.push fast path).
    /// Falls back to the general path if `sparse` already holds that index.
    pub fn push_element(&mut self, value: Value) {
        let r = self.rest_mut();
        let i = r.elements.len() as u32;
        r.insert_index(i, Property::data(value, Attributes::DEFAULT));
    }

    /// Removes dense element 0 and moves every later element down by one (Array.prototype.shift
    /// fast path, for a dense map whose prototypes have no index properties: there, moving
    /// `k` to `k - 1` one by one, holes included, is exactly this). Returns the old element 0
    /// (`None` for a hole or no elements).
    pub fn shift_elements(&mut self) -> Option<Value> {
        let r = self.rest.as_deref_mut()?;
        if r.elements.is_empty() {
            return None;
        }
        let first = r.elements.remove(0);
        r.trim_holes();
        first
    }

    /// Whether all index properties are dense (no sparse entries): builtins may then work on
    /// `elements()` directly.
    pub fn is_dense(&self) -> bool {
        self.sparse().is_none_or(Sparse::is_empty)
    }

    /// Drops every index property ≥ `len` (array `length` shrink). Non-configurable ones are the
    /// caller's check (ArraySetLength).
    pub fn truncate_indices(&mut self, len: u32) {
        if let Some(r) = self.rest.as_deref_mut() {
            r.elements.truncate(len as usize);
            r.trim_holes();
            r.sparse.truncate(len);
        }
    }
}

fn write_into(p: &mut Property, value: Value) -> WriteOutcome {
    match &mut p.slot {
        Slot::Data(v) => {
            if p.attrs.writable() {
                *v = value;
                WriteOutcome::Written
            } else {
                WriteOutcome::ReadOnly
            }
        }
        Slot::Accessor(acc) => WriteOutcome::Accessor(acc.clone()),
    }
}

impl Property {
    fn as_ref(&self) -> PropertyRef<'_> {
        match &self.slot {
            Slot::Data(v) => PropertyRef::Data(v, self.attrs),
            Slot::Accessor(a) => PropertyRef::Accessor(a, self.attrs),
        }
    }
}

impl Finalize for PropertyMap {}
// SAFETY: every value and accessor function stored in the map is marked.
unsafe impl Trace for PropertyMap {
    custom_trace!(this, mark, {
        for p in this.named.values() {
            mark(p);
        }
        if let Some(r) = &this.rest {
            for v in r.elements.iter().flatten() {
                mark(v);
            }
            for p in r.sparse.values() {
                mark(p);
            }
            if let Some(list) = &r.private {
                for (_, e) in list.iter() {
                    mark(e);
                }
            }
        }
    });
}

impl Finalize for Property {}
// SAFETY: marks the value or both accessor functions.
unsafe impl Trace for Property {
    custom_trace!(this, mark, {
        match &this.slot {
            Slot::Data(v) => mark(v),
            Slot::Accessor(a) => {
                if let Some(g) = &a.get {
                    mark(g);
                }
                if let Some(s) = &a.set {
                    mark(s);
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(x: f64) -> Value {
        Value::Number(x)
    }
    fn k(s: &str) -> PropertyKey {
        PropertyKey::from_str_key(s)
    }
    fn num(r: Option<PropertyRef<'_>>) -> Option<f64> {
        match r {
            Some(PropertyRef::Data(Value::Number(x), _)) => Some(*x),
            _ => None,
        }
    }

    #[test]
    fn key_normalisation() {
        assert_eq!(k("0"), PropertyKey::Index(0));
        assert_eq!(k("10"), PropertyKey::Index(10));
        assert!(matches!(k("010"), PropertyKey::String(_)));
        assert_eq!(PropertyKey::from_number(3.0), PropertyKey::Index(3));
        assert_eq!(PropertyKey::from_number(-0.0), PropertyKey::Index(0));
        // node: ({[1.5]: 1})['1.5'] === 1, ({[1e21]: 1})['1e+21'] === 1, ({[-1]: 1})['-1'] === 1
        assert_eq!(PropertyKey::from_number(1.5), k("1.5"));
        assert_eq!(PropertyKey::from_number(1e21), k("1e+21"));
        assert_eq!(PropertyKey::from_number(-1.0), k("-1"));
        assert_eq!(PropertyKey::from_number(4294967295.0), k("4294967295"));
        assert!(matches!(
            PropertyKey::from(u32::MAX),
            PropertyKey::String(_)
        ));
        assert_eq!(size_of::<PropertyKey>(), 16);
    }

    /// node: Object.keys({b:1, 2:1, a:1, 1:1, [Symbol()]:1, 4294967295:1, 10:1})
    ///   → [ '1', '2', '10', 'b', 'a', '4294967295' ]; symbols come after all strings.
    #[test]
    fn own_keys_order() {
        let mut m = PropertyMap::new();
        let sym = Symbol::new(None);
        m.insert(k("b"), Property::data(n(1.0), Attributes::DEFAULT));
        m.insert(k("2"), Property::data(n(1.0), Attributes::DEFAULT));
        m.insert(
            PropertyKey::Symbol(sym.clone()),
            Property::data(n(1.0), Attributes::DEFAULT),
        );
        m.insert(k("a"), Property::data(n(1.0), Attributes::DEFAULT));
        m.insert(k("1"), Property::data(n(1.0), Attributes::DEFAULT));
        m.insert(k("4294967295"), Property::data(n(1.0), Attributes::DEFAULT));
        m.insert(k("10"), Property::data(n(1.0), Attributes::DEFAULT));
        let keys = m.keys();
        let want = vec![
            k("1"),
            k("2"),
            k("10"),
            k("b"),
            k("a"),
            k("4294967295"),
            PropertyKey::Symbol(sym),
        ];
        assert_eq!(keys, want);
        // Redefining keeps the position; deleting and re-adding moves to the end.
        m.insert(k("b"), Property::data(n(2.0), Attributes::DEFAULT));
        assert_eq!(m.keys()[3], k("b"));
        m.remove(&k("b"));
        m.insert(k("b"), Property::data(n(3.0), Attributes::DEFAULT));
        assert_eq!(m.keys()[5], k("b"));
        assert_eq!(m.len(), 7);
    }

    #[test]
    fn dense_sparse_and_holes() {
        let mut m = PropertyMap::new();
        for i in 0..5 {
            m.push_element(n(f64::from(i)));
        }
        assert_eq!(m.elements().len(), 5);
        assert!(m.remove(&PropertyKey::Index(2)).is_some()); // a hole
        assert_eq!(num(m.get_index(2)), None);
        assert_eq!(num(m.get_index(3)), Some(3.0));
        // Far index goes sparse; ordering still merges.
        m.insert(
            PropertyKey::Index(1_000_000),
            Property::data(n(9.0), Attributes::DEFAULT),
        );
        assert!(!m.is_dense());
        assert_eq!(m.elements().len(), 5);
        // A read-only element moves to sparse but keeps its place in key order.
        m.insert(
            PropertyKey::Index(1),
            Property::data(n(7.0), Attributes::ENUMERABLE),
        );
        assert_eq!(m.get_index(1).unwrap().attrs(), Attributes::ENUMERABLE);
        let keys: Vec<_> = m.keys();
        assert_eq!(
            keys,
            [0, 1, 3, 4, 1_000_000].map(PropertyKey::Index).to_vec()
        );
        assert!(matches!(
            m.write(&PropertyKey::Index(1), n(0.0)),
            WriteOutcome::ReadOnly
        ));
        assert!(matches!(
            m.write(&PropertyKey::Index(3), n(33.0)),
            WriteOutcome::Written
        ));
        assert_eq!(num(m.get_index(3)), Some(33.0));
        assert!(matches!(
            m.write(&PropertyKey::Index(77), n(1.0)),
            WriteOutcome::Missing(_)
        ));
        // Filling up to a sparse entry absorbs it into the dense vector.
        let mut m2 = PropertyMap::new();
        m2.insert(
            PropertyKey::Index(3000),
            Property::data(n(1.0), Attributes::DEFAULT),
        );
        for i in 0..3000 {
            m2.push_element(n(f64::from(i)));
        }
        assert!(m2.is_dense());
        assert_eq!(m2.elements().len(), 3001);
        m2.truncate_indices(10);
        assert_eq!(m2.elements().len(), 10);
    }

    #[test]
    fn write_named_fast_path() {
        let mut m = PropertyMap::new();
        let x = k("x");
        m.insert(x.clone(), Property::data(n(1.0), Attributes::DEFAULT));
        assert!(matches!(m.write(&x, n(2.0)), WriteOutcome::Written));
        assert_eq!(num(m.get(&x)), Some(2.0));
        m.insert(
            k("acc"),
            Property::accessor(None, None, Attributes::CONFIGURABLE),
        );
        assert!(matches!(
            m.write(&k("acc"), n(1.0)),
            WriteOutcome::Accessor(_)
        ));
        assert!(!m.get(&k("acc")).unwrap().attrs().writable());
        assert!(m.set_attributes(&x, Attributes::NONE));
        assert!(matches!(m.write(&x, n(3.0)), WriteOutcome::ReadOnly));
    }

    /// A shared template reads like own properties; the first change copies it, and the
    /// other objects sharing it keep the original.
    #[test]
    fn shared_named_is_copy_on_write() {
        let t = SharedNamed::new(vec![
            (
                k("length"),
                Property::data(n(1.0), Attributes::CONFIGURABLE),
            ),
            (
                k("name"),
                Property::data(Value::from("f"), Attributes::CONFIGURABLE),
            ),
        ])
        .unwrap();
        assert!(SharedNamed::new(vec![(
            k("o"),
            Property::data(Value::Object(JsObject::ordinary(None)), Attributes::DEFAULT)
        )])
        .is_none());
        let (mut a, mut b) = (PropertyMap::new(), PropertyMap::new());
        a.share_named(&t);
        b.share_named(&t);
        assert_eq!(a.keys(), vec![k("length"), k("name")]);
        assert_eq!(num(a.get(&k("length"))), Some(1.0));
        assert_eq!(a.named_position(&k("name")), Some(1));
        // A failed write to a read-only property changes nothing.
        assert!(matches!(
            a.write(&k("length"), n(5.0)),
            WriteOutcome::ReadOnly
        ));
        assert!(matches!(a.write(&k("x"), n(5.0)), WriteOutcome::Missing(_)));
        assert!(a.remove(&k("missing")).is_none());
        // Changes: delete, redefine, add.
        assert!(a.remove(&k("length")).is_some());
        assert_eq!(a.keys(), vec![k("name")]);
        b.insert(k("name"), Property::data(n(2.0), Attributes::NONE));
        b.insert(k("x"), Property::data(n(3.0), Attributes::DEFAULT));
        assert_eq!(b.keys(), vec![k("length"), k("name"), k("x")]);
        assert_eq!(num(b.get(&k("name"))), Some(2.0));
        let mut c = PropertyMap::new();
        c.share_named(&t);
        assert_eq!(c.keys(), vec![k("length"), k("name")]);
        assert!(matches!(
            c.get(&k("name")),
            Some(PropertyRef::Data(Value::String(_), _))
        ));
    }
}
