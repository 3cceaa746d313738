//! `Math`: the functions snippets and the cpu benchmarks use, each per ECMA-262 §21.3.
//!
//! Not yet: the rest of the surface (hypot, cbrt, log2, the hyperbolics, fround, clz32, imul).

use super::{arg, global_value, method};
use crate::interp::{ops, Interp, JsResult};
use crate::value::property::{Attributes, Property};
use crate::value::{Atom, JsObject, PropertyKey, Value};

fn num(interp: &mut Interp, args: &[Value], i: usize) -> JsResult<f64> {
    ops::to_number(interp, &arg(args, i))
}

macro_rules! unary {
    ($name:ident, $f:expr) => {
        fn $name(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
            let x = num(interp, args, 0)?;
            let f: fn(f64) -> f64 = $f;
            Ok(Value::Number(f(x)))
        }
    };
}

unary!(floor, f64::floor);
unary!(ceil, f64::ceil);
unary!(abs, f64::abs);
unary!(sqrt, f64::sqrt);
unary!(trunc, f64::trunc);
unary!(sin, f64::sin);
unary!(cos, f64::cos);
unary!(log, f64::ln);
unary!(exp, f64::exp);
// Math.round rounds half up (towards +Infinity), unlike f64::round; -0 stays -0.
unary!(round, |x: f64| {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        x
    } else if (-0.5..0.0).contains(&x) {
        -0.0
    } else {
        (x + 0.5).floor()
    }
});
unary!(sign, |x: f64| if x.is_nan() || x == 0.0 {
    x
} else {
    x.signum()
});

fn pow(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let x = num(interp, args, 0)?;
    let y = num(interp, args, 1)?;
    Ok(Value::Number(ops::exponent(x, y)))
}

fn max(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let mut m = f64::NEG_INFINITY;
    for i in 0..args.len() {
        let x = num(interp, args, i)?;
        if x.is_nan() || m.is_nan() {
            m = f64::NAN;
        } else if x > m || (x == 0.0 && m == 0.0 && m.is_sign_negative()) {
            m = x;
        }
    }
    Ok(Value::Number(m))
}

fn min(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let mut m = f64::INFINITY;
    for i in 0..args.len() {
        let x = num(interp, args, i)?;
        if x.is_nan() || m.is_nan() {
            m = f64::NAN;
        } else if x < m || (x == 0.0 && m == 0.0 && x.is_sign_negative()) {
            m = x;
        }
    }
    Ok(Value::Number(m))
}

pub fn install(interp: &mut Interp) {
    let math = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    for (name, f) in [
        ("floor", floor as crate::interp::function::NativeFn),
        ("ceil", ceil),
        ("abs", abs),
        ("sqrt", sqrt),
        ("trunc", trunc),
        ("round", round),
        ("sign", sign),
        ("sin", sin),
        ("cos", cos),
        ("log", log),
        ("exp", exp),
    ] {
        method(interp, &math, name, 1, f);
    }
    method(interp, &math, "pow", 2, pow);
    method(interp, &math, "max", 2, max);
    method(interp, &math, "min", 2, min);
    for (name, v) in [
        ("PI", std::f64::consts::PI),
        ("E", std::f64::consts::E),
        ("LN2", std::f64::consts::LN_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ] {
        math.borrow_mut().properties.insert(
            PropertyKey::String(Atom::intern_str(name)),
            Property::data(Value::Number(v), Attributes::NONE),
        );
    }
    global_value(interp, "Math", Value::Object(math));
}
