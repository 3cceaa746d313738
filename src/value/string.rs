//! `JsString`: JavaScript strings (UTF-16 code units, lone surrogates allowed) and the `Atom`
//! interner for property keys.
//!
//! Representation: an 8-byte reference-counted handle to one block, header and code units inline
//! (so `Value` stays 16 bytes and a flat string costs one indirection), O(1) clone, no GC: strings
//! hold no object references, so they cannot be part of a cycle and reference counting is exact.
//! A string is either flat (one `[u16]` buffer) or a rope (two halves plus a lazily filled flat
//! cache). `concat` builds a rope in O(1) once the result is long enough, so `s += x` in a loop is
//! linear overall; the first operation that needs the code units flattens the rope once,
//! iteratively (a 1M-deep rope from 1M `+=` flattens and drops without recursion).
//!
//! Atoms: every string used as a property name is interned to an [`Atom`] (a `u32`), so property
//! lookup compares and hashes integers. Common names (`length`, `prototype`, …) have fixed ids
//! ([`atoms`]). The table is thread-local, like the heap, and never shrinks (see the gap noted on
//! [`Atom::intern`]).
//!
//! Not here: the String.prototype algorithms (builtins), number-to-string (`number.rs`).

use std::alloc::{self, Layout};
use std::cell::{Cell, OnceCell, RefCell};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ptr::NonNull;

use rustc_hash::FxBuildHasher;

/// Longest string we create (V8's limit on 64-bit is 2^29 - 24; we allow 2^30 - 1 code units).
pub const MAX_STRING_LEN: usize = (1 << 30) - 1;

/// Concatenations shorter than this are copied flat: small ropes cost more than they save.
const ROPE_MIN_LEN: usize = 32;

/// `Header::atom` when the string has not been interned (yet).
const NO_ATOM: u32 = u32::MAX;

/// A JavaScript string value. Cheap to clone (a non-atomic reference-count increment).
///
/// Layout: a thin pointer to one heap block, `Header` followed either by the code units inline
/// (flat) or by a `RopeBody` (rope). One allocation and one indirection per flat string.
pub struct JsString {
    ptr: NonNull<Header>,
    /// Not `Send`/`Sync` (non-atomic count), like `Rc`.
    _marker: PhantomData<*const ()>,
}

#[repr(C)]
struct Header {
    refcount: Cell<usize>,
    /// Length in UTF-16 code units; known without flattening.
    len: u32,
    /// The interned id once this string has been used as a property key (a cache: interning
    /// the same string object again costs no hashing).
    atom: Cell<u32>,
    is_rope: bool,
}

#[repr(C)]
struct RopeBlock {
    header: Header,
    body: RopeBody,
}

struct RopeBody {
    /// The two halves until flattened, then `None` (so the halves can be freed).
    parts: RefCell<Option<(JsString, JsString)>>,
    /// The flattened string, filled on first need.
    flat: OnceCell<JsString>,
}

/// Where a flat block's code units start: right after the header (whose alignment, 8, covers
/// `u16`'s, so there is no padding). Checked against `Layout::extend` in the tests.
const DATA_OFFSET: usize = size_of::<Header>();

/// Layout of a flat block with `len` code units, and the offset of the first unit.
fn flat_layout(len: usize) -> (Layout, usize) {
    let (layout, offset) = Layout::new::<Header>()
        .extend(Layout::array::<u16>(len).expect("string too long"))
        .expect("string too long");
    (layout.pad_to_align(), offset)
}

/// Returned when a string operation would exceed [`MAX_STRING_LEN`] (JS: `RangeError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StringTooLong;

impl JsString {
    #[inline]
    fn header(&self) -> &Header {
        // SAFETY: `ptr` points to a live block while any handle exists (refcount ≥ 1).
        unsafe { self.ptr.as_ref() }
    }

    #[inline]
    fn rope(&self) -> Option<&RopeBody> {
        if self.header().is_rope {
            // SAFETY: `is_rope` blocks were allocated as `RopeBlock`.
            Some(unsafe { &(*self.ptr.cast::<RopeBlock>().as_ptr()).body })
        } else {
            None
        }
    }

