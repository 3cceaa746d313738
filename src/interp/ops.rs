//! Type conversions that may run user code (ToPrimitive and everything built on it) and the
//! binary operators, per ECMA-262 §7.1 and §13. The primitive-only halves live in the value
//! layer (`Value::to_number_primitive` …); this module adds the object cases.
//!
//! `number_binary` is the fast path the evaluator tries first when both operands are numbers;
//! `%` and the bitwise operators use integer arithmetic when the operands are exact integers
//! (the evaluation-strategy spike measured libm's `fmod` at ~20 ns here).

use super::{Interp, JsResult};
use crate::parser::ast::{BinaryOp, UpdateOp};
use crate::value::bigint::BigIntResult;
use crate::value::{
    atoms, number, ConversionError, JsBigInt, JsObject, JsString, PropertyKey, Symbol, Value,
    WellKnown,
};
use std::cmp::Ordering;

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

/// ToNumeric (§7.1.3): a Number or a BigInt value.
pub fn to_numeric(interp: &mut Interp, v: &Value) -> JsResult<Value> {
    let p = to_primitive(interp, v, Hint::Number)?;
    if let Value::BigInt(_) = p {
        return Ok(p);
    }
    p.to_number_primitive()
        .map(Value::Number)
        .map_err(|e| conversion(interp, e))
}

/// ToBigInt (§7.1.13).
pub fn to_bigint(interp: &mut Interp, v: &Value) -> JsResult<JsBigInt> {
    let p = to_primitive(interp, v, Hint::Number)?;
    match &p {
        Value::BigInt(b) => Ok(b.clone()),
        Value::Bool(b) => Ok(JsBigInt::from_i64(i64::from(*b))),
        Value::String(s) => match JsBigInt::from_string(s.as_slice()) {
            Some(b) => Ok(b),
            None => {
                let proto = interp.intrinsics.syntax_error_proto.clone();
                Err(interp.throw_error(proto, &format!("Cannot convert {s} to a BigInt")))
            }
        },
        Value::Number(n) => {
            let s = number::to_rust_string(*n);
            Err(interp.throw_type_error(&format!("Cannot convert {s} to a BigInt")))
        }
        Value::Undefined | Value::Null => {
            let s = if p.is_undefined() {
                "undefined"
            } else {
                "null"
            };
            Err(interp.throw_type_error(&format!("Cannot convert {s} to a BigInt")))
        }
        Value::Symbol(_) => {
            Err(interp.throw_type_error("Cannot convert a Symbol value to a BigInt"))
        }
        Value::Object(_) => Err(interp.throw_type_error("Cannot convert object to a BigInt")),
    }
}

/// `++`/`--` on an old value (§13.4): ToNumeric, then add or subtract one of the same type.
/// Returns (new value, old numeric value).
pub fn update(interp: &mut Interp, op: UpdateOp, old: &Value) -> JsResult<(Value, Value)> {
    let old = match old {
        Value::Number(n) => Value::Number(*n),
        v => to_numeric(interp, v)?,
    };
    let new = match &old {
        Value::BigInt(b) => {
            let r = match op {
                UpdateOp::Inc => b.inc(),
                UpdateOp::Dec => b.dec(),
            };
            Value::BigInt(bigint_result(interp, r)?)
        }
        Value::Number(n) => Value::Number(match op {
            UpdateOp::Inc => n + 1.0,
            UpdateOp::Dec => n - 1.0,
        }),
        _ => unreachable!("ToNumeric returns a Number or a BigInt"),
    };
    Ok((new, old))
}

fn bigint_result(interp: &mut Interp, r: BigIntResult) -> JsResult<JsBigInt> {
    r.map_err(|e| crate::builtins::bigint::range_error(interp, e))
}

/// Unary `-` (§13.5.4).
pub fn negate(interp: &mut Interp, v: &Value) -> JsResult<Value> {
    Ok(match to_numeric(interp, v)? {
        Value::BigInt(b) => Value::BigInt(b.neg()),
        n => Value::Number(-n.as_number().unwrap_or(f64::NAN)),
    })
}

/// Unary `~` (§13.5.6).
pub fn bitwise_not(interp: &mut Interp, v: &Value) -> JsResult<Value> {
    Ok(match to_numeric(interp, v)? {
        Value::BigInt(b) => Value::BigInt(b.not()),
        n => Value::Number(!number::to_int32(n.as_number().unwrap_or(f64::NAN)) as f64),
    })
}

/// The `BigInt::` operation for a numeric binary operator (both operands BigInts).
fn bigint_binary(interp: &mut Interp, op: BinaryOp, x: &JsBigInt, y: &JsBigInt) -> JsResult<Value> {
    use BinaryOp::*;
    let r = match op {
        Add => x.add(y),
        Sub => x.sub(y),
        Mul => x.mul(y),
        Div => x.div(y),
        Mod => x.rem(y),
        Exp => x.pow(y),
        Shl => x.shl(y),
        Shr => x.shr(y),
        BitAnd => Ok(x.bitand(y)),
        BitOr => Ok(x.bitor(y)),
        BitXor => Ok(x.bitxor(y)),
        UShr => {
            return Err(
                interp.throw_type_error("BigInts have no unsigned right shift, use >> instead")
            )
        }
        _ => unreachable!("not a numeric operator"),
    };
    bigint_result(interp, r).map(Value::BigInt)
}

