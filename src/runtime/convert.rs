//! Value conversion between Rust and JS: [`FromJs`] (JS → Rust, strict: a number parameter
//! accepts only a number, so a host function gets a clean `TypeError` instead of a silent
//! coercion) and [`IntoJs`] (Rust → JS). Implemented for the primitives, `String`/`&str`,
//! `Vec`, `HashMap`/`IndexMap` with string keys, `Option`, `Result` (into JS only: `Err`
//! throws), and [`Value`]/[`JsObject`] themselves.
//!
//! Not here: coercing conversions (use `interp::ops` for ToNumber/ToString), serde (the `serde`
//! feature's `runtime::serde` module).

use super::error::Error;
use crate::interp::{props, Interp};
use crate::value::object::ObjectKind;
use crate::value::{JsObject, JsString, PropertyKey, Value};
use indexmap::IndexMap;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// Converts a JS value into a Rust value. Strict: no coercion, a value of the wrong type is an
/// [`Error::Type`] (a `TypeError` when it is a host function's argument).
///
/// ```
/// use tidejs::{FromJs, Runtime};
/// let mut rt = Runtime::new();
/// let v = rt.eval("[1, 2, 3].map(x => x * 2)", "<eval>").unwrap();
/// let xs: Vec<u32> = rt.convert(&v).unwrap();
/// assert_eq!(xs, vec![2, 4, 6]);
/// assert!(rt.convert::<String>(&v).is_err());
/// ```
pub trait FromJs: Sized {
    /// Convert `v`. Getters on objects may run JS, hence the engine.
    fn from_js(cx: &mut Interp, v: &Value) -> Result<Self, Error>;
}

/// Converts a Rust value into a JS value.
///
/// ```
/// use tidejs::{IntoJs, Runtime};
/// let mut rt = Runtime::new();
/// rt.set_global("point", vec![1.5, 2.5]).unwrap();
/// assert_eq!(rt.eval_as::<f64>("point[0] + point[1]").unwrap(), 4.0);
/// ```
pub trait IntoJs {
    /// Convert `self`. An `Err` becomes a thrown JS error (see [`Error`]).
    fn into_js(self, cx: &mut Interp) -> Result<Value, Error>;
}

/// The JS type name of a value, for conversion messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Undefined => "undefined",
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Symbol(_) => "symbol",
        Value::BigInt(_) => "bigint",
        Value::Object(o) if o.borrow().kind.is_callable() => "function",
        Value::Object(o) if matches!(o.borrow().kind, ObjectKind::Array(_)) => "array",
        Value::Object(_) => "object",
    }
}

fn expected(what: &str, v: &Value) -> Error {
    Error::Type(format!("expected {what}, got {}", type_name(v)))
}

impl FromJs for Value {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        Ok(v.clone())
    }
}

impl IntoJs for Value {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(self)
    }
}

impl FromJs for JsObject {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::Object(o) => Ok(o.clone()),
            _ => Err(expected("an object", v)),
        }
    }
}

impl IntoJs for JsObject {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::Object(self))
    }
}

impl FromJs for () {
    fn from_js(_: &mut Interp, _: &Value) -> Result<Self, Error> {
        Ok(())
    }
}

impl IntoJs for () {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::Undefined)
    }
}

impl FromJs for bool {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => Err(expected("a boolean", v)),
        }
    }
}

impl IntoJs for bool {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::Bool(self))
    }
}

impl FromJs for f64 {
    #[inline]
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::Number(n) => Ok(*n),
            _ => Err(expected("a number", v)),
        }
    }
}

impl IntoJs for f64 {
    #[inline]
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::Number(self))
    }
}

impl FromJs for f32 {
    fn from_js(cx: &mut Interp, v: &Value) -> Result<Self, Error> {
        f64::from_js(cx, v).map(|n| n as f32)
    }
}

impl IntoJs for f32 {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::Number(f64::from(self)))
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        /// Accepts a number that is an integer within the type's range.
        impl FromJs for $t {
            #[inline]
            fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
                let Value::Number(n) = v else {
                    return Err(expected(concat!("an integer (", stringify!($t), ")"), v));
                };
                let n = *n;
                if n.fract() == 0.0 && n >= <$t>::MIN as f64 && n <= <$t>::MAX as f64 {
                    Ok(n as $t)
                } else {
                    Err(Error::Type(format!(
                        concat!("expected an integer (", stringify!($t), "), got {}"),
                        crate::value::number::to_string(n)
                    )))
                }
            }
        }

        /// Converts to a JS number (exact up to 2^53).
        impl IntoJs for $t {
            #[inline]
            fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
                Ok(Value::Number(self as f64))
            }
        }
    )*};
}

integers!(i8, i16, i32, i64, u8, u16, u32, u64, isize, usize);

impl FromJs for String {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            // Lone surrogates have no UTF-8 form: U+FFFD, as `TextEncoder` does.
            Value::String(s) => Ok(s.to_std_string_lossy()),
            _ => Err(expected("a string", v)),
        }
    }
}

impl IntoJs for String {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::String(JsString::from(self.as_str())))
    }
}

impl IntoJs for &str {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::String(JsString::from(self)))
    }
}

impl FromJs for JsString {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::String(s) => Ok(s.clone()),
            _ => Err(expected("a string", v)),
        }
    }
}

impl IntoJs for JsString {
    fn into_js(self, _: &mut Interp) -> Result<Value, Error> {
        Ok(Value::String(self))
    }
}

/// `undefined` and `null` are `None`.
impl<T: FromJs> FromJs for Option<T> {
    fn from_js(cx: &mut Interp, v: &Value) -> Result<Self, Error> {
        if v.is_nullish() {
            Ok(None)
        } else {
            T::from_js(cx, v).map(Some)
        }
    }
}