    /// Allocates a flat block and lets `fill` write exactly `len` code units into it.
    fn new_flat_with(len: usize, fill: impl FnOnce(&mut [u16])) -> Self {
        assert!(len <= MAX_STRING_LEN, "string too long");
        let (layout, offset) = flat_layout(len);
        // SAFETY: the layout has non-zero size (the header); we initialise the header and all
        // `len` units before the handle is used.
        unsafe {
            let raw = alloc::alloc(layout);
            let Some(ptr) = NonNull::new(raw.cast::<Header>()) else {
                alloc::handle_alloc_error(layout)
            };
            ptr.as_ptr().write(Header {
                refcount: Cell::new(1),
                len: len as u32,
                atom: Cell::new(NO_ATOM),
                is_rope: false,
            });
            let data = raw.add(offset).cast::<u16>();
            data.write_bytes(0, len);
            fill(std::slice::from_raw_parts_mut(data, len));
            JsString {
                ptr,
                _marker: PhantomData,
            }
        }
    }

    fn new_rope(len: usize, a: JsString, b: JsString) -> Self {
        let block = Box::new(RopeBlock {
            header: Header {
                refcount: Cell::new(1),
                len: len as u32,
                atom: Cell::new(NO_ATOM),
                is_rope: true,
            },
            body: RopeBody {
                parts: RefCell::new(Some((a, b))),
                flat: OnceCell::new(),
            },
        });
        JsString {
            ptr: NonNull::from(Box::leak(block)).cast(),
            _marker: PhantomData,
        }
    }

    /// The empty string (shared, no allocation after the first per thread).
    pub fn empty() -> Self {
        atoms::EMPTY.to_js_string()
    }

    /// A flat string from code units. Panics past [`MAX_STRING_LEN`]; use for trusted input.
    pub fn from_utf16(units: &[u16]) -> Self {
        Self::new_flat_with(units.len(), |dst| dst.copy_from_slice(units))
    }

    /// A one-code-unit string (`charAt`, `s[i]`, iteration): ASCII ones are shared, not allocated.
    pub fn from_code_unit(unit: u16) -> Self {
        if unit < 128 {
            return SINGLE_ASCII.with(|t| t[unit as usize].clone());
        }
        Self::from_utf16(&[unit])
    }

    /// A flat string from a vector of code units.
    pub fn from_vec(units: Vec<u16>) -> Self {
        Self::from_utf16(&units)
    }

    /// Length in UTF-16 code units (JS `.length`), O(1) even for ropes.
    #[inline]
    pub fn len(&self) -> usize {
        self.header().len as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.header().len == 0
    }

    fn is_flat(&self) -> bool {
        !self.header().is_rope
    }

    /// The code units. Flattens a rope on first use (O(n) once, then cached).
    #[inline]
    pub fn as_slice(&self) -> &[u16] {
        match self.rope() {
            None => {
                let len = self.len();
                // SAFETY: a flat block holds `len` initialised units at `DATA_OFFSET`.
                unsafe {
                    std::slice::from_raw_parts(
                        self.ptr.as_ptr().cast::<u8>().add(DATA_OFFSET).cast(),
                        len,
                    )
                }
            }
            Some(body) => body
                .flat
                .get_or_init(|| {
                    let flat = flatten(self.len(), &body.parts);
                    // Release the halves now: a flattened rope must not keep 2x its memory.
                    let halves = body.parts.borrow_mut().take();
                    drop(halves);
                    flat
                })
                .as_slice(),
        }
    }

    /// The code unit at `index` (JS `charCodeAt`), `None` past the end.
    #[inline]
    pub fn code_unit_at(&self, index: usize) -> Option<u16> {
        self.as_slice().get(index).copied()
    }

