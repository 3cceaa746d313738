//! `Symbol`: unique property keys with an optional description, the well-known symbols, and the
//! `Symbol.for` registry.
//!
//! A symbol is an 8-byte `Rc` handle compared by identity. It holds no object references, so it
//! needs no GC. The well-known symbols and the registry are per thread (one agent per thread),
//! shared by all realms on it, as ECMA-262 requires of both.
//!
//! Not here: the `Symbol` constructor and prototype methods (builtins).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use rustc_hash::FxBuildHasher;

use super::gc::{empty_trace, Finalize, Trace};
use super::string::JsString;

/// A JS symbol value. Clone is a reference-count increment; equality is identity.
#[derive(Clone)]
pub struct Symbol(Rc<SymbolData>);

struct SymbolData {
    description: Option<JsString>,
    /// `Some` for symbols from `Symbol.for`: the registry key (`Symbol.keyFor`).
    registry_key: Option<JsString>,
    /// A class's private name (`#x`): never a property key of the ordinary kind.
    private: bool,
}

impl Symbol {
    /// `Symbol(description)`: a fresh, unique symbol.
    pub fn new(description: Option<JsString>) -> Self {
        Symbol(Rc::new(SymbolData {
            description,
            registry_key: None,
            private: false,
        }))
    }

    /// A private name (`#x` of a class), with its `#x` description.
    pub fn new_private(description: JsString) -> Self {
        Symbol(Rc::new(SymbolData {
            description: Some(description),
            registry_key: None,
            private: true,
        }))
    }

    /// Whether this is a class's private name.
    #[inline]
    pub fn is_private(&self) -> bool {
        self.0.private
    }

    /// `[[Description]]` (`undefined` when `None`).
    pub fn description(&self) -> Option<&JsString> {
        self.0.description.as_ref()
    }

    /// SymbolDescriptiveString: `"Symbol(desc)"`.
    pub fn descriptive_string(&self) -> JsString {
        // Lone surrogates in the description must survive: build from code units.
        let mut units: Vec<u16> = "Symbol(".encode_utf16().collect();
        if let Some(d) = &self.0.description {
            units.extend_from_slice(d.as_slice());
        }
        units.push(u16::from(b')'));
        JsString::from_vec(units)
    }

    /// `Symbol.for(key)`: the registered symbol for `key`, created on first use.
    pub fn for_key(key: &JsString) -> Self {
        REGISTRY.with(|r| {
            r.borrow_mut()
                .entry(key.clone())
                .or_insert_with(|| {
                    Symbol(Rc::new(SymbolData {
                        description: Some(key.clone()),
                        registry_key: Some(key.clone()),
                        private: false,
                    }))
                })
                .clone()
        })
    }

    /// `Symbol.keyFor(sym)`.
    pub fn registry_key(&self) -> Option<&JsString> {
        self.0.registry_key.as_ref()
    }

    /// A well-known symbol (`Symbol.iterator`, …).
    pub fn well_known(which: WellKnown) -> Self {
        WELL_KNOWN.with(|w| w[which as usize].clone())
    }

    /// Identity, for hashing (stable while any handle lives).
    #[inline]
    pub fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }

    /// A handle that does not keep the symbol alive (symbols as WeakMap/WeakSet keys). While
    /// it exists the symbol's allocation (hence `addr`) is not reused.
    pub fn downgrade(&self) -> WeakSymbol {
        WeakSymbol(Rc::downgrade(&self.0))
    }

    #[inline]
    pub fn ptr_eq(a: &Symbol, b: &Symbol) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

/// A non-owning symbol handle (see [`Symbol::downgrade`]).
pub struct WeakSymbol(std::rc::Weak<SymbolData>);

impl WeakSymbol {
    /// Whether the symbol is still referenced from anywhere.
    #[inline]
    pub fn is_alive(&self) -> bool {
        self.0.strong_count() > 0
    }
}

impl PartialEq for Symbol {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        Symbol::ptr_eq(self, other)
    }
}
impl Eq for Symbol {}
impl Hash for Symbol {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.addr().hash(state);
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.descriptive_string())
    }
}

impl Finalize for Symbol {}
// SAFETY: a symbol holds no GC pointers.
unsafe impl Trace for Symbol {
    empty_trace!();
}

macro_rules! well_known {
    ($($variant:ident = $desc:expr,)*) => {
        /// The well-known symbols (ECMA-262 §6.1.5.1).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum WellKnown { $($variant),* }
        const WELL_KNOWN_DESCRIPTIONS: &[&str] = &[$($desc),*];
    };
}

well_known! {
    AsyncIterator = "Symbol.asyncIterator",
    HasInstance = "Symbol.hasInstance",
    IsConcatSpreadable = "Symbol.isConcatSpreadable",
    Iterator = "Symbol.iterator",
    Match = "Symbol.match",
    MatchAll = "Symbol.matchAll",
    Replace = "Symbol.replace",
    Search = "Symbol.search",
    Species = "Symbol.species",
    Split = "Symbol.split",
    ToPrimitive = "Symbol.toPrimitive",
    ToStringTag = "Symbol.toStringTag",
    Unscopables = "Symbol.unscopables",
}

thread_local! {
    static WELL_KNOWN: Vec<Symbol> = WELL_KNOWN_DESCRIPTIONS
        .iter()
        .map(|d| Symbol::new(Some(JsString::from(*d))))
        .collect();
    static REGISTRY: RefCell<HashMap<JsString, Symbol, FxBuildHasher>> =
        const { RefCell::new(HashMap::with_hasher(FxBuildHasher)) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_and_registry() {
        let a = Symbol::new(Some("x".into()));
        let b = Symbol::new(Some("x".into()));
        assert_ne!(a, b);
        assert_eq!(a, a.clone());
        let f1 = Symbol::for_key(&"app".into());
        let f2 = Symbol::for_key(&"app".into());
        assert_eq!(f1, f2);
        assert_eq!(f1.registry_key().unwrap(), "app");
        assert!(a.registry_key().is_none());
        // node: Symbol.iterator.toString() === 'Symbol(Symbol.iterator)'; Symbol().toString() === 'Symbol()'
        assert_eq!(
            Symbol::well_known(WellKnown::Iterator).descriptive_string(),
            "Symbol(Symbol.iterator)"
        );
        assert_eq!(Symbol::new(None).descriptive_string(), "Symbol()");
        assert_eq!(
            Symbol::well_known(WellKnown::Iterator),
            Symbol::well_known(WellKnown::Iterator)
        );
        assert_eq!(size_of::<Symbol>(), 8);
    }
}
