//! The data layer of the runtime: `Value`, strings, numbers, symbols, objects and their
//! properties, and the GC heap they live in.
//!
//! Layering: this module knows nothing of the interpreter. It offers every operation that can
//! be done *without running user code*: ToBoolean, `typeof`, strict equality, SameValue,
//! ToString/ToNumber of primitives. Anything that may call into JS (ToPrimitive on objects,
//! getters, setters, proxies) belongs to the interpreter, which builds on these types.
//!
//! Sizes (asserted at compile time): `Value` 16 bytes, `JsString`/`Symbol`/`JsObject` 8.

pub mod bigint;
pub mod gc;
pub mod number;
pub mod object;
pub mod promise;
pub mod property;
pub mod string;
pub mod symbol;
pub mod weak;

pub use bigint::JsBigInt;
pub use object::{JsObject, ObjectData, ObjectKind};
pub use property::{Attributes, Property, PropertyKey, PropertyMap};
pub use string::{atoms, Atom, JsString};
pub use symbol::{Symbol, WellKnown};

use gc::{custom_trace, Finalize, Trace};

/// A JavaScript value. Clone is cheap: a copy, or one reference-count increment.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// `undefined` (the default).
    #[default]
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (IEEE 754 double).
    Number(f64),
    /// A string (UTF-16 code units).
    String(JsString),
    /// A symbol.
    Symbol(Symbol),
    /// A BigInt (an immutable reference-counted integer; holds no GC references).
    BigInt(JsBigInt),
    /// An object (functions, arrays and promises included).
    Object(JsObject),
}

const _: () = assert!(size_of::<Value>() <= 16);
const _: () = assert!(size_of::<Option<Value>>() <= 16);
const _: () = assert!(size_of::<JsObject>() == 8);

/// Why a conversion could not be completed without the interpreter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConversionError {
    /// The spec throws a TypeError (e.g. ToNumber of a Symbol); the message is for that error.
    TypeError(&'static str),
    /// The value is an object: the interpreter must run ToPrimitive first.
    NeedsToPrimitive,
}