    /// JS `s + t`. O(1) for long results (builds a rope), a copy for short ones.
    pub fn concat(&self, other: &JsString) -> Result<JsString, StringTooLong> {
        if other.is_empty() {
            return Ok(self.clone());
        }
        if self.is_empty() {
            return Ok(other.clone());
        }
        let len = self.len() + other.len();
        if len > MAX_STRING_LEN {
            return Err(StringTooLong);
        }
        if len < ROPE_MIN_LEN {
            let (a, b) = (self.as_slice(), other.as_slice());
            return Ok(Self::new_flat_with(len, |dst| {
                dst[..a.len()].copy_from_slice(a);
                dst[a.len()..].copy_from_slice(b);
            }));
        }
        Ok(Self::new_rope(len, self.clone(), other.clone()))
    }

    /// `self + n` (or `n + self` when `number_first`) for a number `n` that prints as an
    /// integer, when the result is short enough to be flat (`'k' + i`): one allocation, no
    /// intermediate string. `None`: the general path (ropes, other numbers).
    pub fn concat_int(&self, n: f64, number_first: bool) -> Option<JsString> {
        let mut buf = [0u16; super::number::INT_DIGITS];
        let start = super::number::int_to_utf16(n, &mut buf)?;
        let digits = &buf[start..];
        let len = self.len() + digits.len();
        if len >= ROPE_MIN_LEN {
            return None;
        }
        let s = self.as_slice();
        let (a, b) = if number_first {
            (digits, s)
        } else {
            (s, digits)
        };
        Some(Self::new_flat_with(len, |dst| {
            dst[..a.len()].copy_from_slice(a);
            dst[a.len()..].copy_from_slice(b);
        }))
    }

    /// Concatenates many pieces into one flat string (template literals, `join`).
    pub fn concat_all(pieces: &[JsString]) -> Result<JsString, StringTooLong> {
        let len: usize = pieces.iter().map(JsString::len).sum();
        if len > MAX_STRING_LEN {
            return Err(StringTooLong);
        }
        Ok(Self::new_flat_with(len, |dst| {
            let mut at = 0;
            for p in pieces {
                let s = p.as_slice();
                dst[at..at + s.len()].copy_from_slice(s);
                at += s.len();
            }
        }))
    }

    /// Code units `start..end` (clamped), as a new flat string.
    pub fn substring(&self, start: usize, end: usize) -> JsString {
        let units = self.as_slice();
        let end = end.min(units.len());
        let start = start.min(end);
        if start == 0 && end == units.len() {
            return self.clone();
        }
        Self::from_utf16(&units[start..end])
    }

    /// Whether both handles point to the same string block (a fast path for equality).
    #[inline]
    pub fn ptr_eq(a: &JsString, b: &JsString) -> bool {
        a.ptr == b.ptr
    }

    /// Lossless conversion to Rust: `Err` if the string holds a lone surrogate.
    pub fn to_std_string(&self) -> Result<String, std::string::FromUtf16Error> {
        String::from_utf16(self.as_slice())
    }

    /// For printing only: lone surrogates become U+FFFD.
    pub fn to_std_string_lossy(&self) -> String {
        String::from_utf16_lossy(self.as_slice())
    }

    /// Whether the string is all ASCII (fast paths for number parsing, printing).
    pub fn is_ascii(&self) -> bool {
        self.as_slice().iter().all(|&u| u < 0x80)
    }

    /// CanonicalNumericIndexString restricted to array indices: `"0"`, `"42"`, not `"01"`,
    /// `"-0"` or `"4294967295"` (2^32 - 1 is not an array index).
    pub fn to_array_index(&self) -> Option<u32> {
        parse_array_index(self.as_slice())
    }

    /// Whether this is the only handle (the rope teardown uses it).
    fn is_unique(&self) -> bool {
        self.header().refcount.get() == 1
    }
}

