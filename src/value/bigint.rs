//! BigInt values (ECMA-262 §6.1.6.2): an immutable, cheaply cloned handle on a `num_bigint::BigInt`,
//! and every operation on BigInts that runs no user code: the `BigInt::` abstract operations
//! (arithmetic, shifts, bitwise operators), StringToBigInt, NumberToBigInt, BigInt ↔ Number
//! comparisons, `BigInt.asIntN`/`asUintN` and `toString(radix)`.
//!
//! Not here: ToBigInt/ToNumeric on objects and the operator dispatch (the interpreter,
//! `interp::ops`), the `BigInt` builtin (`builtins::bigint`).
//!
//! Size cap: a result wider than [`MAX_BITS`] is a RangeError ("Maximum BigInt size exceeded",
//! as V8 says) checked *before* the allocation where the size is predictable (`<<`, `**`,
//! `asUintN`), so user input never exhausts memory or aborts the process.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::rc::Rc;

/// The widest BigInt we build, in bits (V8's limit too: 2^30 bits = 128 MiB).
pub const MAX_BITS: u64 = 1 << 30;

/// A BigInt value. Clone is one reference-count increment; the integer is never mutated.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsBigInt(Rc<BigInt>);

/// Why a BigInt operation has no result: each is a RangeError with this message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BigIntError {
    DivisionByZero,
    NegativeExponent,
    TooBig,
}

impl BigIntError {
    /// V8's message for the RangeError.
    pub fn message(self) -> &'static str {
        match self {
            BigIntError::DivisionByZero => "Division by zero",
            BigIntError::NegativeExponent => "Exponent must be non-negative",
            BigIntError::TooBig => "Maximum BigInt size exceeded",
        }
    }
}

pub type BigIntResult = Result<JsBigInt, BigIntError>;

fn checked(b: BigInt) -> BigIntResult {
    if b.bits() > MAX_BITS {
        Err(BigIntError::TooBig)
    } else {
        Ok(JsBigInt::new(b))
    }
}

impl JsBigInt {
    pub fn new(b: BigInt) -> Self {
        JsBigInt(Rc::new(b))
    }

    pub fn zero() -> Self {
        JsBigInt::new(BigInt::zero())
    }

    pub fn from_i64(n: i64) -> Self {
        JsBigInt::new(BigInt::from(n))
    }

