//! Number ↔ string conversions and numeric helpers exactly as ECMA-262 specifies them.
//!
//! - [`to_string`]: Number::toString(10) — integers by a fast path, the rest by `ryu-js`
//!   (shortest round-trip digits, laid out with JS rules: `1e+21`, `1.23e-7`, `0.000001`).
//! - [`to_string_radix`]: Number::toString(radix) — V8's algorithm (what node prints; the spec
//!   leaves non-decimal radices implementation-approximated).
//! - [`to_fixed`], [`to_exponential`], [`to_precision`]: spec-exact, through the *exact* decimal
//!   expansion of the double (a small big-integer below), rounding ties up as the spec says.
//! - [`string_to_number`] (StringToNumber), [`parse_int`], [`parse_float`].
//! - [`to_int32`], [`to_uint32`], [`to_uint16`], [`same_value`], [`same_value_zero`], [`equal`].
//!
//! Not here: argument validation that throws (`RangeError` for a bad radix or digit count): the
//! builtins check ranges, these functions take already-validated arguments.

use std::fmt::Write;

use super::string::JsString;

// ---------------------------------------------------------------------------------------------
// Number::toString

/// Number::toString(x) as a Rust string.
pub fn to_rust_string(x: f64) -> String {
    let mut out = String::new();
    write_number(&mut out, x);
    out
}

/// Number::toString(x) as a `JsString`.
pub fn to_string(x: f64) -> JsString {
    use super::string::atoms;
    if x == 0.0 {
        return atoms::ZERO.to_js_string();
    }
    if x.is_nan() {
        return atoms::NAN.to_js_string();
    }
    // No intermediate `String`: format on the stack, allocate the JsString once.
    let mut buf = [0u16; INT_DIGITS];
    if let Some(i) = int_to_utf16(x, &mut buf) {
        return JsString::from_utf16(&buf[i..]);
    }
    let mut buf = ryu_js::Buffer::new();
    JsString::from(buf.format(x))
}

/// Room for the longest integer `int_to_utf16` writes (`-9007199254740991`).
pub const INT_DIGITS: usize = 20;

