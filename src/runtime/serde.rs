//! The `serde` feature: any `Serialize` type to a JS value ([`to_value`]) and any
//! `Deserialize` type from one ([`from_value`]), plus the [`Serde`] wrapper that makes such a
//! type a host-function parameter or result. The mapping is JSON's: structs and maps are plain
//! objects (string keys), sequences and tuples arrays, `None`/unit `null`, unit enum variants
//! strings, other variants `{ "Variant": content }`; numbers are f64.
//!
//! It goes through a small intermediate tree (`Node`): JS values are read once (own enumerable
//! properties, array elements, read with `[[Get]]`) and Rust types see only
//! the tree. Not here: JS-specific types (functions, symbols, Maps: a `TypeError`), cycles (an
//! error past a fixed depth).
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! use tidejs::runtime::serde::{from_value, to_value, Serde};
//! use tidejs::Runtime;
//!
//! #[derive(Serialize, Deserialize, Debug, PartialEq)]
//! struct User { id: u32, name: String, tags: Vec<String>, admin: Option<bool> }
//!
//! let mut rt = Runtime::new();
//! rt.register_fn("promote", |Serde(mut u): Serde<User>| { u.admin = Some(true); Serde(u) });
//! let v = rt.eval("promote({ id: 7, name: 'ada', tags: ['x'] })", "u.js").unwrap();
//! let u: User = from_value(rt.interp(), &v).unwrap();
//! assert_eq!(u, User { id: 7, name: "ada".into(), tags: vec!["x".into()], admin: Some(true) });
//! let back = to_value(rt.interp(), &u).unwrap();
//! rt.set_global("u", back).unwrap();
//! assert_eq!(rt.eval_as::<String>("JSON.stringify(u)").unwrap(),
//!            r#"{"id":7,"name":"ada","tags":["x"],"admin":true}"#);
//! ```

use super::convert::{FromJs, IntoJs};
use super::error::Error;
use crate::interp::{props, Interp};
use crate::value::object::ObjectKind;
use crate::value::{JsObject, JsString, PropertyKey, Value};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};
use std::fmt::Display;

/// Nesting deeper than this is an error (cycles, runaway structures).
const MAX_DEPTH: usize = 512;

/// A JS-shaped tree between serde and the engine.
#[derive(Debug, Clone)]
enum Node {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// Wraps a serde type to use it as a host-function parameter or result.
#[derive(Debug, Clone, PartialEq)]
pub struct Serde<T>(pub T);

impl<T: DeserializeOwned> FromJs for Serde<T> {
    fn from_js(cx: &mut Interp, v: &Value) -> Result<Self, Error> {
        from_value(cx, v).map(Serde)
    }
}

impl<T: Serialize> IntoJs for Serde<T> {
    fn into_js(self, cx: &mut Interp) -> Result<Value, Error> {
        to_value(cx, &self.0)
    }
}

/// Serialize `value` into a JS value.
pub fn to_value<T: Serialize + ?Sized>(cx: &mut Interp, value: &T) -> Result<Value, Error> {
    let node = value.serialize(NodeSer).map_err(|e| Error::Type(e.0))?;
    Ok(build(cx, node))
}

/// Deserialize a JS value into `T`.
pub fn from_value<T: DeserializeOwned>(cx: &mut Interp, v: &Value) -> Result<T, Error> {
    let node = read(cx, v, 0)?;
    T::deserialize(node).map_err(|e| Error::Type(e.0))
}

fn build(cx: &mut Interp, node: Node) -> Value {
    match node {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(b),
        Node::Num(n) => Value::Number(n),
        Node::Str(s) => Value::String(JsString::from(s.as_str())),
        Node::Seq(items) => {
            let vals = items.into_iter().map(|n| build(cx, n)).collect();
            Value::Object(cx.new_array(vals))
        }
        Node::Map(entries) => {
            let obj = JsObject::ordinary(Some(cx.intrinsics.object_proto.clone()));
            for (k, n) in entries {
                let v = build(cx, n);
                props::define_data(&obj, PropertyKey::from_str_key(&k), v);
            }
            Value::Object(obj)
        }
    }
}

fn read(cx: &mut Interp, v: &Value, depth: usize) -> Result<Node, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::Type("value nested too deeply (a cycle?)".into()));
    }
    Ok(match v {
        Value::Undefined | Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(*b),
        Value::Number(n) => Node::Num(*n),
        Value::String(s) => Node::Str(s.to_std_string_lossy()),
        Value::Symbol(_) => return Err(Error::Type("a symbol has no serde form".into())),
        // As JSON.stringify: a BigInt has no lossless form among serde's numbers here.
        Value::BigInt(_) => return Err(Error::Type("a BigInt has no serde form".into())),
        Value::Object(o) => {
            let kind = {
                let d = o.borrow();
                match &d.kind {
                    ObjectKind::Array(_) => 1,
                    k if k.is_callable() => 2,
                    _ => 0,
                }
            };
            match kind {
                1 => {
                    let items: Vec<Value> = Vec::<Value>::from_js(cx, v)?;
                    let mut out = Vec::with_capacity(items.len());
                    for item in &items {
                        out.push(read(cx, item, depth + 1)?);
                    }
                    Node::Seq(out)
                }
                2 => return Err(Error::Type("a function has no serde form".into())),
                _ => {
                    let entries: indexmap::IndexMap<String, Value> = FromJs::from_js(cx, v)?;
                    let mut out = Vec::with_capacity(entries.len());
                    for (k, item) in entries {
                        // `undefined` properties are absent, as in JSON.
                        if item.is_undefined() {
                            continue;
                        }
                        out.push((k, read(cx, &item, depth + 1)?));
                    }
                    Node::Map(out)
                }
            }
        }
    })
}