    /// The integer itself.
    pub fn as_bigint(&self) -> &BigInt {
        &self.0
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(&self) -> bool {
        self.0.is_negative()
    }

    /// The value of a BigInt literal's text without the `n` (`123`, `0x1F`, `0o7`, `0b1`;
    /// separators already removed by the lexer). `None` only for text the lexer never makes.
    pub fn from_literal(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let (digits, radix) = if b.len() > 2 && b[0] == b'0' {
            match b[1] {
                b'x' | b'X' => (&b[2..], 16),
                b'o' | b'O' => (&b[2..], 8),
                b'b' | b'B' => (&b[2..], 2),
                _ => (b, 10),
            }
        } else {
            (b, 10)
        };
        parse_digits(digits, radix).map(JsBigInt::new)
    }

    /// StringToBigInt (ECMA-262 §7.1.14): `None` where the spec says undefined (a SyntaxError
    /// for `BigInt(string)`, `false`/NaN-like for comparisons).
    pub fn from_string(units: &[u16]) -> Option<Self> {
        let t = super::number::trim_js(units);
        if t.is_empty() {
            return Some(JsBigInt::zero());
        }
        if t.iter().any(|&u| u >= 0x80) {
            return None;
        }
        let b: Vec<u8> = t.iter().map(|&u| u as u8).collect();
        if let Some((radix, digits)) = super::number::radix_prefix(&b) {
            return parse_digits(digits, radix).map(JsBigInt::new);
        }
        let (neg, digits) = match b[0] {
            b'-' => (true, &b[1..]),
            b'+' => (false, &b[1..]),
            _ => (false, &b[..]),
        };
        let v = parse_digits(digits, 10)?;
        Some(JsBigInt::new(if neg { -v } else { v }))
    }

    /// NumberToBigInt (ECMA-262 §21.2.1.1.1) without the error: `None` unless `n` is an integer.
    pub fn from_f64(n: f64) -> Option<Self> {
        if !n.is_finite() || n.trunc() != n {
            return None;
        }
        num_traits::FromPrimitive::from_f64(n).map(JsBigInt::new)
    }

    /// 𝔽(ℝ(x)): the nearest double (ties to even), ±Infinity beyond the range.
    pub fn to_f64(&self) -> f64 {
        // num-bigint rounds correctly (round-to-odd on the dropped bits, then one rounding).
        self.0.to_f64().unwrap_or(f64::NAN)
    }

    /// The digits in `radix` (2..=36), lowercase, `-` for negatives (BigInt::toString).
    pub fn to_string_radix(&self, radix: u32) -> String {
        self.0.to_str_radix(radix)
    }

    /// Compare with a Number exactly (`None` for NaN), as IsLessThan and IsLooselyEqual need.
    pub fn compare_f64(&self, n: f64) -> Option<Ordering> {
        if n.is_nan() {
            return None;
        }
        if n == f64::INFINITY {
            return Some(Ordering::Less);
        }
        if n == f64::NEG_INFINITY {
            return Some(Ordering::Greater);
        }
        let floor = n.floor();
        let f: BigInt = num_traits::FromPrimitive::from_f64(floor)?;
        match self.0.as_ref().cmp(&f) {
            // x == floor(n) < n when n has a fraction.
            Ordering::Equal if floor != n => Some(Ordering::Less),
            o => Some(o),
        }
    }

    pub fn equals_f64(&self, n: f64) -> bool {
        self.compare_f64(n) == Some(Ordering::Equal)
    }

    // ---- BigInt:: operations (ECMA-262 §6.1.6.2) ----

    pub fn neg(&self) -> Self {
        JsBigInt::new(-self.0.as_ref())
    }

    /// BigInt::bitwiseNOT: -x - 1.
    pub fn not(&self) -> Self {
        JsBigInt::new(-self.0.as_ref() - 1)
    }

    pub fn add(&self, o: &Self) -> BigIntResult {
        checked(self.0.as_ref() + o.0.as_ref())
    }

    pub fn sub(&self, o: &Self) -> BigIntResult {
        checked(self.0.as_ref() - o.0.as_ref())
    }

    pub fn mul(&self, o: &Self) -> BigIntResult {
        if self.0.bits() + o.0.bits() > MAX_BITS + 1 {
            return Err(BigIntError::TooBig);
        }
        checked(self.0.as_ref() * o.0.as_ref())
    }

    /// Truncating division (toward zero).
    pub fn div(&self, o: &Self) -> BigIntResult {
        if o.is_zero() {
            return Err(BigIntError::DivisionByZero);
        }
        Ok(JsBigInt::new(self.0.as_ref() / o.0.as_ref()))
    }

    /// Remainder with the dividend's sign.
    pub fn rem(&self, o: &Self) -> BigIntResult {
        if o.is_zero() {
            return Err(BigIntError::DivisionByZero);
        }
        Ok(JsBigInt::new(self.0.as_ref() % o.0.as_ref()))
    }

    pub fn pow(&self, e: &Self) -> BigIntResult {
        if e.is_negative() {
            return Err(BigIntError::NegativeExponent);
        }
        let base = self.0.as_ref();
        if e.is_zero() || base.is_one() {
            return Ok(JsBigInt::new(BigInt::one()));
        }
        if base.is_zero() {
            return Ok(JsBigInt::zero());
        }
        if base.abs().is_one() {
            // (-1) ** e
            return Ok(if e.0.is_even() {
                JsBigInt::new(BigInt::one())
            } else {
                self.clone()
            });
        }
        // |base| >= 2: the result has at least (bits - 1) * e + 1 bits.
        let exp = match e.0.to_u64() {
            Some(x) if x <= MAX_BITS => x,
            _ => return Err(BigIntError::TooBig),
        };
        let b = base.bits();
        if (b - 1).saturating_mul(exp) + 1 > MAX_BITS {
            return Err(BigIntError::TooBig);
        }
        // Powers of two are a shift.
        let mag = base.magnitude();
        if mag.count_ones() == 1 {
            let r = BigInt::one() << ((b - 1) * exp);
            let r = if base.is_negative() && exp % 2 == 1 {
                -r
            } else {
                r
            };
            return checked(r);
        }
        let exp32 = u32::try_from(exp).map_err(|_| BigIntError::TooBig)?;
        checked(num_traits::Pow::pow(base, exp32))
    }

    /// BigInt::leftShift (a negative count shifts right, rounding toward -Infinity).
    pub fn shl(&self, count: &Self) -> BigIntResult {
        if count.is_negative() {
            return Ok(self.shr_by(&count.0.magnitude().clone().into()));
        }
        if self.is_zero() {
            return Ok(self.clone());
        }
        match count.0.to_u64() {
            Some(c) if self.0.bits().saturating_add(c) <= MAX_BITS => {
                Ok(JsBigInt::new(self.0.as_ref() << c))
            }
            _ => Err(BigIntError::TooBig),
        }
    }

    /// BigInt::signedRightShift.
    pub fn shr(&self, count: &Self) -> BigIntResult {
        if count.is_negative() {
            let left = JsBigInt::new(count.0.magnitude().clone().into());
            return self.shl(&left);
        }
        Ok(self.shr_by(count.as_bigint()))
    }

    fn shr_by(&self, count: &BigInt) -> Self {
        match count.to_u64() {
            // num-bigint's `>>` on a negative value rounds toward -Infinity, as the spec does.
            Some(c) if c < self.0.bits() => JsBigInt::new(self.0.as_ref() >> c),
            _ => JsBigInt::new(if self.is_negative() {
                -BigInt::one()
            } else {
                BigInt::zero()
            }),
        }
    }

    // Bitwise operators work on the infinite two's complement representation (num-bigint's
    // BigInt bit operators do exactly that).
    pub fn bitand(&self, o: &Self) -> Self {
        JsBigInt::new(self.0.as_ref() & o.0.as_ref())
    }
    pub fn bitor(&self, o: &Self) -> Self {
        JsBigInt::new(self.0.as_ref() | o.0.as_ref())
    }
    pub fn bitxor(&self, o: &Self) -> Self {
        JsBigInt::new(self.0.as_ref() ^ o.0.as_ref())
    }

    pub fn inc(&self) -> BigIntResult {
        checked(self.0.as_ref() + 1)
    }
    pub fn dec(&self) -> BigIntResult {
        checked(self.0.as_ref() - 1)
    }

    /// `BigInt.asUintN(bits, x)`: x modulo 2^bits.
    pub fn as_uint_n(&self, bits: u64) -> BigIntResult {
        if bits == 0 {
            return Ok(JsBigInt::zero());
        }
        if !self.is_negative() && self.0.bits() <= bits {
            return Ok(self.clone());
        }
        if bits > MAX_BITS {
            // A negative value modulo a huge power of two is that huge.
            return Err(BigIntError::TooBig);
        }
        let modulus = BigInt::one() << bits;
        Ok(JsBigInt::new(self.0.mod_floor(&modulus)))
    }

    /// `BigInt.asIntN(bits, x)`: x modulo 2^bits, as a signed two's complement value.
    pub fn as_int_n(&self, bits: u64) -> BigIntResult {
        if bits == 0 {
            return Ok(JsBigInt::zero());
        }
        // Fits already: -2^(bits-1) <= x < 2^(bits-1) holds when x needs fewer than `bits` bits
        // (magnitude bits < bits, the boundary -2^(bits-1) handled by the general path).
        if self.0.bits() < bits {
            return Ok(self.clone());
        }
        let m = self.as_uint_n(bits)?;
        if m.0.bit(bits - 1) {
            Ok(JsBigInt::new(m.0.as_ref() - (BigInt::one() << bits)))
        } else {
            Ok(m)
        }
    }

    pub fn sign(&self) -> Sign {
        self.0.sign()
    }
}

/// Digits in `radix`, no sign, no separators, at least one digit.
fn parse_digits(digits: &[u8], radix: u32) -> Option<BigInt> {
    if digits.is_empty() || !digits.iter().all(|&c| (c as char).is_digit(radix)) {
        return None;
    }
    BigInt::parse_bytes(digits, radix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> JsBigInt {
        JsBigInt::from_string(&s.encode_utf16().collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn string_to_bigint() {
        let p = |s: &str| JsBigInt::from_string(&s.encode_utf16().collect::<Vec<_>>());
        assert_eq!(p("  12 "), Some(JsBigInt::from_i64(12)));
        assert_eq!(p(""), Some(JsBigInt::zero()));
        assert_eq!(p("-0x1"), None);
        assert_eq!(p("0x1f"), Some(JsBigInt::from_i64(31)));
        assert_eq!(p("-17"), Some(JsBigInt::from_i64(-17)));
        assert_eq!(p("1n"), None);
        assert_eq!(p("1_0"), None);
        assert_eq!(p("1.0"), None);
        assert_eq!(p("1e3"), None);
        assert_eq!(p("Infinity"), None);
        assert_eq!(p("0b"), None);
        assert_eq!(p("+"), None);
        assert_eq!(p("0o8"), None);
    }

    #[test]
    fn shifts_and_bits() {
        assert_eq!(b("-5").shr(&b("1")).unwrap(), b("-3"));
        assert_eq!(b("-1").shr(&b("100000000000")).unwrap(), b("-1"));
        assert_eq!(b("5").shl(&b("-1")).unwrap(), b("2"));
        assert_eq!(b("1").shl(&b("10000000000")), Err(BigIntError::TooBig));
        assert_eq!(b("-6").bitand(&b("3")), b("2"));
        assert_eq!(b("5").not(), b("-6"));
        assert_eq!(b("-7").rem(&b("2")).unwrap(), b("-1"));
        assert_eq!(b("-7").div(&b("2")).unwrap(), b("-3"));
    }

    #[test]
    fn as_n() {
        assert_eq!(b("255").as_int_n(8).unwrap(), b("-1"));
        assert_eq!(b("-1").as_uint_n(8).unwrap(), b("255"));
        assert_eq!(b("-128").as_int_n(8).unwrap(), b("-128"));
        assert_eq!(b("128").as_int_n(8).unwrap(), b("-128"));
        assert_eq!(b("-129").as_int_n(8).unwrap(), b("127"));
        assert_eq!(b("-1").as_uint_n(1 << 40), Err(BigIntError::TooBig));
        assert_eq!(b("-1").as_int_n(1 << 40).unwrap(), b("-1"));
    }

    #[test]
    fn pow_and_compare() {
        assert_eq!(b("2").pow(&b("10")).unwrap(), b("1024"));
        assert_eq!(b("-2").pow(&b("3")).unwrap(), b("-8"));
        assert_eq!(b("-3").pow(&b("3")).unwrap(), b("-27"));
        assert_eq!(b("2").pow(&b("-1")), Err(BigIntError::NegativeExponent));
        assert_eq!(b("10").pow(&b("10000000000")), Err(BigIntError::TooBig));
        assert_eq!(b("1").compare_f64(1.5), Some(Ordering::Less));
        assert_eq!(b("2").compare_f64(1.5), Some(Ordering::Greater));
        assert_eq!(b("-2").compare_f64(-1.5), Some(Ordering::Less));
        assert_eq!(b("-1").compare_f64(-1.5), Some(Ordering::Greater));
        assert_eq!(b("9007199254740993").to_f64(), 9007199254740992.0);
        assert_eq!(b("9007199254740995").to_f64(), 9007199254740996.0);
        assert!(!b("9007199254740993").equals_f64(9007199254740992.0));
    }
}
