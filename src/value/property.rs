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
//! - `named`: string and symbol keys in insertion order: a thin block (one word in the object)
//!   scanned linearly, or past 8 entries an `IndexMap` (Fx hash over atom ids / symbol
//!   addresses).
//!
//! Not here: the semantics of `[[DefineOwnProperty]]` validation, exotic objects (array `length`,
//! string wrappers), or getters being called: the interpreter builds those on this API.

use std::cell::Cell;
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
/// Slots of the large-map lookup cache (a power of two).
const LARGE_CACHE_SLOTS: usize = 64;

thread_local! {
    /// Recent string-keyed lookups in large maps (the builtin prototypes: `arr.push`,
    /// `Promise.prototype.then`…): per slot the map's address and `(atom id << 32) | position`.
    /// A hit is re-checked against the key stored at that position, so a stale slot (the
    /// map changed, or was freed and another one took its address) only costs a miss:
    /// the answer is always the map's own.
    static LARGE_CACHE: [Cell<(usize, u64)>; LARGE_CACHE_SLOTS] =
        const { [const { Cell::new((0, 0)) }; LARGE_CACHE_SLOTS] };
}

/// `m.get(key)`, through the lookup cache for string keys (no hashing on a hit).
#[inline]
fn large_get<'a>(m: &'a LargeMap, key: &PropertyKey) -> Option<&'a Property> {
    let PropertyKey::String(a) = key else {
        return m.get(key);
    };
    let addr = std::ptr::from_ref(m) as usize;
    let id = a.id();
    let slot = ((addr >> 6) ^ id as usize) & (LARGE_CACHE_SLOTS - 1);
    let (cached_addr, word) = LARGE_CACHE.with(|c| c[slot].get());
    if cached_addr == addr && (word >> 32) as u32 == id {
        if let Some((k, p)) = m.get_index(word as u32 as usize) {
            if k == key {
                return Some(p);
            }
        }
    }
    let (pos, _, p) = m.get_full(key)?;
    LARGE_CACHE.with(|c| c[slot].set((addr, (u64::from(id) << 32) | pos as u64)));
    Some(p)
}

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

/// Words of the per-thread filter of [`may_be_restricted`] (8192 bits).
const RESTRICTED_WORDS: usize = 128;

thread_local! {
    /// A filter over string keys (atom id modulo 8192): a bit is set once any named property
    /// with a key of that bit is an accessor or non-writable data property on any object of
    /// this thread (bits are never cleared: old objects may still have them). All bits are
    /// set once a proxy exists.
    static RESTRICTED: [Cell<u64>; RESTRICTED_WORDS] =
        const { [const { Cell::new(0) }; RESTRICTED_WORDS] };
}

/// Whether some object of this thread may hold `key` as an accessor or non-writable data
/// property (or its [[Set]] may be a proxy's). `false` is exact for string keys: every such
/// property went through `note_property` (this module builds all named storage) — so
/// OrdinarySet finds a writable data property or none for `key` on any prototype chain
/// without proxies. Symbols always answer `true`.
#[inline]
pub fn may_be_restricted(key: &PropertyKey) -> bool {
    match key {
        PropertyKey::String(a) => {
            let id = a.id() as usize % (RESTRICTED_WORDS * 64);
            RESTRICTED.with(|r| r[id / 64].get() & (1u64 << (id % 64)) != 0)
        }
        _ => true,
    }
}

