//! `Symbol` (ECMA-262 §20.4): the constructor (callable, but `new Symbol()` throws),
//! `Symbol.for`/`Symbol.keyFor`, the well-known symbols as non-writable, non-configurable
//! properties, and `Symbol.prototype` (`toString`, `valueOf`, the `description` getter,
//! `[Symbol.toPrimitive]`, `[Symbol.toStringTag]`).
//!
//! The symbol values, the registry and the well-known symbols themselves live in
//! `value::symbol`. Not here: symbols as WeakMap keys (test262 feature
//! `symbols-as-weakmap-keys`, excluded).

use super::{arg, constructor, getter, method, native, to_string_tag};
use crate::interp::{ops, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property};
use crate::value::{Atom, PropertyKey, Symbol, Value, WellKnown};

fn symbol_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    if interp.new_target.take().is_some() {
        return Err(interp.throw_type_error("Symbol is not a constructor"));
    }
    let desc = match arg(args, 0) {
        Value::Undefined => None,
        v => Some(ops::to_string(interp, &v)?),
    };
    Ok(Value::Symbol(Symbol::new(desc)))
}

/// thisSymbolValue(value).
fn this_symbol(interp: &mut Interp, this: &Value, what: &str) -> JsResult<Symbol> {
    match this {
        Value::Symbol(s) => return Ok(s.clone()),
        Value::Object(o) => {
            if let ObjectKind::Symbol(s) = &o.borrow().kind {
                return Ok(s.clone());
            }
        }
        _ => {}
    }
    Err(interp.throw_type_error(&format!("{what} requires that 'this' be a Symbol")))
}

fn symbol_for(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let key = ops::to_string(interp, &arg(args, 0))?;
    Ok(Value::Symbol(Symbol::for_key(&key)))
}

fn key_for(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    match arg(args, 0) {
        Value::Symbol(s) => Ok(s
            .registry_key()
            .map_or(Value::Undefined, |k| Value::String(k.clone()))),
        v => {
            let s = match &v {
                Value::String(s) => s.to_string(),
                other => super::console::inspect_short(other),
            };
            Err(interp.throw_type_error(&format!("{s} is not a symbol")))
        }
    }
}

fn to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_symbol(interp, this, "Symbol.prototype.toString")?;
    Ok(Value::String(s.descriptive_string()))
}

fn value_of(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Symbol(this_symbol(
        interp,
        this,
        "Symbol.prototype.valueOf",
    )?))
}

fn description(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let s = this_symbol(interp, this, "Symbol.prototype.description")?;
    Ok(s.description()
        .map_or(Value::Undefined, |d| Value::String(d.clone())))
}

fn to_primitive(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Symbol(this_symbol(
        interp,
        this,
        "Symbol.prototype [ @@toPrimitive ]",
    )?))
}

pub fn install(interp: &mut Interp) {
    let proto = interp.intrinsics.symbol_proto.clone();
    let ctor = constructor(interp, "Symbol", 0, symbol_ctor, &proto);
    method(interp, &ctor, "for", 1, symbol_for);
    method(interp, &ctor, "keyFor", 1, key_for);
    for (name, wk) in [
        ("asyncIterator", WellKnown::AsyncIterator),
        ("hasInstance", WellKnown::HasInstance),
        ("isConcatSpreadable", WellKnown::IsConcatSpreadable),
        ("iterator", WellKnown::Iterator),
        ("match", WellKnown::Match),
        ("matchAll", WellKnown::MatchAll),
        ("replace", WellKnown::Replace),
        ("search", WellKnown::Search),
        ("species", WellKnown::Species),
        ("split", WellKnown::Split),
        ("toPrimitive", WellKnown::ToPrimitive),
        ("toStringTag", WellKnown::ToStringTag),
        ("unscopables", WellKnown::Unscopables),
    ] {
        ctor.borrow_mut().properties.insert(
            PropertyKey::String(Atom::intern_str(name)),
            Property::data(Value::Symbol(Symbol::well_known(wk)), Attributes::NONE),
        );
    }
    method(interp, &proto, "toString", 0, to_string);
    method(interp, &proto, "valueOf", 0, value_of);
    getter(
        interp,
        &proto,
        PropertyKey::from_str_key("description"),
        "description",
        description,
    );
    // [Symbol.toPrimitive]: non-writable, configurable (§20.4.3.5).
    let tp = native(interp, "[Symbol.toPrimitive]", 1, to_primitive, false);
    proto.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::ToPrimitive)),
        Property::data(Value::Object(tp), Attributes::CONFIGURABLE),
    );
    to_string_tag(&proto, "Symbol");
}