/// ApplyStringOrNumericBinaryOperator's numeric half, after ToNumeric of both operands.
fn numeric_binary(interp: &mut Interp, op: BinaryOp, l: &Value, r: &Value) -> JsResult<Value> {
    match (l, r) {
        (Value::Number(x), Value::Number(y)) => {
            Ok(number_binary(op, *x, *y).expect("numeric operator"))
        }
        (Value::BigInt(x), Value::BigInt(y)) => bigint_binary(interp, op, x, y),
        _ => {
            Err(interp
                .throw_type_error("Cannot mix BigInt and other types, use explicit conversions"))
        }
    }
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
/// Inlined into the evaluator's arms: a call returning `Option<Value>` through memory cost
/// about as much as the operation.
#[inline(always)]
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
        BitAnd => Value::Number((int32(x) & int32(y)) as f64),
        BitOr => Value::Number((int32(x) | int32(y)) as f64),
        BitXor => Value::Number((int32(x) ^ int32(y)) as f64),
        Shl => Value::Number(int32(x).wrapping_shl(uint32(y) & 31) as f64),
        Shr => Value::Number((int32(x) >> (uint32(y) & 31)) as f64),
        UShr => Value::Number((uint32(x) >> (uint32(y) & 31)) as f64),
        In | InstanceOf => return None,
    })
}

/// Both operands numbers, a comparison: its truth value without building a `Value` (the
/// tests of `if`, loops and `?:`). `None` for the other operators.
#[inline(always)]
pub fn number_compare(op: BinaryOp, x: f64, y: f64) -> Option<bool> {
    use BinaryOp::*;
    Some(match op {
        Lt => x < y,
        LtEq => x <= y,
        Gt => x > y,
        GtEq => x >= y,
        StrictEq | Eq => x == y,
        StrictNotEq | NotEq => x != y,
        _ => return None,
    })
}

/// ToInt32 for the operators: on x86-64 the hardware truncation (out of range and NaN give
/// `i32::MIN`, which the round trip rejects unless `x` is exactly -2^31) instead of Rust's
/// saturating `as`, whose clamping doubles the fast path's length.
#[inline(always)]
fn int32(x: f64) -> i32 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use std::arch::x86_64::{_mm_cvttsd_si32, _mm_set_sd};
        // SAFETY: SSE2 is enabled (the cfg), and these intrinsics touch no memory.
        let i = unsafe { _mm_cvttsd_si32(_mm_set_sd(x)) };
        if f64::from(i) == x {
            return i;
        }
    }
    number::to_int32(x)
}

/// ToUint32 for the operators (see `int32`): a 64-bit truncation (out of range and NaN give
/// `i64::MIN`) whose low 32 bits must round-trip.
#[inline(always)]
fn uint32(x: f64) -> u32 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use std::arch::x86_64::{_mm_cvttsd_si64, _mm_set_sd};
        // SAFETY: SSE2 is enabled (the cfg), and these intrinsics touch no memory.
        let i = unsafe { _mm_cvttsd_si64(_mm_set_sd(x)) } as u32;
        if f64::from(i) == x {
            return i;
        }
    }
    number::to_uint32(x)
}

/// `x % y` with an integer fast path (exact for |x|, |y| < 2^53).
#[inline(always)]
fn modulo(x: f64, y: f64) -> f64 {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    // Integer round trips instead of `fract()`: without SSE4.1 `trunc` is a library call.
    // (`-0 % y` is `-0`: the sign test sends it to the float path.)
    if x.is_sign_positive() && y > 0.0 && x <= SAFE && y <= SAFE {
        // SAFETY: 0 <= x, y <= 2^53 - 1 (NaN fails the comparisons), so both truncations are
        // in i64's range: the unchecked conversion is one instruction where `as` saturates.
        let (a, b) = unsafe { (x.to_int_unchecked::<i64>(), y.to_int_unchecked::<i64>()) };
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
            // String + string / string + integer (`'k' + i`): no ToPrimitive calls.
            match (&l, &r) {
                (Value::String(a), Value::String(b)) => {
                    return match a.concat(b) {
                        Ok(s) => Ok(Value::String(s)),
                        Err(_) => Err(interp.throw_range_error("Invalid string length")),
                    };
                }
                (Value::String(a), Value::Number(n)) => {
                    if let Some(s) = a.concat_int(*n, false) {
                        return Ok(Value::String(s));
                    }
                }
                (Value::Number(n), Value::String(b)) => {
                    if let Some(s) = b.concat_int(*n, true) {
                        return Ok(Value::String(s));
                    }
                }
                _ => {}
            }
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
                let ln = to_numeric(interp, &lp)?;
                let rn = to_numeric(interp, &rp)?;
                numeric_binary(interp, Add, &ln, &rn)?
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
            let x = to_numeric(interp, &l)?;
            let y = to_numeric(interp, &r)?;
            numeric_binary(interp, op, &x, &y)?
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
    match (&px, &py) {
        (Value::String(a), Value::String(b)) => return Ok(Some(a.as_slice() < b.as_slice())),
        (Value::BigInt(a), Value::String(b)) => {
            return Ok(JsBigInt::from_string(b.as_slice()).map(|b| *a < b))
        }
        (Value::String(a), Value::BigInt(b)) => {
            return Ok(JsBigInt::from_string(a.as_slice()).map(|a| a < *b))
        }
        _ => {}
    }
    let nx = to_numeric(interp, &px)?;
    let ny = to_numeric(interp, &py)?;
    Ok(match (&nx, &ny) {
        (Value::BigInt(a), Value::BigInt(b)) => Some(a < b),
        (Value::BigInt(a), Value::Number(n)) => a.compare_f64(*n).map(|o| o == Ordering::Less),
        (Value::Number(n), Value::BigInt(b)) => b.compare_f64(*n).map(|o| o == Ordering::Greater),
        (Value::Number(x), Value::Number(y)) => {
            if x.is_nan() || y.is_nan() {
                None
            } else {
                Some(x < y)
            }
        }
        _ => unreachable!("ToNumeric returns a Number or a BigInt"),
    })
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
