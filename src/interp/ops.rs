//! Type conversions that may run user code (ToPrimitive and everything built on it) and the
//! binary operators, per ECMA-262 §7.1 and §13. The primitive-only halves live in the value
//! layer (`Value::to_number_primitive` …); this module adds the object cases.
//!
//! `number_binary` is the fast path the evaluator tries first when both operands are numbers;
//! `%` and the bitwise operators use integer arithmetic when the operands are exact integers
//! (the evaluation-strategy spike measured libm's `fmod` at ~20 ns here).

use super::{Interp, JsResult};
use crate::parser::ast::BinaryOp;
use crate::value::{
    atoms, number, ConversionError, JsObject, JsString, PropertyKey, Symbol, Value, WellKnown,
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Default,
    Number,
    String,
}

/// ToPrimitive(input, hint): the object's `[Symbol.toPrimitive]` method if it has one (Date,
/// Symbol wrappers, user objects), else OrdinaryToPrimitive via `valueOf`/`toString`.
pub fn to_primitive(interp: &mut Interp, v: &Value, hint: Hint) -> JsResult<Value> {
    let Value::Object(_) = v else {
        return Ok(v.clone());
    };
    let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::ToPrimitive));
    let exotic = super::props::get(interp, v, &key)?;
    if !exotic.is_nullish() {
        if !super::function::is_callable(&exotic) {
            return Err(interp.throw_type_error("Symbol.toPrimitive is not a function"));
        }
        let h = match hint {
            Hint::Default => "default",
            Hint::Number => "number",
            Hint::String => "string",
        };
        let r = interp.call(&exotic, v.clone(), &[Value::from(h)])?;
        if matches!(r, Value::Object(_)) {
            return Err(interp.throw_type_error("Cannot convert object to primitive value"));
        }
        return Ok(r);
    }
    ordinary_to_primitive(interp, v, hint)
}

/// OrdinaryToPrimitive(O, hint): `valueOf` then `toString` (the reverse for a string hint).
pub fn ordinary_to_primitive(interp: &mut Interp, v: &Value, hint: Hint) -> JsResult<Value> {
    let order = if hint == Hint::String {
        [atoms::TO_STRING, atoms::VALUE_OF]
    } else {
        [atoms::VALUE_OF, atoms::TO_STRING]
    };
    for name in order {
        let f = super::props::get(interp, v, &PropertyKey::String(name))?;
        if super::function::is_callable(&f) {
            let r = interp.call(&f, v.clone(), &[])?;
            if !matches!(r, Value::Object(_)) {
                return Ok(r);
            }
        }
    }
    Err(interp.throw_type_error("Cannot convert object to primitive value"))
}

fn conversion(interp: &mut Interp, e: ConversionError) -> super::Throw {
    match e {
        ConversionError::TypeError(m) => interp.throw_type_error(m),
        ConversionError::NeedsToPrimitive => interp.throw_type_error("unexpected object"),
    }
}

pub fn to_number(interp: &mut Interp, v: &Value) -> JsResult<f64> {
    let p = to_primitive(interp, v, Hint::Number)?;
    p.to_number_primitive().map_err(|e| conversion(interp, e))
}

pub fn to_string(interp: &mut Interp, v: &Value) -> JsResult<JsString> {
    if let Value::String(s) = v {
        return Ok(s.clone());
    }
    let p = to_primitive(interp, v, Hint::String)?;
    p.to_string_primitive().map_err(|e| conversion(interp, e))
}

pub fn to_property_key(interp: &mut Interp, v: &Value) -> JsResult<PropertyKey> {
    if let Value::Number(n) = v {
        return Ok(PropertyKey::from_number(*n));
    }
    let p = to_primitive(interp, v, Hint::String)?;
    p.to_property_key_primitive()
        .map_err(|e| conversion(interp, e))
}

pub fn to_uint32(interp: &mut Interp, v: &Value) -> JsResult<u32> {
    Ok(number::to_uint32(to_number(interp, v)?))
}

pub fn to_int32(interp: &mut Interp, v: &Value) -> JsResult<i32> {
    Ok(number::to_int32(to_number(interp, v)?))
}

pub fn to_object(interp: &mut Interp, v: &Value) -> JsResult<JsObject> {
    match v {
        Value::Object(o) => Ok(o.clone()),
        Value::Undefined | Value::Null => {
            Err(interp.throw_type_error("Cannot convert undefined or null to object"))
        }
        prim => Ok(crate::builtins::wrap_primitive(interp, prim)),
    }
}

/// Both operands numbers: the operators that need nothing else. `None` for the rest.
#[inline]
pub fn number_binary(op: BinaryOp, x: f64, y: f64) -> Option<Value> {
    use BinaryOp::*;
    Some(match op {
        Add => Value::Number(x + y),
        Sub => Value::Number(x - y),
        Mul => Value::Number(x * y),
        Div => Value::Number(x / y),
        Mod => Value::Number(modulo(x, y)),
        Exp => Value::Number(exponent(x, y)),
        Lt => Value::Bool(x < y),
        LtEq => Value::Bool(x <= y),
        Gt => Value::Bool(x > y),
        GtEq => Value::Bool(x >= y),
        StrictEq | Eq => Value::Bool(x == y),
        StrictNotEq | NotEq => Value::Bool(x != y),
        BitAnd => Value::Number((number::to_int32(x) & number::to_int32(y)) as f64),
        BitOr => Value::Number((number::to_int32(x) | number::to_int32(y)) as f64),
        BitXor => Value::Number((number::to_int32(x) ^ number::to_int32(y)) as f64),
        Shl => Value::Number(number::to_int32(x).wrapping_shl(number::to_uint32(y) & 31) as f64),
        Shr => Value::Number((number::to_int32(x) >> (number::to_uint32(y) & 31)) as f64),
        UShr => Value::Number((number::to_uint32(x) >> (number::to_uint32(y) & 31)) as f64),
        In | InstanceOf => return None,
    })
}