thread_local! {
    /// Keys (atom id modulo 8192) that some method cache (`interp::props::MethodCache`) may
    /// hold an answer for: changing a named property with such a key anywhere bumps
    /// [`LOOKUP_EPOCH`].
    static CACHED_KEYS: [Cell<u64>; RESTRICTED_WORDS] =
        const { [const { Cell::new(0) }; RESTRICTED_WORDS] };
    /// Bumped when a named property with a key of `CACHED_KEYS` is added, removed, written
    /// or redefined on any object of this thread, and when an object's [[Prototype]]
    /// changes: cached lookups made at an older epoch are stale.
    static LOOKUP_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// The current lookup epoch (see [`note_cached_key`]).
#[inline]
pub fn lookup_epoch() -> u64 {
    LOOKUP_EPOCH.with(Cell::get)
}

/// Invalidates every cached lookup (an object's [[Prototype]] changed).
pub fn bump_lookup_epoch() {
    LOOKUP_EPOCH.with(|e| e.set(e.get() + 1));
}

/// A lookup of `key` is about to be cached: from now on any change of a `key` property
/// bumps the epoch.
pub fn note_cached_key(key: &PropertyKey) {
    if let PropertyKey::String(a) = key {
        let id = a.id() as usize % (RESTRICTED_WORDS * 64);
        CACHED_KEYS.with(|r| {
            let w = &r[id / 64];
            w.set(w.get() | (1u64 << (id % 64)));
        });
    }
}

/// A named property with `key` may change (added, removed, written, redefined).
#[inline]
fn note_change(key: &PropertyKey) {
    if let PropertyKey::String(a) = key {
        let id = a.id() as usize % (RESTRICTED_WORDS * 64);
        if CACHED_KEYS.with(|r| r[id / 64].get() & (1u64 << (id % 64)) != 0) {
            bump_lookup_epoch();
        }
    }
    // (Symbol-keyed lookups are never cached.)
}

/// Marks every key restricted (a proxy exists: its traps answer for any key).
pub fn restrict_all_keys() {
    RESTRICTED.with(|r| r.iter().for_each(|w| w.set(u64::MAX)));
}

/// Records `key` in the filter of [`may_be_restricted`] when `prop` is not a writable data
/// property.
#[inline]
fn note_property(key: &PropertyKey, prop: &Property) {
    if let (PropertyKey::String(a), false) = (
        key,
        matches!(prop.slot, Slot::Data(_)) && prop.attrs.writable(),
    ) {
        let id = a.id() as usize % (RESTRICTED_WORDS * 64);
        RESTRICTED.with(|r| {
            let w = &r[id / 64];
            w.set(w.get() | (1u64 << (id % 64)));
        });
    }
}

/// Per-object property storage. See the module docs for the layout.
///
/// One word: the named properties (every property read looks there first), or, once the
/// object has index properties, is non-extensible or has private elements, a box holding
/// them and the rest. This keeps an `ObjectData` at 40 bytes (with the GC header and borrow
/// flag, one 64-byte allocator block) with room for a closure's code and environment.
#[derive(Default)]
pub struct PropertyMap {
    /// The named properties; tagged `TAG_FULL` once the object has a [`Rest`] (then a box
    /// holding both).
    named: Named,
}

/// A map with the rarer parts: its named properties (never `TAG_FULL` themselves) and the rest.
struct Full {
    named: Named,
    rest: Rest,
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

const _: () = assert!(size_of::<PropertyMap>() == 8);

/// Named (string- and symbol-keyed) properties in insertion order, in one word. Most objects —
/// every function with its `length` and `name`, object literals, promises' reaction records —
/// have a handful: a thin block (a header with length and capacity, then the entries) scanned
/// linearly. Past `LINEAR_SCAN_MAX` entries it becomes an `IndexMap` (Fx hash over atom ids /
/// symbol addresses) and stays one. A block may also be a template shared by many objects
/// ([`SharedNamed`]), copied into an owned block on the first change (every closure's
/// `length` and `name`: one shared list per (name, length) instead of one per function
/// object); reads see exactly the same properties in the same order, so this is invisible
/// to JS.
///
/// The word is a tagged pointer: null (no named properties), an owned block, a shared block
/// (`TAG_SHARED`), or a boxed `IndexMap` (`TAG_LARGE`). One word instead of a `Vec`'s three
/// keeps `ObjectData` at 40 bytes: with the GC header and borrow flag, one 64-byte block.
struct Named(*mut BlockHeader);

type Entry = (PropertyKey, Property);
type LargeMap = IndexMap<PropertyKey, Property, FxBuildHasher>;

/// The start of a named-property block; `cap` entries' room follows it.
#[repr(C)]
struct BlockHeader {
    len: u32,
    /// Owned blocks: the capacity. Shared blocks (never grown, capacity = `len`): the number
    /// of references.
    cap_or_refs: std::cell::Cell<u32>,
}

const TAG_SHARED: usize = 1;
const TAG_LARGE: usize = 2;
/// Only in a `PropertyMap`'s own word: a `Box<Full>`.
const TAG_FULL: usize = 3;
const TAG_MASK: usize = 3;
const HEADER: usize = size_of::<BlockHeader>();
const _: () = assert!(HEADER.is_multiple_of(align_of::<Entry>()) && align_of::<Entry>() >= 4);
const _: () = assert!(size_of::<Named>() == 8);

fn block_layout(cap: usize) -> std::alloc::Layout {
    std::alloc::Layout::from_size_align(HEADER + cap * size_of::<Entry>(), align_of::<Entry>())
        .expect("small block")
}

/// A new empty block with room for `cap` (≥ 1) entries.
fn block_alloc(cap: usize) -> *mut BlockHeader {
    let layout = block_layout(cap);
    // SAFETY: the layout has a non-zero size.
    let b = unsafe { std::alloc::alloc(layout) }.cast::<BlockHeader>();
    if b.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: freshly allocated, aligned for the header.
    unsafe {
        b.write(BlockHeader {
            len: 0,
            cap_or_refs: std::cell::Cell::new(cap as u32),
        })
    };
    b
}

/// # Safety
/// `b` is a live block.
#[inline]
unsafe fn block_entries(b: *mut BlockHeader) -> *mut Entry {
    // SAFETY: the entries start `HEADER` bytes in, inside the same allocation.
    unsafe { b.cast::<u8>().add(HEADER).cast::<Entry>() }
}

/// # Safety
/// `b` is a live block, and no `&mut` to its entries is alive.
#[inline]
unsafe fn block_slice<'a>(b: *mut BlockHeader) -> &'a [Entry] {
    // SAFETY: the first `len` entries are initialised.
    unsafe { std::slice::from_raw_parts(block_entries(b), (*b).len as usize) }
}

/// # Safety
/// `b` is a live owned block, exclusively reachable through the caller.
#[inline]
unsafe fn block_slice_mut<'a>(b: *mut BlockHeader) -> &'a mut [Entry] {
    // SAFETY: as in `block_slice`, with exclusive access.
    unsafe { std::slice::from_raw_parts_mut(block_entries(b), (*b).len as usize) }
}

/// Drops the entries and frees the block; `cap` is its capacity.
///
/// # Safety
/// `b` is a live block no one uses afterwards.
unsafe fn block_free(b: *mut BlockHeader, cap: usize) {
    // SAFETY: the entries are initialised and the block was allocated with this layout.
    unsafe {
        std::ptr::drop_in_place(block_slice_mut(b));
        std::alloc::dealloc(b.cast(), block_layout(cap));
    }
}

/// A borrowed view of the representation (for the paths that are not hot).
enum NamedView<'a> {
    Slice(&'a [Entry]),
    Large(&'a LargeMap),
}

/// An immutable list of named properties holding only primitive values (no `Gc` inside a
/// reference-counted block: gc.rs rule 1), for [`PropertyMap::share_named`].
pub struct SharedNamed(*mut BlockHeader);

impl SharedNamed {
    /// `None` when a value is an object or an accessor (those must stay per object).
    pub fn new(props: Vec<(PropertyKey, Property)>) -> Option<Self> {
        let primitive = props.iter().all(|(k, p)| {
            !k.is_symbol() && matches!(&p.slot, Slot::Data(v) if !matches!(v, Value::Object(_)))
        });
        if !primitive {
            return None;
        }
        let b = block_alloc(props.len().max(1));
        for (i, e) in props.into_iter().enumerate() {
            note_property(&e.0, &e.1);
            // SAFETY: `i` < capacity; the block is ours alone.
            unsafe {
                block_entries(b).add(i).write(e);
                (*b).len = i as u32 + 1;
            }
        }
        // SAFETY: live; from now on `cap_or_refs` counts references (capacity = max(len, 1)).
        unsafe { (*b).cap_or_refs.set(1) };
        Some(SharedNamed(b))
    }

    /// One more reference to the block.
    fn share(&self) -> *mut BlockHeader {
        // SAFETY: the block lives while `self` does.
        let refs = unsafe { &(*self.0).cap_or_refs };
        refs.set(
            refs.get()
                .checked_add(1)
                .expect("shared template references"),
        );
        self.0
    }
}

/// Drops one reference to a shared block.
///
/// # Safety
/// `b` is a live shared block and the caller gives up one reference.
unsafe fn shared_release(b: *mut BlockHeader) {
    // SAFETY: live per the contract.
    let refs = unsafe { &(*b).cap_or_refs };
    let n = refs.get() - 1;
    refs.set(n);
    if n == 0 {
        // SAFETY: the last reference; a shared block's capacity is max(len, 1).
        unsafe { block_free(b, ((*b).len as usize).max(1)) };
    }
}

impl Clone for SharedNamed {
    fn clone(&self) -> Self {
        SharedNamed(self.share())
    }
}

impl Drop for SharedNamed {
    fn drop(&mut self) {
        // SAFETY: this handle's reference.
        unsafe { shared_release(self.0) }
    }
}

impl Default for Named {
    fn default() -> Self {
        Named(std::ptr::null_mut())
    }
}

impl Drop for Named {
    fn drop(&mut self) {
        let b = self.untagged();
        if b.is_null() {
            return;
        }
        match self.0.addr() & TAG_MASK {
            // SAFETY: an owned block of this capacity, dropped once.
            0 => unsafe { block_free(b, (*b).cap_or_refs.get() as usize) },
            // SAFETY: this map's reference.
            TAG_SHARED => unsafe { shared_release(b) },
            // SAFETY: made by `Box::into_raw` in `push`.
            TAG_LARGE => drop(unsafe { Box::from_raw(b.cast::<LargeMap>()) }),
            // SAFETY: made by `Box::into_raw` in `PropertyMap::rest_mut`.
            _ => drop(unsafe { Box::from_raw(b.cast::<Full>()) }),
        }
    }
}

impl Named {
    #[inline]
    fn untagged(&self) -> *mut BlockHeader {
        self.0.map_addr(|a| a & !TAG_MASK)
    }

    #[inline]
    fn is_large(&self) -> bool {
        self.0.addr() & TAG_MASK == TAG_LARGE
    }

    #[inline]
    fn is_shared(&self) -> bool {
        self.0.addr() & TAG_MASK == TAG_SHARED
    }

    #[inline]
    fn is_full(&self) -> bool {
        self.0.addr() & TAG_MASK == TAG_FULL
    }

    /// The box of a `TAG_FULL` word.
    #[inline]
    fn full(&self) -> Option<&Full> {
        // SAFETY: a live `Full` owned by `self`.
        self.is_full()
            .then(|| unsafe { &*self.untagged().cast::<Full>() })
    }

    #[inline]
    fn full_mut(&mut self) -> Option<&mut Full> {
        // SAFETY: a live `Full` owned by `self`, borrowed exclusively.
        self.is_full()
            .then(|| unsafe { &mut *self.untagged().cast::<Full>() })
    }

    /// The named properties proper (inside the box of a `TAG_FULL` word).
    #[inline]
    fn resolve(&self) -> &Named {
        match self.full() {
            Some(f) => &f.named,
            None => self,
        }
    }

    #[inline]
    fn resolve_mut(&mut self) -> &mut Named {
        if self.is_full() {
            // SAFETY: a live `Full` owned by `self`, borrowed exclusively.
            return unsafe { &mut (*self.untagged().cast::<Full>()).named };
        }
        self
    }

    #[inline]
    fn view(&self) -> NamedView<'_> {
        let this = self.resolve();
        let b = this.untagged();
        if this.is_large() {
            // SAFETY: a live boxed map owned by `self`.
            NamedView::Large(unsafe { &*b.cast::<LargeMap>() })
        } else if b.is_null() {
            NamedView::Slice(&[])
        } else {
            // SAFETY: a live block; shared access through `&self`.
            NamedView::Slice(unsafe { block_slice(b) })
        }
    }

    #[inline]
    fn large_mut(&mut self) -> &mut LargeMap {
        debug_assert!(self.is_large());
        // SAFETY: a live boxed map owned by `self`, borrowed exclusively.
        unsafe { &mut *self.untagged().cast::<LargeMap>() }
    }

    /// The hot lookup (every named property read): a scan of the block, no recursion, so it
    /// inlines into the interpreter's fast paths.
    #[inline(always)]
    fn get(&self, key: &PropertyKey) -> Option<&Property> {
        let b = self.untagged();
        let tag = self.0.addr() & TAG_MASK;
        if tag < TAG_LARGE {
            if b.is_null() {
                return None;
            }
            // SAFETY: a live block; shared access through `&self`.
            let s = unsafe { block_slice(b) };
            // (A plain loop: `find` may stay an out-of-line call where this is inlined.)
            for (k, p) in s {
                if k == key {
                    return Some(p);
                }
            }
            None
        } else {
            self.get_boxed(key)
        }
    }

    /// `get` for a map or a `Full` box.
    #[inline(never)]
    fn get_boxed(&self, key: &PropertyKey) -> Option<&Property> {
        match self.view() {
            NamedView::Slice(s) => s.iter().find(|(k, _)| k == key).map(|(_, p)| p),
            NamedView::Large(m) => large_get(m, key),
        }
    }

    /// The shared template becomes this object's own block before any change.
    #[cold]
    fn unshare(&mut self) {
        if !self.is_shared() {
            return;
        }
        let shared = self.untagged();
        // SAFETY: a live shared block.
        let src = unsafe { block_slice(shared) };
        // One spare slot: the next change is usually an addition (`prototype`, a field).
        let b = block_alloc(src.len() + 1);
        for (i, e) in src.iter().enumerate() {
            // SAFETY: `i` < capacity; the new block is ours alone.
            unsafe {
                block_entries(b).add(i).write(e.clone());
                (*b).len = i as u32 + 1;
            }
        }
        self.0 = b;
        // SAFETY: this map's reference to the template, given up.
        unsafe { shared_release(shared) };
    }

    /// A mutable view of an owned block or map (unshares first).
    #[inline]
    fn owned_slice_mut(&mut self) -> Option<&mut [Entry]> {
        debug_assert!(!self.is_large() && !self.is_full());
        if self.is_shared() {
            self.unshare();
        }
        let b = self.untagged();
        if b.is_null() {
            None
        } else {
            // SAFETY: an owned block, borrowed exclusively through `&mut self`.
            Some(unsafe { block_slice_mut(b) })
        }
    }

    #[inline]
    fn get_mut(&mut self, key: &PropertyKey) -> Option<&mut Property> {
        // (When present, the caller may write or redefine it.)
        if self.is_large() {
            let p = self.large_mut().get_mut(key);
            if p.is_some() {
                note_change(key);
            }
            return p;
        }
        if self.is_shared() {
            // Only an existing key needs the copy.
            // SAFETY: a live shared block.
            if !unsafe { block_slice(self.untagged()) }
                .iter()
                .any(|(k, _)| k == key)
            {
                return None;
            }
        }
        let p = self
            .owned_slice_mut()?
            .iter_mut()
            .find(|(k, _)| k == key)
            .map(|(_, p)| p);
        if p.is_some() {
            note_change(key);
        }
        p
    }

    fn get_index_of(&self, key: &PropertyKey) -> Option<usize> {
        match self.view() {
            NamedView::Slice(s) => s.iter().position(|(k, _)| k == key),
            NamedView::Large(m) => m.get_index_of(key),
        }
    }

    #[inline]
    fn get_index(&self, pos: usize) -> Option<(&PropertyKey, &Property)> {
        match self.view() {
            NamedView::Slice(s) => s.get(pos).map(|(k, p)| (k, p)),
            NamedView::Large(m) => m.get_index(pos),
        }
    }

    /// Creates or replaces (keeping the position) a property.
    fn insert(&mut self, key: PropertyKey, prop: Property) {
        note_property(&key, &prop);
        note_change(&key);
        if self.is_large() {
            self.large_mut().insert(key, prop);
            return;
        }
        if let Some(s) = self.owned_slice_mut() {
            if let Some(slot) = s.iter_mut().find(|(k, _)| *k == key) {
                slot.1 = prop;
                return;
            }
        }
        self.push((key, prop));
    }

    /// Appends a new entry to the owned block (growing it), or moves to a map past
    /// `LINEAR_SCAN_MAX` entries.
    fn push(&mut self, entry: Entry) {
        let b = self.untagged();
        if b.is_null() {
            let nb = block_alloc(2);
            // SAFETY: room for two entries; ours alone.
            unsafe {
                block_entries(nb).write(entry);
                (*nb).len = 1;
            }
            self.0 = nb;
            return;
        }
        // SAFETY: an owned block (unshared by the caller), exclusively ours.
        let (len, cap) = unsafe { ((*b).len as usize, (*b).cap_or_refs.get() as usize) };
        if len == cap {
            if len >= LINEAR_SCAN_MAX {
                let mut m: LargeMap = IndexMap::with_capacity_and_hasher(len * 2, FxBuildHasher);
                for i in 0..len {
                    // SAFETY: moves each initialised entry out once; the block is then freed
                    // without dropping them.
                    let (k, p) = unsafe { block_entries(b).add(i).read() };
                    m.insert(k, p);
                }
                m.insert(entry.0, entry.1);
                // SAFETY: entries moved out above; only the memory is freed.
                unsafe { std::alloc::dealloc(b.cast(), block_layout(cap)) };
                let large = Box::into_raw(Box::new(m)).cast::<BlockHeader>();
                self.0 = large.map_addr(|a| a | TAG_LARGE);
                return;
            }
            let new_cap = (cap * 2).min(LINEAR_SCAN_MAX);
            // SAFETY: grows the block in place or by copying (entries are plain bytes to
            // move); the old layout is the one it was allocated with.
            let nb = unsafe {
                std::alloc::realloc(b.cast(), block_layout(cap), block_layout(new_cap).size())
            }
            .cast::<BlockHeader>();
            if nb.is_null() {
                std::alloc::handle_alloc_error(block_layout(new_cap));
            }
            // SAFETY: the reallocated block, ours alone.
            unsafe { (*nb).cap_or_refs.set(new_cap as u32) };
            self.0 = nb;
        }
        let b = self.untagged();
        // SAFETY: len < capacity now; the block is ours alone.
        unsafe {
            block_entries(b).add(len).write(entry);
            (*b).len = len as u32 + 1;
        }
    }

    /// Removes a property keeping the others' order.
    fn shift_remove(&mut self, key: &PropertyKey) -> Option<Property> {
        note_change(key);
        if self.is_large() {
            return self.large_mut().shift_remove(key);
        }
        self.get_mut(key)?; // unshares when the key is present
        let b = self.untagged();
        // SAFETY: an owned, non-empty block (the key is present).
        unsafe {
            let s = block_slice_mut(b);
            let pos = s.iter().position(|(k, _)| k == key)?;
            let len = s.len();
            let base = block_entries(b);
            let (_, p) = base.add(pos).read();
            std::ptr::copy(base.add(pos + 1), base.add(pos), len - pos - 1);
            (*b).len = len as u32 - 1;
            Some(p)
        }
    }

    fn len(&self) -> usize {
        match self.view() {
            NamedView::Slice(s) => s.len(),
            NamedView::Large(m) => m.len(),
        }
    }

    /// Entries in insertion order, without boxing (the collector walks this for every
    /// object it marks).
    fn iter(&self) -> impl Iterator<Item = (&PropertyKey, &Property)> + '_ {
        let (small, large) = match self.view() {
            NamedView::Slice(s) => (Some(s), None),
            NamedView::Large(m) => (None, Some(m.iter())),
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

    /// The rarer parts, if the object has them.
    #[inline]
    fn rest(&self) -> Option<&Rest> {
        self.named.full().map(|f| &f.rest)
    }

    #[inline]
    fn rest_opt_mut(&mut self) -> Option<&mut Rest> {
        self.named.full_mut().map(|f| &mut f.rest)
    }

    /// The rarer parts, created (the map becomes a `Full` box) if absent.
    #[inline]
    fn rest_mut(&mut self) -> &mut Rest {
        if !self.named.is_full() {
            let named = std::mem::take(&mut self.named);
            let full = Box::into_raw(Box::new(Full {
                named,
                rest: Rest::default(),
            }));
            self.named = Named(full.cast::<BlockHeader>().map_addr(|a| a | TAG_FULL));
        }
        &mut self.named.full_mut().expect("made full above").rest
    }

    /// The named properties proper.
    #[inline]
    fn named(&self) -> &Named {
        self.named.resolve()
    }

    #[inline]
    fn named_mut(&mut self) -> &mut Named {
        self.named.resolve_mut()
    }

    /// `[[Extensible]]` (stored here so that `ObjectData` stays small).
    #[inline]
    pub fn is_extensible(&self) -> bool {
        self.rest().is_none_or(|r| !r.non_extensible)
    }

    /// Sets `[[Extensible]]`.
    pub fn set_extensible(&mut self, extensible: bool) {
        if extensible && self.rest().is_none() {
            return;
        }
        self.rest_mut().non_extensible = !extensible;
    }

    /// The object's private elements, if it has any.
    pub fn private_elements(&self) -> Option<&Vec<(Symbol, PrivateElement)>> {
        self.rest()?.private.as_deref()
    }

    /// Mutable access to the private elements, if the object has any.
    pub fn private_elements_mut(&mut self) -> Option<&mut Vec<(Symbol, PrivateElement)>> {
        self.rest_opt_mut()?.private.as_deref_mut()
    }

    /// The private element list, created empty if absent.
    pub fn private_elements_or_insert(&mut self) -> &mut Vec<(Symbol, PrivateElement)> {
        self.rest_mut().private.get_or_insert_with(Default::default)
    }

    #[inline]
    fn sparse(&self) -> Option<&Sparse> {
        self.rest().map(|r| &r.sparse)
    }

    /// A map holding only `template`'s entries (shared, as [`Self::share_named`] leaves it).
    #[inline]
    pub fn with_shared(template: &SharedNamed) -> Self {
        PropertyMap {
            named: Named(template.share().map_addr(|a| a | TAG_SHARED)),
        }
    }

    /// A map owning one block with `template`'s entries (if any) followed by `extra`, in that
    /// order: one allocation for a new object's whole property list (a constructor
    /// function's `length`, `name`, `arguments`, `caller`, `prototype`). The keys must be
    /// distinct, at most `LINEAR_SCAN_MAX` in all.
    pub fn with_entries<const N: usize>(
        template: Option<&SharedNamed>,
        extra: [(PropertyKey, Property); N],
    ) -> Self {
        let first: &[Entry] = match template {
            // SAFETY: a live shared block; only read here.
            Some(t) => unsafe { block_slice(t.0) },
            None => &[],
        };
        let len = first.len() + N;
        debug_assert!(len <= LINEAR_SCAN_MAX);
        debug_assert!(extra.iter().all(|(k, _)| first.iter().all(|(f, _)| f != k)));
        if len == 0 {
            return PropertyMap::default();
        }
        let b = block_alloc(len);
        for (i, e) in first.iter().cloned().chain(extra).enumerate() {
            note_property(&e.0, &e.1);
            // SAFETY: `i` < `len` = the capacity; the new block is ours alone.
            unsafe {
                block_entries(b).add(i).write(e);
                (*b).len = i as u32 + 1;
            }
        }
        PropertyMap { named: Named(b) }
    }

    /// The properties of a fresh object literal `{a: …, b: …}`: `keys` are distinct non-index
    /// names, each a writable, enumerable, configurable data property, in one exactly sized
    /// block. `value(i)` gives the value of `keys[i]`, in order, written straight into the
    /// block; its first error is returned and the entries made so far are dropped.
    #[inline]
    pub fn try_from_distinct<E>(
        keys: &[super::string::Atom],
        mut value: impl FnMut(usize) -> Result<Value, E>,
    ) -> Result<Self, E> {
        let len = keys.len();
        let mut map = PropertyMap::default();
        if len == 0 {
            return Ok(map);
        }
        if len > LINEAR_SCAN_MAX {
            for (i, k) in keys.iter().enumerate() {
                let v = value(i)?;
                map.insert(
                    PropertyKey::String(*k),
                    Property::data(v, Attributes::DEFAULT),
                );
            }
            return Ok(map);
        }
        // The map owns the block from the start: an error drops the entries written so far.
        map.named = Named(block_alloc(len));
        let b = map.named.0;
        for (i, k) in keys.iter().enumerate() {
            let v = value(i)?;
            // SAFETY: `i` < `len` = the capacity; the block is this map's alone, and `len`
            // counts the initialised entries.
            unsafe {
                block_entries(b).add(i).write((
                    PropertyKey::String(*k),
                    Property::data(v, Attributes::DEFAULT),
                ));
                (*b).len = i as u32 + 1;
            }
        }
        Ok(map)
    }

    /// Gives an object without named properties the shared template's properties (copied
    /// on the first change). Ignored if the object already has named properties.
    pub fn share_named(&mut self, template: &SharedNamed) {
        if self.named().len() == 0 {
            // SAFETY: a live shared block; only read here.
            for (k, _) in unsafe { block_slice(template.0) } {
                note_change(k);
            }
            *self.named_mut() = Named(template.share().map_addr(|a| a | TAG_SHARED));
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
        self.named_mut().get_mut(key)
    }

    /// Position of a named own property in insertion order (for inline caches: a later
    /// `named_at` with that position is O(1); callers re-check the key, since deletions
    /// shift positions).
    pub fn named_position(&self, key: &PropertyKey) -> Option<usize> {
        self.named().get_index_of(key)
    }

    /// The named property at an insertion-order position, if any.
    #[inline]
    pub fn named_at(&self, pos: usize) -> Option<(&PropertyKey, &Property)> {
        self.named().get_index(pos)
    }

    /// Own indexed property lookup.
    #[inline]
    pub fn get_index(&self, i: u32) -> Option<PropertyRef<'_>> {
        let r = self.rest()?;
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
                self.named_mut().insert(key, prop);
            }
        }
    }

    /// Appends a named property the caller knows is absent (no lookup first).
    #[inline]
    pub fn push_new_named(&mut self, key: PropertyKey, prop: Property) {
        debug_assert!(!matches!(key, PropertyKey::Index(_)) && self.named().get(&key).is_none());
        note_property(&key, &prop);
        note_change(&key);
        let named = self.named_mut();
        if named.is_large() {
            named.large_mut().insert(key, prop);
        } else {
            if named.is_shared() {
                named.unshare();
            }
            named.push((key, prop));
        }
    }

    /// A map with room for `cap` named properties (at most `LINEAR_SCAN_MAX`; none for 0):
    /// a constructed object whose constructor added that many last time gets its block at
    /// once instead of growing it add by add.
    #[inline]
    pub fn with_named_capacity(cap: usize) -> Self {
        if cap == 0 {
            return PropertyMap::default();
        }
        PropertyMap {
            named: Named(block_alloc(cap.min(LINEAR_SCAN_MAX))),
        }
    }

    /// The number of named properties when they are in an owned thin block (`None` for a
    /// shared template, a map, or an object with the rarer parts).
    #[inline]
    pub fn owned_named_len(&self) -> Option<usize> {
        let b = self.named.0;
        if b.addr() & TAG_MASK != 0 {
            return None;
        }
        // SAFETY: a live owned block.
        Some(if b.is_null() {
            0
        } else {
            unsafe { (*b).len as usize }
        })
    }

    /// `o.k = v` on an object whose named properties are an owned thin block (no index
    /// properties, extensible, no private elements: no `Full` box), in one scan: an own
    /// writable data property is written in place; an absent key is appended as a default
    /// data property when `may_add` (the caller has established that OrdinarySet would
    /// create it: no setter or read-only `k` on the prototype chain, not an exotic key).
    /// `Err(v)` gives the value back for everything else (read-only or accessor own
    /// property, other representations, or an absent key without `may_add`).
    #[inline(always)]
    pub fn set_named_plain(
        &mut self,
        key: &PropertyKey,
        v: Value,
        may_add: bool,
    ) -> Result<(), Value> {
        let b = self.named.0;
        if b.addr() & TAG_MASK != 0 {
            return Err(v);
        }
        if !b.is_null() {
            // SAFETY: an owned block, borrowed exclusively through `&mut self`.
            for (k, p) in unsafe { block_slice_mut(b) } {
                if k == key {
                    return match &mut p.slot {
                        Slot::Data(slot) if p.attrs.writable() => {
                            note_change(key);
                            *slot = v;
                            Ok(())
                        }
                        _ => Err(v),
                    };
                }
            }
        }
        if !may_add {
            return Err(v);
        }
        // (A writable data property: nothing for `note_property` to record.)
        note_change(key);
        let entry = (key.clone(), Property::data(v, Attributes::DEFAULT));
        if !b.is_null() {
            // SAFETY: an owned block, exclusively ours; written only below its capacity.
            unsafe {
                let len = (*b).len;
                if len < (*b).cap_or_refs.get() {
                    block_entries(b).add(len as usize).write(entry);
                    (*b).len = len + 1;
                    return Ok(());
                }
            }
        }
        self.named.push(entry);
        Ok(())
    }

    /// Ordinary `[[Set]]` on an own property in one lookup (see [`WriteOutcome`]).
    #[inline]
    pub fn write(&mut self, key: &PropertyKey, value: Value) -> WriteOutcome {
        if let PropertyKey::Index(i) = key {
            let Some(r) = self.rest_opt_mut() else {
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
        match self.named_mut().get_mut(key) {
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
                let r = self.rest_opt_mut()?;
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
            key => self.named_mut().shift_remove(key),
        }
    }

    /// Number of own properties.
    pub fn len(&self) -> usize {
        let indexed = self.rest().map_or(0, |r| {
            r.elements.iter().filter(|e| e.is_some()).count() + r.sparse.len()
        });
        indexed + self.named().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Own keys in OrdinaryOwnPropertyKeys order: indices ascending, then strings in insertion
    /// order, then symbols in insertion order.
    pub fn keys(&self) -> Vec<PropertyKey> {
        let indexed = self.rest().map_or(0, |r| r.elements.len() + r.sparse.len());
        let mut out = Vec::with_capacity(indexed + self.named().len());
        self.index_keys_into(&mut out);
        self.named_keys_into(&mut out);
        out
    }

    /// Index keys ascending (dense and sparse merged).
    pub fn index_keys_into(&self, out: &mut Vec<PropertyKey>) {
        let Some(r) = self.rest() else {
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
        let named = self.named();
        if named.len() == 0 {
            return;
        }
        out.extend(named.keys().filter(|k| !k.is_symbol()).cloned());
        out.extend(named.keys().filter(|k| k.is_symbol()).cloned());
    }

    /// The dense elements (`None` = hole): the array fast path for builtins.
    #[inline]
    pub fn elements(&self) -> &[Option<Value>] {
        match self.rest() {
            Some(r) => &r.elements,
            None => &[],
        }
    }

    /// Appends a plain element at index `elements().len()` (Array.prototype.push fast path).
    /// Falls back to the general path if `sparse` already holds that index.
    #[inline]
    pub fn push_element(&mut self, value: Value) {
        let r = self.rest_mut();
        if r.sparse.is_empty() {
            // Nothing to absorb or displace: the dense vector just grows.
            r.elements.push(Some(value));
            return;
        }
        let i = r.elements.len() as u32;
        r.insert_index(i, Property::data(value, Attributes::DEFAULT));
    }

    /// The number of dense elements when the object is extensible and has no sparse index
    /// properties (the array fast paths' precondition, one tag test for an object with no
    /// indices); `None` otherwise.
    #[inline]
    pub fn dense_extensible_len(&self) -> Option<usize> {
        match self.rest() {
            None => Some(0),
            Some(r) if !r.non_extensible && r.sparse.is_empty() => Some(r.elements.len()),
            Some(_) => None,
        }
    }

    /// No index properties at all, dense or sparse.
    #[inline]
    pub fn has_no_indices(&self) -> bool {
        self.rest()
            .is_none_or(|r| r.elements.is_empty() && r.sparse.is_empty())
    }

    /// Removes dense element 0 and moves every later element down by one (Array.prototype.shift
    /// fast path, for a dense map whose prototypes have no index properties: there, moving
    /// `k` to `k - 1` one by one, holes included, is exactly this). Returns the old element 0
    /// (`None` for a hole or no elements).
    pub fn shift_elements(&mut self) -> Option<Value> {
        let r = self.rest_opt_mut()?;
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
        if let Some(r) = self.rest_opt_mut() {
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
        // A shared list (a function's `length`/`name`) holds primitives only
        // (`SharedNamed::new`): nothing to mark.
        //
        // The entries are walked directly (not through `Named::iter`'s chained iterators): the
        // collector runs this twice per live object in a major collection (counting, marking).
        let named = this.named();
        if !named.is_shared() {
            match named.view() {
                NamedView::Slice(s) => {
                    for (_, p) in s {
                        mark(p);
                    }
                }
                NamedView::Large(m) => {
                    for p in m.values() {
                        mark(p);
                    }
                }
            }
        }
        if let Some(r) = this.rest() {
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