/// Number::toString(x) for an integer `x` with |x| < 2^53, written at the end of `buf` as
/// UTF-16: the start of the digits, or `None` for any other number (-0 prints as `0`).
#[inline]
pub fn int_to_utf16(x: f64, buf: &mut [u16; INT_DIGITS]) -> Option<usize> {
    if x.fract() != 0.0 || x.abs() >= 9_007_199_254_740_992.0 {
        return None;
    }
    let mut i = buf.len();
    let mut n = (x as i64).unsigned_abs();
    loop {
        i -= 1;
        buf[i] = u16::from(b'0') + (n % 10) as u16;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if x < 0.0 {
        i -= 1;
        buf[i] = u16::from(b'-');
    }
    Some(i)
}

/// Appends Number::toString(x) to `out`.
pub fn write_number(out: &mut String, x: f64) {
    // Integer fast path: exact for |x| < 2^53, and JS prints integers below 1e21 in full.
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        if x == 0.0 {
            out.push('0'); // also -0
        } else {
            let _ = write!(out, "{}", x as i64);
        }
        return;
    }
    let mut buf = ryu_js::Buffer::new();
    out.push_str(buf.format(x)); // handles NaN, ±Infinity and the JS exponent layout
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Number::toString(radix) for radix in 2..=36 (radix 10 is [`to_rust_string`]).
/// Follows V8's DoubleToRadixCString: fraction digits only up to the double's precision,
/// rounding half to even, integer digits beyond 2^53 filled with zeros.
pub fn to_string_radix(x: f64, radix: u32) -> String {
    debug_assert!((2..=36).contains(&radix));
    if radix == 10 || !x.is_finite() {
        return to_rust_string(x);
    }
    if x == 0.0 {
        return "0".into();
    }
    let negative = x < 0.0;
    let value = x.abs();
    let r = f64::from(radix);
    let mut integer = value.floor();
    let mut fraction = value - integer;
    let mut delta = 0.5 * (next_up(value) - value);
    delta = delta.max(next_up(0.0));
    let mut frac_digits: Vec<u8> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= r;
            delta *= r;
            let digit = fraction as usize;
            frac_digits.push(DIGITS[digit]);
            fraction -= digit as f64;
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) && fraction + delta > 1.0 {
                // Round up, propagating the carry back through the written digits.
                loop {
                    match frac_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(c) => {
                            let d = digit_value(c);
                            if d + 1 < radix {
                                frac_digits.push(DIGITS[(d + 1) as usize]);
                                break;
                            }
                        }
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    let mut int_digits: Vec<u8> = Vec::new();
    while exponent_of(integer / r) > 0 {
        integer /= r;
        int_digits.push(b'0');
    }
    loop {
        let rem = integer % r;
        int_digits.push(DIGITS[rem as usize]);
        integer = (integer - rem) / r;
        if integer <= 0.0 {
            break;
        }
    }
    let mut out = String::with_capacity(int_digits.len() + frac_digits.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(int_digits.iter().rev().map(|&b| b as char));
    if !frac_digits.is_empty() {
        out.push('.');
        out.extend(frac_digits.iter().map(|&b| b as char));
    }
    out
}

fn digit_value(c: u8) -> u32 {
    if c <= b'9' {
        u32::from(c - b'0')
    } else {
        u32::from(c - b'a') + 10
    }
}

/// The next representable double above a finite non-negative `x`.
fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

/// V8's `Double::Exponent()`: e such that x = significand × 2^e with a 53-bit integer
/// significand (denormals use the minimum exponent).
fn exponent_of(x: f64) -> i32 {
    let biased = ((x.to_bits() >> 52) & 0x7FF) as i32;
    if biased == 0 {
        1 - 1075
    } else {
        biased - 1075
    }
}

// ---------------------------------------------------------------------------------------------
// Exact decimal expansion (for toFixed / toExponential / toPrecision)

/// A minimal unsigned big integer, little-endian base 2^32: enough for the exact value of any
/// double scaled by powers of ten (at most ~1100 decimal digits).
#[derive(Clone, Debug)]
struct BigUint(Vec<u32>);

impl BigUint {
    fn from_u64(v: u64) -> Self {
        let mut b = BigUint(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for w in &mut self.0 {
            let p = u64::from(*w) * u64::from(m) + carry;
            *w = p as u32;
            carry = p >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }
    fn mul_pow(&mut self, base: u32, mut exp: u32) {
        // Multiply by base^exp in chunks that fit a u32.
        let (chunk, chunk_exp) = if base == 5 {
            (1_220_703_125, 13)
        } else {
            (1_000_000_000, 9)
        };
        while exp >= chunk_exp {
            self.mul_small(chunk);
            exp -= chunk_exp;
        }
        if exp > 0 {
            self.mul_small(base.pow(exp));
        }
    }
    fn shl(&mut self, bits: u32) {
        let words = (bits / 32) as usize;
        let bits = bits % 32;
        if bits > 0 {
            let mut carry = 0u32;
            for w in &mut self.0 {
                let nw = (*w << bits) | carry;
                carry = *w >> (32 - bits);
                *w = nw;
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }
    /// Decimal digits (no leading zeros; "0" for zero).
    fn to_decimal(&self) -> Vec<u8> {
        let mut n = self.0.clone();
        let mut chunks = Vec::new();
        while !n.is_empty() {
            let mut rem = 0u64;
            for w in n.iter_mut().rev() {
                let cur = (rem << 32) | u64::from(*w);
                *w = (cur / 1_000_000_000) as u32;
                rem = cur % 1_000_000_000;
            }
            while n.last() == Some(&0) {
                n.pop();
            }
            chunks.push(rem as u32);
        }
        let mut out = Vec::new();
        for (i, c) in chunks.iter().rev().enumerate() {
            let s = if i == 0 {
                format!("{c}")
            } else {
                format!("{c:09}")
            };
            out.extend_from_slice(s.as_bytes());
        }
        if out.is_empty() {
            out.push(b'0');
        }
        out
    }
}

/// The exact decimal value of a finite positive double: `digits` (no leading/trailing zeros)
/// and `point` such that the value is 0.d1d2d3… × 10^point.
fn exact_decimal(x: f64) -> (Vec<u8>, i32) {
    debug_assert!(x.is_finite() && x > 0.0);
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mantissa, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let mut n = BigUint::from_u64(mantissa);
    // value = n × 10^shift10
    let shift10 = if exp >= 0 {
        n.shl(exp as u32);
        0
    } else {
        // m × 2^-k = m × 5^k / 10^k
        n.mul_pow(5, (-exp) as u32);
        exp
    };
    let mut digits = n.to_decimal();
    let point = digits.len() as i32 + shift10;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, point)
}

/// Rounds exact digits (value 0.d… × 10^point) to `keep` significant digits, ties away from zero
/// (the spec's "pick the larger n"). Returns exactly `keep` digits and the new point.
fn round_digits(digits: &[u8], point: i32, keep: usize) -> (Vec<u8>, i32) {
    let mut out: Vec<u8> = digits.iter().take(keep).copied().collect();
    let round_up = digits.get(keep).is_some_and(|&d| d >= b'5');
    out.resize(keep, b'0');
    let mut point = point;
    if round_up {
        let mut i = keep;
        loop {
            if i == 0 {
                // 999… → 1000…: one more integer digit.
                out.insert(0, b'1');
                out.truncate(keep);
                point += 1;
                break;
            }
            i -= 1;
            if out[i] == b'9' {
                out[i] = b'0';
            } else {
                out[i] += 1;
                break;
            }
        }
    }
    (out, point)
}

fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&b| b as char));
}

/// Number.prototype.toFixed(f), f in 0..=100 (checked by the caller).
pub fn to_fixed(x: f64, f: u32) -> String {
    if !x.is_finite() {
        return to_rust_string(x);
    }
    if x.abs() >= 1e21 {
        return to_rust_string(x);
    }
    let mut out = String::new();
    // Note: (-0).toFixed(2) is "0.00" and (-0.0001).toFixed(2) is "-0.00" in node: the sign comes
    // from x < 0, and -0 is not < 0.
    if x < 0.0 {
        out.push('-');
    }
    let ax = x.abs();
    let f = f as usize;
    let mut n: Vec<u8> = if ax == 0.0 {
        vec![b'0']
    } else {
        let (digits, point) = exact_decimal(ax);
        // Keep every digit down to 10^-f, rounding at the next one.
        let keep = point + f as i32;
        if keep < 0 {
            vec![b'0']
        } else if keep == 0 {
            // value < 10^-f: rounds to 0 or to 1 unit of 10^-f.
            if digits[0] >= b'5' {
                vec![b'1']
            } else {
                vec![b'0']
            }
        } else {
            let (r, p) = round_digits(&digits, point, keep as usize);
            let mut r = r;
            // Carry added a digit: r has `keep` digits but the value gained a place.
            if p > point {
                r.push(b'0');
            }
            r
        }
    };
    // n is the integer x × 10^f; lay it out with f fraction digits.
    if n.len() <= f {
        let mut padded = vec![b'0'; f + 1 - n.len()];
        padded.extend_from_slice(&n);
        n = padded;
    }
    let split = n.len() - f;
    push_digits(&mut out, &n[..split]);
    if f > 0 {
        out.push('.');
        push_digits(&mut out, &n[split..]);
    }
    out
}

/// The shortest round-trip digits of a finite positive double (as Number::toString chooses
/// them), in the same (digits, point) form as [`exact_decimal`].
fn shortest_decimal(x: f64) -> (Vec<u8>, i32) {
    let mut buf = ryu_js::Buffer::new();
    let s = buf.format_finite(x);
    let (mantissa, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let int_len = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let mut point = int_len + exp;
    while digits.first() == Some(&b'0') {
        digits.remove(0);
        point -= 1;
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, point)
}

fn push_exponent(out: &mut String, e: i32) {
    out.push('e');
    out.push(if e < 0 { '-' } else { '+' });
    let _ = write!(out, "{}", e.abs());
}

/// Number.prototype.toExponential(f): `None` for undefined (as many digits as needed),
/// `Some(f)` with f in 0..=100.
pub fn to_exponential(x: f64, f: Option<u32>) -> String {
    if !x.is_finite() {
        return to_rust_string(x);
    }
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    let ax = x.abs();
    let (digits, point) = if ax == 0.0 {
        (vec![b'0'; f.unwrap_or(0) as usize + 1], 1)
    } else {
        match f {
            None => shortest_decimal(ax),
            Some(f) => {
                let (d, p) = exact_decimal(ax);
                round_digits(&d, p, f as usize + 1)
            }
        }
    };
    out.push(digits[0] as char);
    if digits.len() > 1 {
        out.push('.');
        push_digits(&mut out, &digits[1..]);
    }
    push_exponent(&mut out, point - 1);
    out
}

/// Number.prototype.toPrecision(p), p in 1..=100 (undefined precision is ToString, the caller's).
pub fn to_precision(x: f64, p: u32) -> String {
    if !x.is_finite() {
        return to_rust_string(x);
    }
    let p = p as usize;
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    let ax = x.abs();
    let (digits, point) = if ax == 0.0 {
        (vec![b'0'; p], 1)
    } else {
        let (d, pt) = exact_decimal(ax);
        round_digits(&d, pt, p)
    };
    let e = point - 1;
    if e < -6 || e >= p as i32 {
        out.push(digits[0] as char);
        if p > 1 {
            out.push('.');
            push_digits(&mut out, &digits[1..]);
        }
        push_exponent(&mut out, e);
    } else if e >= 0 {
        let int_len = (e + 1) as usize;
        push_digits(&mut out, &digits[..int_len]);
        if p > int_len {
            out.push('.');
            push_digits(&mut out, &digits[int_len..]);
        }
    } else {
        out.push_str("0.");
        for _ in 0..(-(e + 1)) {
            out.push('0');
        }
        push_digits(&mut out, &digits);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// String → Number

/// WhiteSpace or LineTerminator (ECMA-262 §12.2, §12.3): what `StringToNumber`, `parseInt`,
/// `parseFloat` and `String.prototype.trim` strip.
pub fn is_js_whitespace(u: u16) -> bool {
    matches!(
        u,
        0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000
            ..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
    )
}

pub(crate) fn trim_js(units: &[u16]) -> &[u16] {
    let start = units
        .iter()
        .position(|&u| !is_js_whitespace(u))
        .unwrap_or(units.len());
    let end = units
        .iter()
        .rposition(|&u| !is_js_whitespace(u))
        .map_or(start, |i| i + 1);
    &units[start..end]
}

/// A NonDecimalIntegerLiteral's prefix (`0x`, `0o`, `0b`, either case) followed by at least one
/// character: `(radix, the characters after the prefix)`. Shared by StringToNumber and
/// StringToBigInt.
pub fn radix_prefix(bytes: &[u8]) -> Option<(u32, &[u8])> {
    if bytes.len() <= 2 || bytes[0] != b'0' {
        return None;
    }
    let radix = match bytes[1] {
        b'x' | b'X' => 16,
        b'o' | b'O' => 8,
        b'b' | b'B' => 2,
        _ => return None,
    };
    Some((radix, &bytes[2..]))
}

/// StringToNumber (ECMA-262 §7.1.4.1.1): `NaN` for anything that is not a StringNumericLiteral.
pub fn string_to_number(s: &JsString) -> f64 {
    str_units_to_number(s.as_slice())
}

/// StringToNumber over code units.
pub fn str_units_to_number(units: &[u16]) -> f64 {
    let t = trim_js(units);
    if t.is_empty() {
        return 0.0;
    }
    // Every valid literal is ASCII.
    if t.iter().any(|&u| u >= 0x80) {
        return f64::NAN;
    }
    let bytes: Vec<u8> = t.iter().map(|&u| u as u8).collect();
    if let Some((radix, digits)) = radix_prefix(&bytes) {
        return parse_radix_digits(digits, radix)
            .filter(|&(_, n)| n == digits.len())
            .map_or(f64::NAN, |(v, _)| v);
    }
    match decimal_prefix(&bytes) {
        Some((v, n)) if n == bytes.len() => v,
        _ => f64::NAN,
    }
}

/// Parses the longest StrDecimalLiteral prefix of `b` (sign, `Infinity`, digits, `.`, exponent).
/// Returns the value and the number of bytes used, or `None` if there is no such prefix.
fn decimal_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    if b[i..].starts_with(b"Infinity") {
        let v = if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
        return Some((v, i + 8));
    }
    let start = i;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    let int_digits = digits(&mut i);
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        let mut j = i + 1;
        frac_digits = digits(&mut j);
        if int_digits > 0 || frac_digits > 0 {
            i = j;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    // Rust's parser is correctly rounded and accepts exactly this syntax (validated above).
    let text = std::str::from_utf8(&b[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((if negative { -v } else { v }, i))
}

/// Parses leading digits in a power-of-two or decimal `radix`, correctly rounded. Returns the
/// value and how many bytes were digits, or `None` if there were none.
fn parse_radix_digits(b: &[u8], radix: u32) -> Option<(f64, usize)> {
    let n = b
        .iter()
        .take_while(|c| (**c as char).is_digit(radix))
        .count();
    if n == 0 {
        return None;
    }
    let digits = &b[..n];
    let v = if radix == 10 {
        std::str::from_utf8(digits).ok()?.parse::<f64>().ok()?
    } else if radix.is_power_of_two() {
        pow2_radix_to_f64(digits, radix.trailing_zeros())
    } else {
        // Other radices (parseInt only; the spec allows an approximation): V8's exact steps,
        // so results match node bit for bit: 32-bit chunks folded into a double.
        const MAX_MULTIPLIER: u32 = u32::MAX / 36;
        let mut result = 0.0f64;
        let mut i = digits.iter().take_while(|&&c| c == b'0').count(); // V8 skips leading zeros
        while i < digits.len() {
            let (mut part, mut multiplier) = (0u32, 1u32);
            while i < digits.len() {
                let m = multiplier * radix;
                if m > MAX_MULTIPLIER {
                    break;
                }
                part = part * radix + (digits[i] as char).to_digit(radix).unwrap_or(0);
                multiplier = m;
                i += 1;
            }
            result = result * f64::from(multiplier) + f64::from(part);
        }
        result
    };
    Some((v, n))
}

/// Digits in radix 2^bits → nearest double (round half to even), for any length.
fn pow2_radix_to_f64(digits: &[u8], bits: u32) -> f64 {
    // Accumulate the top 64 significant bits plus a sticky bit for the rest.
    let mut mant: u64 = 0;
    let mut exp: i32 = 0; // value = mant × 2^exp (+ sticky below)
    let mut sticky = false;
    for c in digits {
        let d = u64::from((*c as char).to_digit(1 << bits).unwrap_or(0));
        if mant >> (64 - bits) == 0 {
            mant = (mant << bits) | d;
        } else {
            exp += bits as i32;
            sticky |= d != 0;
        }
    }
    if mant == 0 {
        return 0.0;
    }
    // Normalise to 53 bits with round-half-even.
    let lz = mant.leading_zeros();
    let shift = 64 - lz as i32 - 53;
    if shift <= 0 {
        return (mant as f64) * 2f64.powi(exp);
    }
    let shift = shift as u32;
    let kept = mant >> shift;
    let rem = mant & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let round_up = rem > half || (rem == half && (sticky || kept & 1 == 1));
    let kept = if round_up { kept + 1 } else { kept };
    // kept ≤ 2^53 exactly representable; scale by powers of two (exact unless overflow → ∞).
    let e = exp + shift as i32;
    if e > 1023 {
        return f64::INFINITY;
    }
    (kept as f64) * 2f64.powi(e)
}

/// The global `parseFloat(string)`.
pub fn parse_float(s: &JsString) -> f64 {
    let units = s.as_slice();
    let start = units
        .iter()
        .position(|&u| !is_js_whitespace(u))
        .unwrap_or(units.len());
    let rest = &units[start..];
    let ascii_len = rest.iter().position(|&u| u >= 0x80).unwrap_or(rest.len());
    let bytes: Vec<u8> = rest[..ascii_len].iter().map(|&u| u as u8).collect();
    decimal_prefix(&bytes).map_or(f64::NAN, |(v, _)| v)
}

/// The global `parseInt(string, radix)`, with `radix` already converted by ToInt32
/// (0 means "not given").
pub fn parse_int(s: &JsString, radix: i32) -> f64 {
    let units = s.as_slice();
    let start = units
        .iter()
        .position(|&u| !is_js_whitespace(u))
        .unwrap_or(units.len());
    let mut rest = &units[start..];
    let mut negative = false;
    if let Some(&c) = rest.first() {
        if c == u16::from(b'-') || c == u16::from(b'+') {
            negative = c == u16::from(b'-');
            rest = &rest[1..];
        }
    }
    let mut radix = radix;
    let mut strip_prefix = true;
    if radix != 0 {
        if !(2..=36).contains(&radix) {
            return f64::NAN;
        }
        if radix != 16 {
            strip_prefix = false;
        }
    } else {
        radix = 10;
    }
    if strip_prefix
        && rest.len() >= 2
        && rest[0] == u16::from(b'0')
        && (rest[1] == u16::from(b'x') || rest[1] == u16::from(b'X'))
    {
        rest = &rest[2..];
        radix = 16;
    }
    let ascii_len = rest.iter().position(|&u| u >= 0x80).unwrap_or(rest.len());
    let bytes: Vec<u8> = rest[..ascii_len].iter().map(|&u| u as u8).collect();
    match parse_radix_digits(&bytes, radix as u32) {
        None => f64::NAN,
        Some((v, _)) => {
            if negative {
                -v
            } else {
                v
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Integer conversions and comparisons

/// ToInt32 (ECMA-262 §7.1.6).
#[inline]
pub fn to_int32(x: f64) -> i32 {
    // Fast path: already an int32 (the overwhelmingly common case in bitwise code).
    let i = x as i32;
    if f64::from(i) == x {
        return i;
    }
    to_uint32_slow(x) as i32
}

/// ToUint32 (ECMA-262 §7.1.7).
#[inline]
pub fn to_uint32(x: f64) -> u32 {
    let i = x as u32;
    if f64::from(i) == x {
        return i;
    }
    to_uint32_slow(x)
}

fn to_uint32_slow(x: f64) -> u32 {
    if !x.is_finite() {
        return 0;
    }
    // fmod is exact, so this is the mathematical modulo 2^32 of the truncated value.
    let m = x.trunc() % 4_294_967_296.0;
    let m = if m < 0.0 { m + 4_294_967_296.0 } else { m };
    m as u32
}

/// ToUint16 (ECMA-262 §7.1.9).
pub fn to_uint16(x: f64) -> u16 {
    to_uint32(x) as u16
}

/// Number::equal / strict equality on numbers: NaN ≠ NaN, +0 = -0.
#[inline]
pub fn equal(a: f64, b: f64) -> bool {
    a == b
}

/// Number::sameValue: NaN is NaN, +0 is not -0.
#[inline]
pub fn same_value(a: f64, b: f64) -> bool {
    if a.is_nan() {
        return b.is_nan();
    }
    a.to_bits() == b.to_bits() || (a == b && a != 0.0)
}

/// Number::sameValueZero: NaN is NaN, +0 is -0 (Map/Set keys, `includes`).
#[inline]
pub fn same_value_zero(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

/// ToIntegerOrInfinity (ECMA-262 §7.1.5) on a number.
pub fn to_integer_or_infinity(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.trunc() + 0.0 // + 0.0 turns -0 into +0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_family() {
        assert!(same_value(f64::NAN, f64::NAN));
        assert!(!same_value(0.0, -0.0));
        assert!(same_value(1.5, 1.5));
        assert!(same_value_zero(0.0, -0.0));
        assert!(same_value_zero(f64::NAN, f64::NAN));
        assert!(!equal(f64::NAN, f64::NAN));
        assert!(equal(0.0, -0.0));
        assert_eq!(to_integer_or_infinity(-0.5).to_bits(), 0.0f64.to_bits());
        assert_eq!(to_integer_or_infinity(f64::NAN), 0.0);
    }

    #[test]
    fn to_string_interns_common_results() {
        assert_eq!(to_string(-0.0), "0");
        assert_eq!(to_string(f64::NAN), "NaN");
        assert_eq!(to_string(1e21), "1e+21"); // node: String(1e21) === '1e+21'
                                              // node: String(-9007199254740991) === '-9007199254740991', String(-42) === '-42'
        assert_eq!(to_string(-9007199254740991.0), "-9007199254740991");
        assert_eq!(to_string(-42.0), "-42");
        assert_eq!(to_string(1234567.0), "1234567");
        assert_eq!(to_string(0.5), "0.5");
        assert_eq!(to_string(f64::NEG_INFINITY), "-Infinity");
    }

    #[test]
    fn whitespace_set() {
        for u in [
            0x09, 0x0B, 0x0C, 0x20, 0xA0, 0xFEFF, 0x1680, 0x2000, 0x200A, 0x202F, 0x205F, 0x3000,
            0x0A, 0x0D, 0x2028, 0x2029,
        ] {
            assert!(is_js_whitespace(u), "{u:#x}");
        }
        // U+180E (Mongolian vowel separator) is no longer Zs; U+200B is not whitespace.
        assert!(!is_js_whitespace(0x180E));
        assert!(!is_js_whitespace(0x200B));
    }
}

/// Differential check against a node-generated table (not run by default):
/// `TIDE_NUMBER_FUZZ=/path/to.tsv cargo test --release -- --ignored number_fuzz`.
/// Each line: `op \t f64 bits \t arg \t node's output`.
#[cfg(test)]
#[test]
#[ignore]
fn number_fuzz() {
    let Ok(path) = std::env::var("TIDE_NUMBER_FUZZ") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut bad = Vec::new();
    let mut n = 0;
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let arg: u32 = f[2].parse().unwrap();
        if f[0] == "num" || f[0] == "pint" || f[0] == "pflt" {
            // String inputs (JSON-quoted); node's result given as f64 bits.
            if f[1].starts_with('"') {
                let units: Vec<u16> = json_unquote(f[1]);
                let s = JsString::from_vec(units.clone());
                let got = match f[0] {
                    "num" => str_units_to_number(&units),
                    "pint" => parse_int(&s, arg as i32),
                    _ => parse_float(&s),
                };
                let want = f64::from_bits(f[3].parse().unwrap());
                n += 1;
                if !(got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan())) {
                    bad.push(format!(
                        "{}({}, {arg}): got {got:?} node {want:?}",
                        f[0], f[1]
                    ));
                }
                continue;
            }
        }
        let x = f64::from_bits(f[1].parse().unwrap());
        let got = match f[0] {
            "str" => to_rust_string(x),
            "fixed" => to_fixed(x, arg),
            "exp" => to_exponential(x, Some(arg)),
            "expu" => to_exponential(x, None),
            "prec" => to_precision(x, arg),
            "radix" => to_string_radix(x, arg),
            "num" => to_rust_string(str_units_to_number(
                &to_rust_string(x).encode_utf16().collect::<Vec<_>>(),
            )),
            "pf" => to_rust_string(parse_float(&JsString::from(format!(
                "{}x",
                to_rust_string(x)
            )))),
            _ => continue,
        };
        n += 1;
        if got != f[3] {
            bad.push(format!("{} {:e} {}: got {got} node {}", f[0], x, arg, f[3]));
        }
    }
    eprintln!("{n} checked, {} mismatches", bad.len());
    fn json_unquote(q: &str) -> Vec<u16> {
        // Enough of JSON string syntax for the generator's output: \uXXXX, \n, \", \\.
        let inner = &q[1..q.len() - 1];
        let mut out = Vec::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                let mut b = [0u16; 2];
                out.extend_from_slice(c.encode_utf16(&mut b));
                continue;
            }
            match chars.next() {
                Some('n') => out.push(10),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(u16::from_str_radix(&hex, 16).unwrap());
                }
                Some(other) => out.push(other as u16),
                None => {}
            }
        }
        out
    }
    assert!(bad.is_empty(), "{}", bad[..bad.len().min(30)].join("\n"));
}