/// `x % y` with an integer fast path (exact for |x|, |y| < 2^53).
#[inline]
fn modulo(x: f64, y: f64) -> f64 {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    // `as u64` round trips instead of `fract()`: without SSE4.1 `trunc` is a library call.
    // (`-0 % y` is `-0`: the sign test sends it to the float path.)
    if x.is_sign_positive() && y > 0.0 && x <= SAFE && y <= SAFE {
        let (a, b) = (x as u64, y as u64);
        if a as f64 == x && b as f64 == y {
            return (a % b) as f64;
        }
    }
    x % y
}

/// `**`: as Math.pow, except that `(±1) ** ±Infinity` and `1 ** NaN` are NaN in JS.
pub fn exponent(x: f64, y: f64) -> f64 {
    if y.is_nan() || (x.abs() == 1.0 && y.is_infinite()) {
        return f64::NAN;
    }
    x.powf(y)
}

/// Any binary operator on any values.
pub fn binary(interp: &mut Interp, op: BinaryOp, l: Value, r: Value) -> JsResult<Value> {
    use BinaryOp::*;
    if let (Value::Number(x), Value::Number(y)) = (&l, &r) {
        if let Some(v) = number_binary(op, *x, *y) {
            return Ok(v);
        }
    }
    Ok(match op {
        Add => {
            let lp = to_primitive(interp, &l, Hint::Default)?;
            let rp = to_primitive(interp, &r, Hint::Default)?;
            if matches!(lp, Value::String(_)) || matches!(rp, Value::String(_)) {
                let a = to_string(interp, &lp)?;
                let b = to_string(interp, &rp)?;
                match a.concat(&b) {
                    Ok(s) => Value::String(s),
                    Err(_) => return Err(interp.throw_range_error("Invalid string length")),
                }
            } else {
                Value::Number(to_number(interp, &lp)? + to_number(interp, &rp)?)
            }
        }
        StrictEq => Value::Bool(l.strict_equals(&r)),
        StrictNotEq => Value::Bool(!l.strict_equals(&r)),
        Eq => Value::Bool(loose_equals(interp, &l, &r)?),
        NotEq => Value::Bool(!loose_equals(interp, &l, &r)?),
        Lt => Value::Bool(less_than(interp, &l, &r, true)? == Some(true)),
        Gt => Value::Bool(less_than(interp, &r, &l, false)? == Some(true)),
        LtEq => Value::Bool(less_than(interp, &r, &l, false)? == Some(false)),
        GtEq => Value::Bool(less_than(interp, &l, &r, true)? == Some(false)),
        InstanceOf => Value::Bool(crate::builtins::function::instance_of(interp, &l, &r)?),
        In => {
            let Value::Object(_) = &r else {
                return Err(interp.throw_type_error(
                    "Cannot use 'in' operator to search for a key in a non-object",
                ));
            };
            let key = to_property_key(interp, &l)?;
            Value::Bool(super::props::has_property(interp, &r, &key)?)
        }
        _ => {
            let x = to_number(interp, &l)?;
            let y = to_number(interp, &r)?;
            number_binary(op, x, y).expect("numeric operator")
        }
    })
}

/// IsLessThan(x, y, LeftFirst): `None` is undefined (a NaN was involved).
fn less_than(
    interp: &mut Interp,
    x: &Value,
    y: &Value,
    left_first: bool,
) -> JsResult<Option<bool>> {
    let (px, py) = if left_first {
        let px = to_primitive(interp, x, Hint::Number)?;
        (px, to_primitive(interp, y, Hint::Number)?)
    } else {
        let py = to_primitive(interp, y, Hint::Number)?;
        (to_primitive(interp, x, Hint::Number)?, py)
    };
    if let (Value::String(a), Value::String(b)) = (&px, &py) {
        return Ok(Some(a.as_slice() < b.as_slice()));
    }
    let nx = to_number(interp, &px)?;
    let ny = to_number(interp, &py)?;
    if nx.is_nan() || ny.is_nan() {
        return Ok(None);
    }
    Ok(Some(nx < ny))
}

/// IsLooselyEqual (`==`).
pub fn loose_equals(interp: &mut Interp, x: &Value, y: &Value) -> JsResult<bool> {
    if let Some(b) = x.loose_equals_primitive(y) {
        return Ok(b);
    }
    match (x, y) {
        (Value::Object(a), Value::Object(b)) => Ok(JsObject::ptr_eq(a, b)),
        (Value::Object(_), Value::Undefined | Value::Null)
        | (Value::Undefined | Value::Null, Value::Object(_)) => Ok(false),
        (Value::Object(_), _) => {
            let p = to_primitive(interp, x, Hint::Default)?;
            loose_equals(interp, &p, y)
        }
        (_, Value::Object(_)) => {
            let p = to_primitive(interp, y, Hint::Default)?;
            loose_equals(interp, x, &p)
        }
        _ => Ok(false),
    }
}