impl Clone for JsString {
    #[inline]
    fn clone(&self) -> Self {
        let rc = &self.header().refcount;
        // Overflow is impossible in practice (each handle is ≥ 8 bytes of memory), but a wrap
        // would be a use-after-free, so check like `Rc` does.
        let n = rc
            .get()
            .checked_add(1)
            .unwrap_or_else(|| std::process::abort());
        rc.set(n);
        JsString {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl Drop for JsString {
    #[inline]
    fn drop(&mut self) {
        let rc = &self.header().refcount;
        let n = rc.get() - 1;
        rc.set(n);
        if n == 0 {
            // SAFETY: we held the last handle.
            unsafe { free_block(self.ptr) }
        }
    }
}

/// Frees a block whose count reached zero. A rope's halves are released through an explicit
/// work list: the default recursive drop would overflow the stack on a 1M-deep rope.
///
/// # Safety
/// `ptr` must be a live block with refcount 0 and no other handles.
unsafe fn free_block(ptr: NonNull<Header>) {
    // SAFETY (whole body): each block is freed exactly once, when its count reaches zero.
    unsafe {
        if !ptr.as_ref().is_rope {
            let (layout, _) = flat_layout(ptr.as_ref().len as usize);
            alloc::dealloc(ptr.as_ptr().cast(), layout);
            return;
        }
        let mut block = Box::from_raw(ptr.cast::<RopeBlock>().as_ptr());
        let halves = block.body.parts.get_mut().take();
        drop(block); // only the flat cache left: no recursion
        let Some((a, b)) = halves else { return };
        let owned_rope = |s: &JsString| s.is_unique() && s.header().is_rope;
        if !owned_rope(&a) && !owned_rope(&b) {
            return; // dropping flat or shared halves cannot recurse
        }
        let mut work = vec![a, b];
        while let Some(s) = work.pop() {
            if owned_rope(&s) {
                if let Some(body) = s.rope() {
                    if let Some((a, b)) = body.parts.borrow_mut().take() {
                        work.push(a);
                        work.push(b);
                    }
                }
            }
            drop(s); // now without halves
        }
    }
}

/// Parses a canonical array index (decimal, no leading zero, < 2^32 - 1).
pub fn parse_array_index(units: &[u16]) -> Option<u32> {
    let (&first, rest) = units.split_first()?;
    if !(u16::from(b'0')..=u16::from(b'9')).contains(&first) || units.len() > 10 {
        return None;
    }
    if first == u16::from(b'0') {
        return if rest.is_empty() { Some(0) } else { None };
    }
    let mut n: u64 = 0;
    for &u in units {
        let d = u.wrapping_sub(u16::from(b'0'));
        if d > 9 {
            return None;
        }
        n = n * 10 + u64::from(d);
    }
    if n < u64::from(u32::MAX) {
        Some(n as u32)
    } else {
        None
    }
}

/// Flattens a rope's halves without recursion: an explicit stack of pending right halves.
fn flatten(len: usize, parts: &RefCell<Option<(JsString, JsString)>>) -> JsString {
    let mut stack: Vec<JsString> = Vec::new();
    if let Some((a, b)) = parts.borrow().as_ref() {
        stack.push(b.clone());
        stack.push(a.clone());
    }
    JsString::new_flat_with(len, |dst| {
        let mut at = 0;
        let mut put = |units: &[u16]| {
            dst[at..at + units.len()].copy_from_slice(units);
            at += units.len();
        };
        while let Some(s) = stack.pop() {
            match s.rope() {
                None => put(s.as_slice()),
                Some(body) => {
                    if let Some(flat) = body.flat.get() {
                        put(flat.as_slice());
                    } else if let Some((a, b)) = body.parts.borrow().as_ref() {
                        stack.push(b.clone());
                        stack.push(a.clone());
                    }
                }
            }
        }
        debug_assert_eq!(at, len);
    })
}

impl PartialEq for JsString {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && (Self::ptr_eq(self, other) || self.as_slice() == other.as_slice())
    }
}
impl Eq for JsString {}

impl PartialOrd for JsString {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
/// By code units, as JS `<` on strings (not by code points: `'\uFFFF' > '😀'`).
impl Ord for JsString {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl Hash for JsString {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl From<&str> for JsString {
    fn from(s: &str) -> Self {
        if s.is_ascii() {
            // One allocation, no intermediate vector.
            return Self::new_flat_with(s.len(), |dst| {
                for (d, b) in dst.iter_mut().zip(s.bytes()) {
                    *d = u16::from(b);
                }
            });
        }
        Self::from_vec(s.encode_utf16().collect())
    }
}
impl From<String> for JsString {
    fn from(s: String) -> Self {
        Self::from(s.as_str())
    }
}
impl From<&[u16]> for JsString {
    fn from(s: &[u16]) -> Self {
        Self::from_utf16(s)
    }
}

impl PartialEq<str> for JsString {
    fn eq(&self, other: &str) -> bool {
        self.as_slice().iter().copied().eq(other.encode_utf16())
    }
}
impl PartialEq<&str> for JsString {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// Lossy (U+FFFD for lone surrogates): for printing.
impl fmt::Display for JsString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in char::decode_utf16(self.as_slice().iter().copied()) {
            fmt::Write::write_char(f, c.unwrap_or(char::REPLACEMENT_CHARACTER))?;
        }
        Ok(())
    }
}
impl fmt::Debug for JsString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_std_string_lossy(), f)
    }
}

impl crate::value::gc::Finalize for JsString {}
// SAFETY: strings hold no GC pointers.
unsafe impl crate::value::gc::Trace for JsString {
    crate::value::gc::empty_trace!();
}

// ---------------------------------------------------------------------------------------------
// Atoms

/// An interned string used as a property name: equality and hashing are on the `u32` id.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Atom(u32);

struct Interner {
    ids: HashMap<JsString, u32, FxBuildHasher>,
    strings: Vec<JsString>,
}

impl Interner {
    fn new() -> Self {
        let mut i = Interner {
            ids: HashMap::with_capacity_and_hasher(1024, FxBuildHasher),
            strings: Vec::with_capacity(1024),
        };
        for s in atoms::COMMON {
            i.insert(&JsString::from(*s));
        }
        i
    }

