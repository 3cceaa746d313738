//! `Math` (ECMA-262 §21.3): every function and constant of ES2023, `[Symbol.toStringTag]`.
//! The transcendental functions are the platform libm's (as V8's fdlibm port, correctly
//! rounded in the special cases the spec fixes); `round`, `hypot`, `asinh`/`acosh` are written
//! out here because the textbook formulas lose exactness or overflow. `Math.random` is
//! xorshift128+ seeded from the host clock.
//!
//! Not here: `Math.sumPrecise` and `Math.f16round` (later editions).

use super::{arg, global_value, method};
use crate::interp::{ops, Interp, JsResult};
use crate::value::property::{Attributes, Property};
use crate::value::{number, Atom, JsObject, PropertyKey, Value};

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
unary!(tan, f64::tan);
unary!(asin, f64::asin);
unary!(acos, f64::acos);
unary!(atan, f64::atan);
unary!(sinh, f64::sinh);
unary!(cosh, f64::cosh);
unary!(tanh, f64::tanh);
unary!(asinh, asinh_impl);
unary!(acosh, acosh_impl);
unary!(atanh, f64::atanh);
unary!(log, f64::ln);
unary!(log2, f64::log2);
unary!(log10, f64::log10);
unary!(log1p, f64::ln_1p);
unary!(exp, f64::exp);
unary!(expm1, f64::exp_m1);
unary!(cbrt, f64::cbrt);
unary!(fround, |x: f64| x as f32 as f64);
unary!(round, round_impl);
unary!(sign, |x: f64| if x.is_nan() || x == 0.0 {
    x
} else {
    x.signum()
});

/// Math.round: the integer closest to x, halves rounded towards +Infinity; -0 and x in
/// [-0.5, -0) give -0. Computed from floor so that 0.49999999999999994 and values at and past
/// 2^52 (no fraction) are exact, which `(x + 0.5).floor()` is not.
fn round_impl(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if (-0.5..0.0).contains(&x) {
        return -0.0;
    }
    let f = x.floor();
    if x - f >= 0.5 {
        f + 1.0
    } else {
        f
    }
}

/// asinh without the overflow of the textbook formula for huge |x|; keeps -0.
fn asinh_impl(x: f64) -> f64 {
    let a = x.abs();
    if !a.is_finite() || a == 0.0 {
        return x;
    }
    let r = if a > 268_435_456.0 {
        a.ln() + std::f64::consts::LN_2
    } else if a > 2.0 {
        (2.0 * a + 1.0 / ((a * a + 1.0).sqrt() + a)).ln()
    } else {
        let t = a * a;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    r.copysign(x)
}

/// acosh: NaN below 1, no overflow for huge x.
fn acosh_impl(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        f64::NAN
    } else if x == 1.0 {
        0.0
    } else if x > 268_435_456.0 {
        if x.is_infinite() {
            x
        } else {
            x.ln() + std::f64::consts::LN_2
        }
    } else if x > 2.0 {
        (2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

fn atan2(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let y = num(interp, args, 0)?;
    let x = num(interp, args, 1)?;
    Ok(Value::Number(y.atan2(x)))
}

fn clz32(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let x = ops::to_number(interp, &arg(args, 0))?;
    Ok(Value::Number(number::to_uint32(x).leading_zeros() as f64))
}

fn imul(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let a = number::to_uint32(num(interp, args, 0)?);
    let b = number::to_uint32(num(interp, args, 1)?);
    Ok(Value::Number(a.wrapping_mul(b) as i32 as f64))
}

/// Math.hypot: every argument is coerced first; any infinity wins over NaN; the sum of squares
/// is scaled by the largest magnitude so it neither overflows nor underflows.
fn hypot(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let mut xs = Vec::with_capacity(args.len());
    for i in 0..args.len() {
        xs.push(num(interp, args, i)?);
    }
    if xs.iter().any(|x| x.is_infinite()) {
        return Ok(Value::Number(f64::INFINITY));
    }
    if xs.iter().any(|x| x.is_nan()) {
        return Ok(Value::Number(f64::NAN));
    }
    let max = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return Ok(Value::Number(0.0));
    }
    // Kahan summation of the scaled squares.
    let (mut sum, mut comp) = (0.0f64, 0.0f64);
    for x in &xs {
        let r = x / max;
        let y = r * r - comp;
        let t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    }
    Ok(Value::Number(sum.sqrt() * max))
}

thread_local! {
    /// xorshift128+ state for Math.random, seeded from the host clock at install.
    static RNG: std::cell::Cell<[u64; 2]> = const { std::cell::Cell::new([0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9]) };
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn random(_: &mut Interp, _: &Value, _: &[Value]) -> JsResult<Value> {
    let x = RNG.with(|r| {
        let [mut s1, s0] = r.get();
        let result = s0.wrapping_add(s1);
        s1 ^= s1 << 23;
        s1 ^= s1 >> 17;
        s1 ^= s0 ^ (s0 >> 26);
        r.set([s0, s1]);
        result
    });
    // 53 random bits → [0, 1).
    Ok(Value::Number((x >> 11) as f64 / (1u64 << 53) as f64))
}

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
    let seed = interp.host.now_ms().to_bits() ^ (interp as *const Interp as u64);
    let a = splitmix(seed);
    RNG.with(|r| r.set([a | 1, splitmix(a)]));
    let math = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    for (name, f) in [
        ("abs", abs as crate::interp::function::NativeFn),
        ("acos", acos),
        ("acosh", acosh),
        ("asin", asin),
        ("asinh", asinh),
        ("atan", atan),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("ceil", ceil),
        ("clz32", clz32),
        ("cos", cos),
        ("cosh", cosh),
        ("exp", exp),
        ("expm1", expm1),
        ("floor", floor),
        ("fround", fround),
        ("log", log),
        ("log1p", log1p),
        ("log10", log10),
        ("log2", log2),
        ("round", round),
        ("sign", sign),
        ("sin", sin),
        ("sinh", sinh),
        ("sqrt", sqrt),
        ("tan", tan),
        ("tanh", tanh),
        ("trunc", trunc),
    ] {
        method(interp, &math, name, 1, f);
    }
    method(interp, &math, "atan2", 2, atan2);
    method(interp, &math, "hypot", 2, hypot);
    method(interp, &math, "imul", 2, imul);
    method(interp, &math, "max", 2, max);
    method(interp, &math, "min", 2, min);
    method(interp, &math, "pow", 2, pow);
    method(interp, &math, "random", 0, random);
    for (name, v) in [
        ("E", std::f64::consts::E),
        ("LN10", std::f64::consts::LN_10),
        ("LN2", std::f64::consts::LN_2),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("PI", std::f64::consts::PI),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ] {
        math.borrow_mut().properties.insert(
            PropertyKey::String(Atom::intern_str(name)),
            Property::data(Value::Number(v), Attributes::NONE),
        );
    }
    super::to_string_tag(&math, "Math");
    global_value(interp, "Math", Value::Object(math));
}