/// `None` is `null`.
impl<T: IntoJs> IntoJs for Option<T> {
    fn into_js(self, cx: &mut Interp) -> Result<Value, Error> {
        match self {
            Some(v) => v.into_js(cx),
            None => Ok(Value::Null),
        }
    }
}

/// `Err` is thrown (or rejects, from an async host function) as a JS `Error` whose message is
/// the error's `Display` text; an `Err` of this crate's [`Error`] passes through as it is (a
/// JS exception it reports is rethrown as the same value, a limit keeps ending the script).
impl<T: IntoJs, E: std::fmt::Display + 'static> IntoJs for Result<T, E> {
    fn into_js(self, cx: &mut Interp) -> Result<Value, Error> {
        match self {
            Ok(v) => v.into_js(cx),
            // An `Error` passes through as it is (a JS exception is rethrown, a limit keeps
            // ending the script); any other error becomes an `Error` with its text.
            Err(e) => match (&e as &dyn std::any::Any).downcast_ref::<Error>() {
                Some(err) => Err(err.clone()),
                None => Err(Error::Host(e.to_string())),
            },
        }
    }
}

/// Accepts an array (elements read with `[[Get]]`, holes are `undefined`).
impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(cx: &mut Interp, v: &Value) -> Result<Self, Error> {
        let Value::Object(o) = v else {
            return Err(expected("an array", v));
        };
        if !matches!(o.borrow().kind, ObjectKind::Array(_)) {
            return Err(expected("an array", v));
        }
        let len = props::array_length(o);
        let mut out = Vec::with_capacity(len.min(1 << 16) as usize);
        for i in 0..len {
            let item = get(cx, v, PropertyKey::Index(i))?;
            let item = T::from_js(cx, &item).map_err(|e| match e {
                Error::Type(m) => Error::Type(format!("element {i}: {m}")),
                other => other,
            })?;
            out.push(item);
        }
        Ok(out)
    }
}

impl<T: IntoJs> IntoJs for Vec<T> {
    fn into_js(self, cx: &mut Interp) -> Result<Value, Error> {
        let mut items = Vec::with_capacity(self.len());
        for x in self {
            items.push(x.into_js(cx)?);
        }
        Ok(Value::Object(cx.new_array(items)))
    }
}

/// `[[Get]]` with a thrown exception turned into [`Error::Uncaught`].
fn get(cx: &mut Interp, v: &Value, key: PropertyKey) -> Result<Value, Error> {
    props::get(cx, v, &key).map_err(|_| super::runtime::take_exception(cx))
}

fn key_string(key: &PropertyKey) -> Option<String> {
    match key {
        PropertyKey::Index(i) => Some(i.to_string()),
        PropertyKey::String(a) => Some(a.to_js_string().to_std_string_lossy()),
        PropertyKey::Symbol(_) => None,
    }
}

/// An object's own enumerable string-keyed properties, in property order.
fn object_entries<T: FromJs>(cx: &mut Interp, v: &Value) -> Result<Vec<(String, T)>, Error> {
    let Value::Object(o) = v else {
        return Err(expected("an object", v));
    };
    let keys: Vec<PropertyKey> = {
        let data = o.borrow();
        data.own_keys()
            .into_iter()
            .filter(|k| {
                data.get_own_property(k)
                    .is_some_and(|p| p.attrs.enumerable())
            })
            .collect()
    };
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let Some(name) = key_string(&key) else {
            continue;
        };
        let item = get(cx, v, key)?;
        let item = T::from_js(cx, &item).map_err(|e| match e {
            Error::Type(m) => Error::Type(format!("property {name}: {m}")),
            other => other,
        })?;
        out.push((name, item));
    }
    Ok(out)
}

fn new_object(cx: &mut Interp, entries: Vec<(String, Value)>) -> Value {
    let obj = JsObject::ordinary(Some(cx.intrinsics.object_proto.clone()));
    for (k, v) in entries {
        props::define_data(&obj, PropertyKey::from_str_key(&k), v);
    }
    Value::Object(obj)
}

/// Accepts an object: its own enumerable string-keyed properties.
impl<T: FromJs, S: BuildHasher + Default> FromJs for HashMap<String, T, S> {
    fn from_js(cx: &mut Interp, v: &Value) -> Result<Self, Error> {
        Ok(object_entries(cx, v)?.into_iter().collect())
    }
}

/// A plain object (property order: the map's iteration order).
impl<K: AsRef<str>, T: IntoJs, S> IntoJs for HashMap<K, T, S> {
    fn into_js(self, cx: &mut Interp) -> Result<Value, Error> {
        let mut entries = Vec::with_capacity(self.len());
        for (k, v) in self {
            entries.push((k.as_ref().to_string(), v.into_js(cx)?));
        }
        Ok(new_object(cx, entries))
    }
}

/// Accepts an object, keeping its property order.
impl<T: FromJs, S: BuildHasher + Default> FromJs for IndexMap<String, T, S> {
    fn from_js(cx: &mut Interp, v: &Value) -> Result<Self, Error> {
        Ok(object_entries(cx, v)?.into_iter().collect())
    }
}

/// A plain object with the map's order (integer-like keys still come first, as in JS).
impl<K: AsRef<str>, T: IntoJs, S> IntoJs for IndexMap<K, T, S> {
    fn into_js(self, cx: &mut Interp) -> Result<Value, Error> {
        let mut entries = Vec::with_capacity(self.len());
        for (k, v) in self {
            entries.push((k.as_ref().to_string(), v.into_js(cx)?));
        }
        Ok(new_object(cx, entries))
    }
}
