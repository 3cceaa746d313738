//! The storage of a `WeakMap`/`WeakSet` (ECMA-262 §24.3, §24.4): keys are the values for which
//! CanBeHeldWeakly is true — objects, and symbols not from the `Symbol.for` registry
//! (ES2023 symbols-as-weakmap-keys).
//!
//! Object keys live in the collector's ephemeron map (`gc::WeakMap`). Symbols are `Rc` handles
//! outside the GC heap, so symbol keys live in a side table keyed by the symbol's address and
//! holding a `WeakSymbol`: the entry's value is traced only while the symbol is alive, and dead
//! entries are dropped when the table grows. A symbol reachable only through its own entry's
//! value stays alive (the `Rc` count does not see GC reachability): a leak that no JS program
//! can observe, since tidejs has no `WeakRef`/`FinalizationRegistry`.
//!
//! Not here: the CanBeHeldWeakly check and the builtins' algorithms (`builtins::map_set`).

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::gc::{custom_trace, Finalize, GcRefCell, Trace, WeakMap};
use super::object::{JsObject, ObjectData};
use super::symbol::{Symbol, WeakSymbol};
use super::Value;

/// A key that can be held weakly.
#[derive(Clone, Copy)]
pub enum WeakKey<'a> {
    Object(&'a JsObject),
    Symbol(&'a Symbol),
}

/// The entries of one WeakMap (a WeakSet maps its members to `undefined`).
#[derive(Default)]
pub struct WeakTable {
    objects: WeakMap<GcRefCell<ObjectData>, Value>,
    symbols: HashMap<usize, (WeakSymbol, Value), FxBuildHasher>,
    /// Symbol-table size at which dead entries are next swept out.
    sweep_at: usize,
}

impl WeakTable {
    pub fn get(&self, key: WeakKey<'_>) -> Option<Value> {
        match key {
            WeakKey::Object(o) => self.objects.get(o.as_gc()),
            // A live symbol's address cannot belong to a dead entry: the entry's `WeakSymbol`
            // keeps that allocation from being reused.
            WeakKey::Symbol(s) => self.symbols.get(&s.addr()).map(|(_, v)| v.clone()),
        }
    }

    pub fn contains(&self, key: WeakKey<'_>) -> bool {
        match key {
            WeakKey::Object(o) => self.objects.contains_key(o.as_gc()),
            WeakKey::Symbol(s) => self.symbols.contains_key(&s.addr()),
        }
    }

    pub fn insert(&mut self, key: WeakKey<'_>, value: Value) {
        match key {
            WeakKey::Object(o) => self.objects.insert(o.as_gc(), value),
            WeakKey::Symbol(s) => {
                if self.symbols.len() >= self.sweep_at {
                    self.symbols.retain(|_, (k, _)| k.is_alive());
                    self.sweep_at = (self.symbols.len() * 2).max(16);
                }
                self.symbols.insert(s.addr(), (s.downgrade(), value));
            }
        }
    }

    pub fn remove(&mut self, key: WeakKey<'_>) -> bool {
        match key {
            WeakKey::Object(o) => self.objects.remove(o.as_gc()),
            WeakKey::Symbol(s) => self.symbols.remove(&s.addr()).is_some(),
        }
    }
}

impl Finalize for WeakTable {}
// SAFETY: marks the ephemeron map and the value of every entry whose symbol is alive (the only
// GC pointers held here).
unsafe impl Trace for WeakTable {
    custom_trace!(this, mark, {
        mark(&this.objects);
        for (k, v) in this.symbols.values() {
            if k.is_alive() {
                mark(v);
            }
        }
    });
}