    fn insert(&mut self, s: &JsString) -> Atom {
        if let Some(&id) = self.ids.get(s) {
            s.header().atom.set(id);
            return Atom(id);
        }
        let id = u32::try_from(self.strings.len()).expect("atom table full");
        assert!(id != NO_ATOM, "atom table full");
        // Store a flat copy: keys are hashed and compared by content.
        let stored = if s.is_flat() {
            s.clone()
        } else {
            JsString::from_utf16(s.as_slice())
        };
        stored.header().atom.set(id);
        s.header().atom.set(id);
        self.strings.push(stored.clone());
        self.ids.insert(stored, id);
        Atom(id)
    }
}

thread_local! {
    static SINGLE_ASCII: Vec<JsString> = (0u16..128).map(|u| JsString::from_utf16(&[u])).collect();
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::new());
}

impl Atom {
    /// Interns `s`. The id is cached in the string itself, so interning the same string object
    /// again (a key from `Object.keys` used in `obj[k]`, or any atom's own string) is a field
    /// read, no hashing. Known gap: atoms are never freed, so a program that creates unboundedly
    /// many distinct computed keys grows the table; a later atom GC (weak entries swept with the
    /// heap) fixes that without changing this API.
    #[inline]
    pub fn intern(s: &JsString) -> Atom {
        let cached = s.header().atom.get();
        if cached != NO_ATOM {
            return Atom(cached);
        }
        INTERNER.with(|i| i.borrow_mut().insert(s))
    }

    /// Interns a Rust string (lowering time: identifiers, literal keys).
    pub fn intern_str(s: &str) -> Atom {
        Self::intern(&JsString::from(s))
    }

    /// The atom's string (a handle clone from the table).
    pub fn to_js_string(self) -> JsString {
        INTERNER.with(|i| i.borrow().strings[self.0 as usize].clone())
    }

    /// The raw id, for dense side tables.
    #[inline]
    pub fn id(self) -> u32 {
        self.0
    }
}

impl fmt::Debug for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Atom({}: {:?})", self.0, self.to_js_string())
    }
}