impl Value {
    /// Is it `undefined`?
    #[inline]
    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }
    /// Drop with the tag tested inline: only heap values (strings, symbols, BigInts,
    /// objects) go through the out-of-line drop glue, which is a call even for a number.
    #[inline(always)]
    pub fn release(self) {
        match self {
            v @ (Value::String(_) | Value::Symbol(_) | Value::BigInt(_) | Value::Object(_)) => {
                drop(v)
            }
            v => std::mem::forget(v),
        }
    }

    /// Is it `undefined` or `null`?
    #[inline]
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }
    /// The object, if it is one.
    #[inline]
    pub fn as_object(&self) -> Option<&JsObject> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    /// The number, if it is one (no conversion).
    #[inline]
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// ToBoolean (ECMA-262 §7.1.2).
    #[inline]
    pub fn to_boolean(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => !(*n == 0.0 || n.is_nan()),
            Value::String(s) => !s.is_empty(),
            Value::BigInt(b) => !b.is_zero(),
            Value::Symbol(_) | Value::Object(_) => true,
        }
    }

    /// The `typeof` result, as an atom (pre-interned, no allocation).
    pub fn type_of(&self) -> Atom {
        match self {
            Value::Undefined => atoms::UNDEFINED,
            Value::Null => atoms::OBJECT,
            Value::Bool(_) => atoms::BOOLEAN,
            Value::Number(_) => atoms::NUMBER,
            Value::String(_) => atoms::STRING,
            Value::Symbol(_) => atoms::SYMBOL,
            Value::BigInt(_) => atoms::BIGINT,
            Value::Object(o) => {
                if o.borrow().kind.is_callable() {
                    atoms::FUNCTION
                } else {
                    atoms::OBJECT
                }
            }
        }
    }

    /// IsStrictlyEqual (`===`).
    pub fn strict_equals(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => number::equal(*a, *b),
            _ => self.same_non_number(other),
        }
    }

    /// SameValue (`Object.is`).
    pub fn same_value(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => number::same_value(*a, *b),
            _ => self.same_non_number(other),
        }
    }

    /// SameValueZero (`includes`, Map/Set keys).
    pub fn same_value_zero(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => number::same_value_zero(*a, *b),
            _ => self.same_non_number(other),
        }
    }

    /// SameValueNonNumber, and `false` for mixed types.
    fn same_non_number(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Symbol(a), Value::Symbol(b)) => a == b,
            (Value::BigInt(a), Value::BigInt(b)) => a == b,
            (Value::Object(a), Value::Object(b)) => a == b,
            _ => false,
        }
    }

    /// ToNumber for primitives (objects need ToPrimitive first; Symbols throw).
    pub fn to_number_primitive(&self) -> Result<f64, ConversionError> {
        Ok(match self {
            Value::Undefined => f64::NAN,
            Value::Null => 0.0,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => *n,
            Value::String(s) => number::string_to_number(s),
            Value::Symbol(_) => {
                return Err(ConversionError::TypeError(
                    "Cannot convert a Symbol value to a number",
                ))
            }
            Value::BigInt(_) => {
                return Err(ConversionError::TypeError(
                    "Cannot convert a BigInt value to a number",
                ))
            }
            Value::Object(_) => return Err(ConversionError::NeedsToPrimitive),
        })
    }

    /// ToString for primitives (objects need ToPrimitive first; Symbols throw).
    pub fn to_string_primitive(&self) -> Result<JsString, ConversionError> {
        Ok(match self {
            Value::Undefined => atoms::UNDEFINED.to_js_string(),
            Value::Null => atoms::NULL.to_js_string(),
            Value::Bool(true) => atoms::TRUE.to_js_string(),
            Value::Bool(false) => atoms::FALSE.to_js_string(),
            Value::Number(n) => number::to_string(*n),
            Value::String(s) => s.clone(),
            Value::BigInt(b) => JsString::from(b.to_string_radix(10).as_str()),
            Value::Symbol(_) => {
                return Err(ConversionError::TypeError(
                    "Cannot convert a Symbol value to a string",
                ))
            }
            Value::Object(_) => return Err(ConversionError::NeedsToPrimitive),
        })
    }

    /// ToPropertyKey for primitives (objects need ToPrimitive first). Numbers that are array
    /// indices skip the string round trip.
    pub fn to_property_key_primitive(&self) -> Result<PropertyKey, ConversionError> {
        match self {
            Value::Number(n) => Ok(PropertyKey::from_number(*n)),
            Value::String(s) => Ok(PropertyKey::from_js_string(s)),
            Value::Symbol(s) => Ok(PropertyKey::Symbol(s.clone())),
            Value::Object(_) => Err(ConversionError::NeedsToPrimitive),
            v => Ok(PropertyKey::from_js_string(&v.to_string_primitive()?)),
        }
    }

    /// IsLooselyEqual (`==`) when neither side is an object; `None` if one is (the interpreter
    /// must run ToPrimitive and retry).
    pub fn loose_equals_primitive(&self, other: &Value) -> Option<bool> {
        use Value::*;
        Some(match (self, other) {
            (Object(a), Object(b)) => a == b,
            (Object(_), _) | (_, Object(_)) => {
                if self.is_nullish() || other.is_nullish() {
                    false
                } else {
                    return None;
                }
            }
            (Undefined | Null, Undefined | Null) => true,
            (Undefined | Null, _) | (_, Undefined | Null) => false,
            (Number(a), Number(b)) => a == b,
            (String(a), String(b)) => a == b,
            (Bool(a), Bool(b)) => a == b,
            (Symbol(a), Symbol(b)) => a == b,
            (Symbol(_), _) | (_, Symbol(_)) => false,
            (BigInt(a), BigInt(b)) => a == b,
            (BigInt(a), Number(n)) | (Number(n), BigInt(a)) => a.equals_f64(*n),
            (BigInt(a), String(s)) | (String(s), BigInt(a)) => {
                JsBigInt::from_string(s.as_slice()).is_some_and(|b| &b == a)
            }
            (BigInt(a), Bool(x)) | (Bool(x), BigInt(a)) => *a == JsBigInt::from_i64(i64::from(*x)),
            // Remaining: number/string/bool mixes compare as numbers.
            (a, b) => a.to_number_primitive().ok()? == b.to_number_primitive().ok()?,
        })
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}
impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::Number(f64::from(n))
    }
}
impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(f64::from(n))
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<JsString> for Value {
    fn from(s: JsString) -> Self {
        Value::String(s)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(JsString::from(s))
    }
}
impl From<JsObject> for Value {
    fn from(o: JsObject) -> Self {
        Value::Object(o)
    }
}
impl From<JsBigInt> for Value {
    fn from(b: JsBigInt) -> Self {
        Value::BigInt(b)
    }
}
impl From<Symbol> for Value {
    fn from(s: Symbol) -> Self {
        Value::Symbol(s)
    }
}

impl Finalize for Value {}
// SAFETY: only the Object variant holds a GC pointer.
unsafe impl Trace for Value {
    custom_trace!(this, mark, {
        if let Value::Object(o) = this {
            mark(o);
        }
    });
}

#[cfg(test)]
mod tests {
    mod number_node;
    mod value;
}
