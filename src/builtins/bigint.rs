//! `BigInt` (ECMA-262 §21.2): the constructor (callable only: `new BigInt` throws), ToBigInt and
//! NumberToBigInt, `BigInt.asIntN`/`asUintN`, and `BigInt.prototype` (`toString(radix)`,
//! `toLocaleString`, `valueOf`, `[Symbol.toStringTag]`).
//!
//! The integer operations live in `value::bigint`; the operators in `interp::ops`. Not here:
//! ECMA-402: `toLocaleString` ignores its arguments and groups digits as node's en-US does.

use super::{arg, constructor, method, to_string_tag};
use crate::interp::ops::{self, Hint};
use crate::interp::{Interp, JsResult};
use crate::value::bigint::{BigIntError, JsBigInt};
use crate::value::object::ObjectKind;
use crate::value::Value;

/// `BigInt(value)` (§21.2.1.1).
fn bigint_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    if interp.new_target.take().is_some() {
        return Err(interp.throw_type_error("BigInt is not a constructor"));
    }
    let prim = ops::to_primitive(interp, &arg(args, 0), Hint::Number)?;
    if let Value::Number(n) = prim {
        return number_to_bigint(interp, n).map(Value::BigInt);
    }
    ops::to_bigint(interp, &prim).map(Value::BigInt)
}

/// NumberToBigInt (§21.2.1.1.1): a RangeError unless `n` is an integer.
pub fn number_to_bigint(interp: &mut Interp, n: f64) -> JsResult<JsBigInt> {
    match JsBigInt::from_f64(n) {
        Some(b) => Ok(b),
        None => {
            let s = crate::value::number::to_rust_string(n);
            Err(interp.throw_range_error(&format!(
                "The number {s} cannot be converted to a BigInt because it is not an integer"
            )))
        }
    }
}

/// Throw the RangeError a BigInt operation reports.
pub fn range_error(interp: &mut Interp, e: BigIntError) -> crate::interp::Throw {
    interp.throw_range_error(e.message())
}

/// ToIndex (§7.1.22) for `bits`: an integer in 0..=2^53-1, else a RangeError.
fn to_index(interp: &mut Interp, v: &Value) -> JsResult<u64> {
    let n = ops::to_number(interp, v)?;
    let i = crate::value::number::to_integer_or_infinity(n);
    if !(0.0..=9_007_199_254_740_991.0).contains(&i) {
        return Err(interp.throw_range_error("Invalid value: not (convertible to) a safe integer"));
    }
    Ok(i as u64)
}

fn as_int_n(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let bits = to_index(interp, &arg(args, 0))?;
    let b = ops::to_bigint(interp, &arg(args, 1))?;
    b.as_int_n(bits)
        .map(Value::BigInt)
        .map_err(|e| range_error(interp, e))
}

fn as_uint_n(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let bits = to_index(interp, &arg(args, 0))?;
    let b = ops::to_bigint(interp, &arg(args, 1))?;
    b.as_uint_n(bits)
        .map(Value::BigInt)
        .map_err(|e| range_error(interp, e))
}

/// thisBigIntValue(value) (§21.2.3.4.1).
fn this_bigint(interp: &mut Interp, this: &Value, what: &str) -> JsResult<JsBigInt> {
    match this {
        Value::BigInt(b) => return Ok(b.clone()),
        Value::Object(o) => {
            if let ObjectKind::BigInt(b) = &o.borrow().kind {
                return Ok(b.clone());
            }
        }
        _ => {}
    }
    Err(interp.throw_type_error(&format!("{what} requires that 'this' be a BigInt")))
}

/// `BigInt.prototype.toString([radix])` (§21.2.3.3).
fn to_string(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let b = this_bigint(interp, this, "BigInt.prototype.toString")?;
    let radix = match arg(args, 0) {
        Value::Undefined => 10.0,
        v => crate::value::number::to_integer_or_infinity(ops::to_number(interp, &v)?),
    };
    if !(2.0..=36.0).contains(&radix) {
        return Err(interp.throw_range_error("toString() radix argument must be between 2 and 36"));
    }
    Ok(Value::from(b.to_string_radix(radix as u32).as_str()))
}

/// `BigInt.prototype.toLocaleString()`: node (ICU, en-US) groups the digits by thousands.
/// Without ECMA-402 the arguments are ignored and the en-US grouping is used.
fn to_locale_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let b = this_bigint(interp, this, "BigInt.prototype.toLocaleString")?;
    let digits = b.to_string_radix(10);
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", digits.as_str()),
    };
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    Ok(Value::from(out.as_str()))
}

fn value_of(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    this_bigint(interp, this, "BigInt.prototype.valueOf").map(Value::BigInt)
}

pub fn install(interp: &mut Interp) {
    let proto = interp.intrinsics.bigint_proto.clone();
    let ctor = constructor(interp, "BigInt", 1, bigint_ctor, &proto);
    // node's property order (asUintN first).
    method(interp, &ctor, "asUintN", 2, as_uint_n);
    method(interp, &ctor, "asIntN", 2, as_int_n);
    method(interp, &proto, "toLocaleString", 0, to_locale_string);
    method(interp, &proto, "toString", 0, to_string);
    method(interp, &proto, "valueOf", 0, value_of);
    to_string_tag(&proto, "BigInt");
}