macro_rules! common_atoms {
    ($($name:ident = $text:expr,)*) => {
        /// Pre-interned names with fixed ids: use these instead of `Atom::intern_str` in builtins.
        pub mod atoms {
            use super::Atom;
            /// The texts, in id order.
            pub(super) const COMMON: &[&str] = &[$($text),*];
            common_atoms!(@ids 0u32; $($name)*);
        }
    };
    (@ids $n:expr; $name:ident $($rest:ident)*) => {
        pub const $name: Atom = Atom($n);
        common_atoms!(@ids $n + 1; $($rest)*);
    };
    (@ids $n:expr;) => {};
}

common_atoms! {
    EMPTY = "",
    LENGTH = "length",
    PROTOTYPE = "prototype",
    CONSTRUCTOR = "constructor",
    NAME = "name",
    MESSAGE = "message",
    STACK = "stack",
    CAUSE = "cause",
    ERRORS = "errors",
    TO_STRING = "toString",
    VALUE_OF = "valueOf",
    TO_JSON = "toJSON",
    VALUE = "value",
    DONE = "done",
    NEXT = "next",
    RETURN = "return",
    THROW = "throw",
    THEN = "then",
    GET = "get",
    SET = "set",
    WRITABLE = "writable",
    ENUMERABLE = "enumerable",
    CONFIGURABLE = "configurable",
    CALLEE = "callee",
    CALLER = "caller",
    ARGUMENTS = "arguments",
    LAST_INDEX = "lastIndex",
    INDEX = "index",
    INPUT = "input",
    GROUPS = "groups",
    UNDEFINED = "undefined",
    NULL = "null",
    TRUE = "true",
    FALSE = "false",
    NAN = "NaN",
    INFINITY = "Infinity",
    NEG_INFINITY = "-Infinity",
    ZERO = "0",
    OBJECT = "object",
    FUNCTION = "function",
    NUMBER = "number",
    STRING = "string",
    BOOLEAN = "boolean",
    SYMBOL = "symbol",
    BIGINT = "bigint",
    DEFAULT = "default",
    ANONYMOUS = "anonymous",
    OBJECT_OBJECT = "[object Object]",
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js(s: &str) -> JsString {
        JsString::from(s)
    }

    #[test]
    fn atom_id_is_cached_in_the_string() {
        let s = js("someComputedKey");
        assert_eq!(s.header().atom.get(), NO_ATOM);
        let a = Atom::intern(&s);
        assert_eq!(s.header().atom.get(), a.id());
        assert_eq!(Atom::intern(&s), a);
        assert_eq!(Atom::intern(&js("someComputedKey")), a);
        assert_eq!(a.to_js_string().header().atom.get(), a.id());
    }

    #[test]
    fn data_offset_matches_layout() {
        assert_eq!(flat_layout(0).1, DATA_OFFSET);
        assert_eq!(flat_layout(1000).1, DATA_OFFSET);
    }

    #[test]
    fn handle_is_eight_bytes() {
        assert_eq!(size_of::<JsString>(), 8);
        assert_eq!(size_of::<Option<JsString>>(), 8);
    }

    #[test]
    fn utf16_semantics() {
        // node: '😀'.length === 2, 'é'.length === 1, '😀'.charCodeAt(0) === 55357
        assert_eq!(js("😀").len(), 2);
        assert_eq!(js("é").len(), 1);
        assert_eq!(js("😀").code_unit_at(0), Some(55357));
        assert_eq!(js("😀").code_unit_at(1), Some(56832));
        assert_eq!(js("ab").code_unit_at(2), None);
        // A lone surrogate survives; printing replaces it.
        let lone = JsString::from_utf16(&[0xD83D, 0x61]);
        assert_eq!(lone.len(), 2);
        assert!(lone.to_std_string().is_err());
        assert_eq!(lone.to_string(), "\u{FFFD}a");
        // Halves of a surrogate pair concatenated become the pair again.
        let hi = JsString::from_utf16(&[0xD83D]);
        let lo = JsString::from_utf16(&[0xDE00]);
        assert_eq!(hi.concat(&lo).unwrap().to_std_string().unwrap(), "😀");
    }

    #[test]
    fn ordering_by_code_units() {
        // node: '\uFFFF' > '😀' is true (code units, not code points); 'B' < 'a'; 'a' < 'ab'
        assert!(JsString::from_utf16(&[0xFFFF]) > js("😀"));
        assert!(js("B") < js("a"));
        assert!(js("a") < js("ab"));
        assert_eq!(js("abc"), js("abc"));
        assert_eq!(js("abc"), "abc");
    }

    #[test]
    fn rope_concat_loop_is_linear_and_flattens() {
        let piece = js("gamma7");
        let mut s = JsString::empty();
        for _ in 0..200_000 {
            s = s.concat(&piece).unwrap();
        }
        assert_eq!(s.len(), 1_200_000);
        assert_eq!(s.code_unit_at(6), Some(u16::from(b'g')));
        assert_eq!(&s.as_slice()[..12], js("gamma7gamma7").as_slice());
        // Mixed: a flattened rope used as a half of a new rope.
        let t = js("x").concat(&s).unwrap();
        assert_eq!(t.len(), 1_200_001);
        assert_eq!(t.code_unit_at(1), Some(u16::from(b'g')));
    }

    #[test]
    fn deep_rope_drops_without_recursion() {
        // 1M-deep left rope dropped unflattened, on a small stack.
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| {
                let piece = JsString::from("0123456789abcdefghijklmnopqrstuvwxyz");
                let mut s = piece.clone();
                for _ in 0..1_000_000 {
                    s = s.concat(&piece).unwrap();
                }
                let mut r = piece.clone();
                for _ in 0..1_000_000 {
                    r = piece.concat(&r).unwrap(); // right-deep too
                }
                drop(s);
                assert_eq!(r.len(), 36 * 1_000_001);
                assert_eq!(r.as_slice()[36 * 1_000_000], u16::from(b'0'));
            })
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn array_index_parsing() {
        assert_eq!(js("0").to_array_index(), Some(0));
        assert_eq!(js("42").to_array_index(), Some(42));
        assert_eq!(js("4294967294").to_array_index(), Some(4_294_967_294));
        assert_eq!(js("4294967295").to_array_index(), None);
        assert_eq!(js("01").to_array_index(), None);
        assert_eq!(js("-0").to_array_index(), None);
        assert_eq!(js("1e3").to_array_index(), None);
        assert_eq!(js("").to_array_index(), None);
        assert_eq!(js("99999999999").to_array_index(), None);
    }

    #[test]
    fn atoms_intern_to_same_id() {
        assert_eq!(Atom::intern_str("length"), atoms::LENGTH);
        assert_eq!(atoms::PROTOTYPE.to_js_string(), "prototype");
        let a = Atom::intern_str("fooBar");
        let rope = js("fooBarBazQuxfooBarBazQuxfooBarBazQux")
            .concat(&js("!"))
            .unwrap();
        let b = Atom::intern(&js("foo").concat(&js("Bar")).unwrap());
        assert_eq!(a, b);
        assert_ne!(Atom::intern(&rope), a);
        assert_eq!(JsString::empty().len(), 0);
        assert_eq!(atoms::OBJECT_OBJECT.to_js_string(), "[object Object]");
    }

    #[test]
    fn single_unit_strings_are_shared() {
        let a = JsString::from_code_unit(u16::from(b'a'));
        assert_eq!(a, "a");
        assert!(JsString::ptr_eq(
            &a,
            &JsString::from_code_unit(u16::from(b'a'))
        ));
        assert_eq!(JsString::from_code_unit(0xE9), "é");
        assert_eq!(js("héllo").len(), 5);
    }

    #[test]
    fn substring_clamps() {
        let s = js("hello world");
        assert_eq!(s.substring(6, 100), "world");
        assert_eq!(s.substring(8, 3), "");
        assert!(JsString::ptr_eq(&s.substring(0, 11), &s));
    }
}