// ───────────── errors ─────────────

/// A serde error (message only).
#[derive(Debug)]
struct SerdeError(String);

impl Display for SerdeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerdeError {}

impl ser::Error for SerdeError {
    fn custom<T: Display>(msg: T) -> Self {
        SerdeError(msg.to_string())
    }
}

impl de::Error for SerdeError {
    fn custom<T: Display>(msg: T) -> Self {
        SerdeError(msg.to_string())
    }
}

// ───────────── Rust → Node ─────────────

struct NodeSer;

/// Collects a sequence (optionally as a `{ variant: [...] }`).
struct SeqSer(Vec<Node>, Option<&'static str>);
/// Collects a map or struct (optionally as a `{ variant: {...} }`).
struct MapSer(Vec<(String, Node)>, Option<String>, Option<&'static str>);

fn wrap_variant(variant: Option<&'static str>, node: Node) -> Node {
    match variant {
        Some(v) => Node::Map(vec![(v.to_string(), node)]),
        None => node,
    }
}

impl ser::Serializer for NodeSer {
    type Ok = Node;
    type Error = SerdeError;
    type SerializeSeq = SeqSer;
    type SerializeTuple = SeqSer;
    type SerializeTupleStruct = SeqSer;
    type SerializeTupleVariant = SeqSer;
    type SerializeMap = MapSer;
    type SerializeStruct = MapSer;
    type SerializeStructVariant = MapSer;

    fn serialize_bool(self, v: bool) -> Result<Node, SerdeError> {
        Ok(Node::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Node, SerdeError> {
        Ok(Node::Num(f64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<Node, SerdeError> {
        Ok(Node::Num(f64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<Node, SerdeError> {
        Ok(Node::Num(f64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<Node, SerdeError> {
        Ok(Node::Num(v as f64))
    }
    fn serialize_u8(self, v: u8) -> Result<Node, SerdeError> {
        Ok(Node::Num(f64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<Node, SerdeError> {
        Ok(Node::Num(f64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<Node, SerdeError> {
        Ok(Node::Num(f64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result<Node, SerdeError> {
        Ok(Node::Num(v as f64))
    }
    fn serialize_f32(self, v: f32) -> Result<Node, SerdeError> {
        Ok(Node::Num(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<Node, SerdeError> {
        Ok(Node::Num(v))
    }
    fn serialize_char(self, v: char) -> Result<Node, SerdeError> {
        Ok(Node::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Node, SerdeError> {
        Ok(Node::Str(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Node, SerdeError> {
        Ok(Node::Seq(
            v.iter().map(|b| Node::Num(f64::from(*b))).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Node, SerdeError> {
        Ok(Node::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node, SerdeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, SerdeError> {
        Ok(Node::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Node, SerdeError> {
        Ok(Node::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Node, SerdeError> {
        Ok(Node::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Node, SerdeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Node, SerdeError> {
        Ok(wrap_variant(Some(variant), value.serialize(NodeSer)?))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSer, SerdeError> {
        Ok(SeqSer(Vec::with_capacity(len.unwrap_or(0)), None))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqSer, SerdeError> {
        Ok(SeqSer(Vec::with_capacity(len), None))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqSer, SerdeError> {
        Ok(SeqSer(Vec::with_capacity(len), None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqSer, SerdeError> {
        Ok(SeqSer(Vec::with_capacity(len), Some(variant)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapSer, SerdeError> {
        Ok(MapSer(Vec::with_capacity(len.unwrap_or(0)), None, None))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<MapSer, SerdeError> {
        Ok(MapSer(Vec::with_capacity(len), None, None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<MapSer, SerdeError> {
        Ok(MapSer(Vec::with_capacity(len), None, Some(variant)))
    }
}

impl ser::SerializeSeq for SeqSer {
    type Ok = Node;
    type Error = SerdeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        self.0.push(value.serialize(NodeSer)?);
        Ok(())
    }
    fn end(self) -> Result<Node, SerdeError> {
        Ok(wrap_variant(self.1, Node::Seq(self.0)))
    }
}

impl ser::SerializeTuple for SeqSer {
    type Ok = Node;
    type Error = SerdeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, SerdeError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqSer {
    type Ok = Node;
    type Error = SerdeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, SerdeError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for SeqSer {
    type Ok = Node;
    type Error = SerdeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, SerdeError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for MapSer {
    type Ok = Node;
    type Error = SerdeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerdeError> {
        let k = match key.serialize(NodeSer)? {
            Node::Str(s) => s,
            Node::Num(n) => crate::value::number::to_string(n).to_std_string_lossy(),
            Node::Bool(b) => b.to_string(),
            _ => return Err(SerdeError("map keys must be strings or numbers".into())),
        };
        self.1 = Some(k);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        let k = self
            .1
            .take()
            .ok_or_else(|| SerdeError("map value without a key".into()))?;
        self.0.push((k, value.serialize(NodeSer)?));
        Ok(())
    }
    fn end(self) -> Result<Node, SerdeError> {
        Ok(wrap_variant(self.2, Node::Map(self.0)))
    }
}

impl ser::SerializeStruct for MapSer {
    type Ok = Node;
    type Error = SerdeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerdeError> {
        self.0.push((key.to_string(), value.serialize(NodeSer)?));
        Ok(())
    }
    fn end(self) -> Result<Node, SerdeError> {
        Ok(wrap_variant(self.2, Node::Map(self.0)))
    }
}

impl ser::SerializeStructVariant for MapSer {
    type Ok = Node;
    type Error = SerdeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerdeError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<Node, SerdeError> {
        ser::SerializeStruct::end(self)
    }
}

// ───────────── Node → Rust ─────────────

impl<'de> IntoDeserializer<'de, SerdeError> for Node {
    type Deserializer = Node;
    fn into_deserializer(self) -> Node {
        self
    }
}

impl<'de> de::Deserializer<'de> for Node {
    type Error = SerdeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::Num(n) => {
                // Integers in range go to the integer visitors, so `u32` fields accept them.
                if n.fract() == 0.0 && n >= 0.0 && n <= u64::MAX as f64 {
                    visitor.visit_u64(n as u64)
                } else if n.fract() == 0.0 && n >= i64::MIN as f64 && n < 0.0 {
                    visitor.visit_i64(n as i64)
                } else {
                    visitor.visit_f64(n)
                }
            }
            Node::Str(s) => visitor.visit_string(s),
            Node::Seq(items) => {
                visitor.visit_seq(de::value::SeqDeserializer::new(items.into_iter()))
            }
            Node::Map(entries) => {
                visitor.visit_map(de::value::MapDeserializer::new(entries.into_iter()))
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Node::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        match self {
            Node::Str(s) => visitor.visit_enum(s.into_deserializer()),
            Node::Map(mut entries) if entries.len() == 1 => {
                let (variant, content) = entries.remove(0);
                visitor.visit_enum(EnumDe(variant, content))
            }
            _ => Err(SerdeError(
                "expected a string or a single-key object for an enum".into(),
            )),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct EnumDe(String, Node);

impl<'de> de::EnumAccess<'de> for EnumDe {
    type Error = SerdeError;
    type Variant = Node;
    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Node), SerdeError> {
        let v = seed.deserialize(de::value::StringDeserializer::<SerdeError>::new(self.0))?;
        Ok((v, self.1))
    }
}

impl<'de> de::VariantAccess<'de> for Node {
    type Error = SerdeError;
    fn unit_variant(self) -> Result<(), SerdeError> {
        Ok(())
    }
    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, SerdeError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, SerdeError> {
        de::Deserializer::deserialize_any(self, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
