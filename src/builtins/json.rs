//! `JSON` (ECMA-262 §25.5): `parse` (the exact JSON grammar over the string's UTF-16 code
//! units, the reviver's holder walk with deletes on `undefined`) and `stringify` (replacer
//! function or property list, the gap clamped to 10, `toJSON`, boxed primitives, cycle
//! detection, well-formed escaping of lone surrogates), plus `[Symbol.toStringTag]`.
//!
//! Speed: `parse` reads the code units in place and allocates only the values it builds;
//! `stringify` writes into one UTF-16 buffer (no intermediate strings per member) and rolls it
//! back when a member turns out to be `undefined`. Error messages are V8's (node 20's).
//!
//! Not here: `JSON.rawJSON`/`isRawJSON` and the reviver's `context` argument (the
//! json-parse-with-source proposal, excluded). A BigInt is serialised only through a `toJSON`
//! (`BigInt.prototype.toJSON` if the program defines one); otherwise it is V8's TypeError.

use super::{arg, method, to_string_tag};
use crate::interp::function::is_callable;
use crate::interp::{ops, props, proxy, Interp, JsResult, Throw};
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, number, JsObject, JsString, PropertyKey, Value};

// ───────────── parse ─────────────

struct Parser<'a> {
    src: &'a [u16],
    pos: usize,
}

/// A parse error: V8's message template and the position it names.
enum PErr {
    /// "Unexpected token" at `pos` (or end of input / number / string, by what is there).
    Token,
    Eos,
    Number,
    At(&'static str),
}

type PResult<T> = Result<T, (PErr, usize)>;

fn is_ws(c: u16) -> bool {
    matches!(c, 0x09 | 0x0A | 0x0D | 0x20)
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.src.len() && is_ws(self.src[self.pos]) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u16> {
        self.src.get(self.pos).copied()
    }

    fn unexpected<T>(&self) -> PResult<T> {
        Err(match self.peek() {
            None => (PErr::Eos, self.pos),
            Some(_) => (PErr::Token, self.pos),
        })
    }

    fn value(&mut self, interp: &mut Interp) -> PResult<Value> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.value_inner(interp))
    }

    fn value_inner(&mut self, interp: &mut Interp) -> PResult<Value> {
        self.skip_ws();
        match self.peek() {
            Some(0x22) => Ok(Value::String(self.string()?)),
            Some(0x7B) => self.object(interp),
            Some(0x5B) => self.array(interp),
            Some(c) if c == u16::from(b'-') || (0x30..=0x39).contains(&c) => self.number(),
            Some(0x74) => self.literal(b"true", Value::Bool(true)),
            Some(0x66) => self.literal(b"false", Value::Bool(false)),
            Some(0x6E) => self.literal(b"null", Value::Null),
            _ => self.unexpected(),
        }
    }

    fn literal(&mut self, word: &[u8], v: Value) -> PResult<Value> {
        for &b in word {
            if self.peek() != Some(u16::from(b)) {
                return self.unexpected();
            }
            self.pos += 1;
        }
        Ok(v)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if (0x30..=0x39).contains(&c)) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> PResult<Value> {
        let start = self.pos;
        let neg = self.peek() == Some(u16::from(b'-'));
        if neg {
            self.pos += 1;
        }
        match self.peek() {
            Some(0x30) => {
                self.pos += 1;
                if matches!(self.peek(), Some(c) if (0x30..=0x39).contains(&c)) {
                    return Err((PErr::Number, self.pos));
                }
            }
            Some(c) if (0x31..=0x39).contains(&c) => {
                self.digits();
            }
            _ => return Err((PErr::At("No number after minus sign"), self.pos)),
        }
        let int_end = self.pos;
        let mut simple = true;
        if self.peek() == Some(u16::from(b'.')) {
            self.pos += 1;
            if self.digits() == 0 {
                return Err((PErr::At("Unterminated fractional number"), self.pos));
            }
            simple = false;
        }
        if matches!(self.peek(), Some(0x65 | 0x45)) {
            self.pos += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err((PErr::At("Exponent part is missing a number"), self.pos));
            }
            simple = false;
        }
        let digits_start = if neg { start + 1 } else { start };
        if simple && int_end - digits_start <= 15 {
            let mut n: i64 = 0;
            for &c in &self.src[digits_start..int_end] {
                n = n * 10 + i64::from(c - 0x30);
            }
            let x = n as f64;
            return Ok(Value::Number(if neg { -x } else { x }));
        }
        // The token is ASCII by construction: Rust's correctly rounded parser does the rest.
        let text: String = self.src[start..self.pos]
            .iter()
            .map(|&c| c as u8 as char)
            .collect();
        Ok(Value::Number(text.parse::<f64>().unwrap_or(f64::NAN)))
    }

    fn string(&mut self) -> PResult<JsString> {
        self.pos += 1; // opening quote
        let start = self.pos;
        // Fast path: no escapes.
        loop {
            match self.peek() {
                None => return Err((PErr::At("Unterminated string"), self.pos)),
                Some(0x22) => {
                    let s = JsString::from_utf16(&self.src[start..self.pos]);
                    self.pos += 1;
                    return Ok(s);
                }
                Some(0x5C) => break,
                Some(c) if c < 0x20 => {
                    return Err((
                        PErr::At("Bad control character in string literal"),
                        self.pos,
                    ))
                }
                Some(_) => self.pos += 1,
            }
        }
        let mut out: Vec<u16> = self.src[start..self.pos].to_vec();
        loop {
            match self.peek() {
                None => return Err((PErr::At("Unterminated string"), self.pos)),
                Some(0x22) => {
                    self.pos += 1;
                    return Ok(JsString::from_vec(out));
                }
                Some(0x5C) => {
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return Err((PErr::At("Unterminated string"), self.pos));
                    };
                    let unit = match e {
                        0x22 => 0x22,
                        0x5C => 0x5C,
                        0x2F => 0x2F,
                        0x62 => 0x08,
                        0x66 => 0x0C,
                        0x6E => 0x0A,
                        0x72 => 0x0D,
                        0x74 => 0x09,
                        0x75 => {
                            let mut v: u16 = 0;
                            for _ in 0..4 {
                                self.pos += 1;
                                let d = self.peek().and_then(|c| char::from_u32(u32::from(c)));
                                match d.and_then(|c| c.to_digit(16)) {
                                    Some(d) => v = v * 16 + d as u16,
                                    None => return Err((PErr::At("Bad Unicode escape"), self.pos)),
                                }
                            }
                            v
                        }
                        _ => return Err((PErr::At("Bad escaped character"), self.pos)),
                    };
                    out.push(unit);
                    self.pos += 1;
                }
                Some(c) if c < 0x20 => {
                    return Err((
                        PErr::At("Bad control character in string literal"),
                        self.pos,
                    ))
                }
                Some(c) => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn array(&mut self, interp: &mut Interp) -> PResult<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(0x5D) {
            self.pos += 1;
            return Ok(Value::Object(interp.new_array(items)));
        }
        loop {
            items.push(self.value(interp)?);
            self.skip_ws();
            match self.peek() {
                Some(0x2C) => self.pos += 1,
                Some(0x5D) => {
                    self.pos += 1;
                    return Ok(Value::Object(interp.new_array(items)));
                }
                _ => {
                    return Err((
                        PErr::At("Expected ',' or ']' after array element"),
                        self.pos,
                    ))
                }
            }
        }
    }

    fn object(&mut self, interp: &mut Interp) -> PResult<Value> {
        self.pos += 1;
        let obj = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
        self.skip_ws();
        match self.peek() {
            Some(0x7D) => {
                self.pos += 1;
                return Ok(Value::Object(obj));
            }
            Some(0x22) => {}
            _ => return Err((PErr::At("Expected property name or '}'"), self.pos)),
        }
        loop {
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(0x3A) {
                return Err((PErr::At("Expected ':' after property name"), self.pos));
            }
            self.pos += 1;
            let v = self.value(interp)?;
            // CreateDataProperty: a repeated key keeps its first position, takes the last value.
            obj.borrow_mut().properties.insert(
                PropertyKey::from_js_string(&key),
                Property::data(v, Attributes::DEFAULT),
            );
            self.skip_ws();
            match self.peek() {
                Some(0x2C) => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() != Some(0x22) {
                        return Err((PErr::At("Expected double-quoted property name"), self.pos));
                    }
                }
                Some(0x7D) => {
                    self.pos += 1;
                    return Ok(Value::Object(obj));
                }
                _ => {
                    return Err((
                        PErr::At("Expected ',' or '}' after property value"),
                        self.pos,
                    ))
                }
            }
        }
    }
}

/// V8's SyntaxError message for a parse failure.
fn error_message(src: &[u16], err: PErr, pos: usize) -> String {
    match err {
        PErr::At(m) if m.ends_with("JSON") => format!("{m} at position {pos}"),
        PErr::At(m) => format!("{m} in JSON at position {pos}"),
        PErr::Eos => "Unexpected end of JSON input".to_string(),
        PErr::Number => format!("Unexpected number in JSON at position {pos}"),
        PErr::Token => {
            let whole = String::from_utf16_lossy(src);
            if matches!(
                whole.as_str(),
                "undefined" | "NaN" | "Infinity" | "[object Object]"
            ) {
                return format!("\"{whole}\" is not valid JSON");
            }
            let tok = String::from_utf16_lossy(&src[pos..pos + 1]);
            // V8: up to 10 code units of context either side, with ellipses.
            const CTX: usize = 10;
            let len = src.len();
            let slice = |a: usize, b: usize| String::from_utf16_lossy(&src[a..b.min(len)]);
            if len <= CTX * 2 + 1 {
                format!("Unexpected token '{tok}', \"{whole}\" is not valid JSON")
            } else if pos < CTX {
                let s = slice(0, pos + CTX);
                format!("Unexpected token '{tok}', \"{s}\"... is not valid JSON")
            } else if pos < len - CTX {
                let s = slice(pos - CTX, pos + CTX);
                format!("Unexpected token '{tok}', ...\"{s}\"... is not valid JSON")
            } else {
                let s = slice(pos - CTX, len);
                format!("Unexpected token '{tok}', ...\"{s}\" is not valid JSON")
            }
        }
    }
}

fn throw_syntax(interp: &mut Interp, msg: &str) -> Throw {
    let p = interp.intrinsics.syntax_error_proto.clone();
    interp.throw_error(p, msg)
}

fn parse(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let text = ops::to_string(interp, &arg(args, 0))?;
    let src = text.as_slice();
    let mut p = Parser { src, pos: 0 };
    let result = p.value(interp).and_then(|v| {
        p.skip_ws();
        if p.pos < src.len() {
            Err((
                PErr::At("Unexpected non-whitespace character after JSON"),
                p.pos,
            ))
        } else {
            Ok(v)
        }
    });
    let value = match result {
        Ok(v) => v,
        Err((e, pos)) => {
            let msg = error_message(src, e, pos);
            return Err(throw_syntax(interp, &msg));
        }
    };
    let reviver = arg(args, 1);
    if !is_callable(&reviver) {
        return Ok(value);
    }
    let root = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    let empty = PropertyKey::String(atoms::EMPTY);
    props::define_data(&root, empty.clone(), value);
    internalize(interp, &Value::Object(root), empty, &reviver)
}

/// InternalizeJSONProperty(holder, name, reviver).
fn internalize(
    interp: &mut Interp,
    holder: &Value,
    name: PropertyKey,
    reviver: &Value,
) -> JsResult<Value> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        let val = props::get(interp, holder, &name)?;
        if let Value::Object(o) = &val {
            let keys: Vec<PropertyKey> = if proxy::is_array(interp, &val)? {
                let len = length_of_array_like(interp, &val)?;
                (0..len as u64).map(index_key).collect()
            } else {
                enumerable_own_string_keys(interp, o)?
            };
            for k in keys {
                let new = internalize(interp, &val, k.clone(), reviver)?;
                // The results of [[Delete]] and CreateDataProperty are ignored.
                if new.is_undefined() {
                    props::delete(interp, o, &k)?;
                } else {
                    props::create_data_property(interp, o, k, new)?;
                }
            }
        }
        let key_value = key_to_value(&name);
        interp.call(reviver, holder.clone(), &[key_value, val])
    })
}

fn index_key(i: u64) -> PropertyKey {
    if i < u64::from(u32::MAX) {
        PropertyKey::Index(i as u32)
    } else {
        PropertyKey::from_js_string(&number::to_string(i as f64))
    }
}

fn key_to_value(k: &PropertyKey) -> Value {
    k.to_value()
}

/// LengthOfArrayLike: ToLength(Get(obj, "length")).
fn length_of_array_like(interp: &mut Interp, v: &Value) -> JsResult<f64> {
    let len = props::get(interp, v, &PropertyKey::String(atoms::LENGTH))?;
    let n = number::to_integer_or_infinity(ops::to_number(interp, &len)?);
    Ok(n.clamp(0.0, 9_007_199_254_740_991.0))
}

/// EnumerableOwnProperties(o, key) (keys only): [[OwnPropertyKeys]], then [[GetOwnProperty]]
/// of each string key (a proxy's traps run in that order).
fn enumerable_own_string_keys(interp: &mut Interp, o: &JsObject) -> JsResult<Vec<PropertyKey>> {
    let mut out = Vec::new();
    for k in props::own_property_keys(interp, o)? {
        if !k.is_symbol()
            && props::get_own_property(interp, o, &k)?.is_some_and(|p| p.attrs.enumerable())
        {
            out.push(k);
        }
    }
    Ok(out)
}

// ───────────── stringify ─────────────

struct Stringifier {
    out: Vec<u16>,
    replacer: Option<Value>,
    property_list: Option<Vec<PropertyKey>>,
    gap: Vec<u16>,
    indent: Vec<u16>,
    /// The objects being serialized, with the key each was reached by (for the cycle message).
    stack: Vec<(JsObject, PropertyKey)>,
}

fn push_str(out: &mut Vec<u16>, s: &str) {
    out.extend(s.bytes().map(u16::from));
}

/// QuoteJSONString into `out`.
fn quote(out: &mut Vec<u16>, s: &[u16]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(0x22);
    let mut run = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let esc: Option<u16> = match c {
            0x08 => Some(u16::from(b'b')),
            0x09 => Some(u16::from(b't')),
            0x0A => Some(u16::from(b'n')),
            0x0C => Some(u16::from(b'f')),
            0x0D => Some(u16::from(b'r')),
            0x22 | 0x5C => Some(c),
            _ => None,
        };
        let needs_u = c < 0x20
            || match c {
                0xD800..=0xDBFF => !matches!(s.get(i + 1), Some(0xDC00..=0xDFFF)),
                0xDC00..=0xDFFF => !(i > 0 && (0xD800..=0xDBFF).contains(&s[i - 1])),
                _ => false,
            };
        if esc.is_none() && !needs_u {
            i += 1;
            continue;
        }
        out.extend_from_slice(&s[run..i]);
        out.push(0x5C);
        if let Some(e) = esc {
            out.push(e);
        } else {
            out.push(u16::from(b'u'));
            for shift in [12, 8, 4, 0] {
                out.push(u16::from(HEX[usize::from((c >> shift) & 0xF)]));
            }
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&s[run..]);
    out.push(0x22);
}

fn write_number(out: &mut Vec<u16>, x: f64) {
    if !x.is_finite() {
        push_str(out, "null");
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        if x == 0.0 {
            out.push(u16::from(b'0'));
            return;
        }
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = (x as i64).unsigned_abs();
        while n > 0 {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        if x < 0.0 {
            out.push(u16::from(b'-'));
        }
        out.extend(buf[i..].iter().map(|&b| u16::from(b)));
    } else {
        out.extend_from_slice(number::to_string(x).as_slice());
    }
}

fn key_units(k: &PropertyKey) -> JsString {
    match k {
        PropertyKey::Index(i) => number::to_string(f64::from(*i)),
        PropertyKey::String(a) => a.to_js_string(),
        PropertyKey::Symbol(s) => s.descriptive_string(),
    }
}

impl Stringifier {
    /// SerializeJSONProperty for `holder[key]` whose value (`Get`) is `value`. Returns `false`
    /// for undefined (nothing written).
    fn property(
        &mut self,
        interp: &mut Interp,
        holder: &Value,
        key: &PropertyKey,
        mut value: Value,
    ) -> JsResult<bool> {
        if let Value::Object(_) | Value::BigInt(_) = &value {
            let to_json = props::get(interp, &value, &PropertyKey::String(atoms::TO_JSON))?;
            if is_callable(&to_json) {
                value = interp.call(&to_json, value.clone(), &[key_to_value(key)])?;
            }
        }
        if let Some(r) = &self.replacer {
            let r = r.clone();
            value = interp.call(&r, holder.clone(), &[key_to_value(key), value])?;
        }
        if let Value::Object(o) = &value {
            enum Boxed {
                Num,
                Str,
                Bool(bool),
                BigInt(crate::value::JsBigInt),
                No,
            }
            let b = match &o.borrow().kind {
                ObjectKind::Number(_) => Boxed::Num,
                ObjectKind::String(_) => Boxed::Str,
                ObjectKind::Boolean(b) => Boxed::Bool(*b),
                ObjectKind::BigInt(b) => Boxed::BigInt(b.clone()),
                _ => Boxed::No,
            };
            match b {
                Boxed::Num => value = Value::Number(ops::to_number(interp, &value)?),
                Boxed::Str => value = Value::String(ops::to_string(interp, &value)?),
                Boxed::Bool(b) => value = Value::Bool(b),
                Boxed::BigInt(b) => value = Value::BigInt(b),
                Boxed::No => {}
            }
        }
        match &value {
            Value::Null => push_str(&mut self.out, "null"),
            Value::Bool(true) => push_str(&mut self.out, "true"),
            Value::Bool(false) => push_str(&mut self.out, "false"),
            Value::String(s) => quote(&mut self.out, s.as_slice()),
            Value::Number(x) => write_number(&mut self.out, *x),
            Value::BigInt(_) => {
                return Err(interp.throw_type_error("Do not know how to serialize a BigInt"))
            }
            Value::Object(o) if !o.borrow().kind.is_callable() => {
                let o = o.clone();
                stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                    self.check_cycle(interp, &o, key)?;
                    self.stack.push((o.clone(), key.clone()));
                    let r = if proxy::is_array(interp, &Value::Object(o.clone()))? {
                        self.array(interp, &o)
                    } else {
                        self.object(interp, &o)
                    };
                    self.stack.pop();
                    r
                })?;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn check_cycle(&self, interp: &mut Interp, o: &JsObject, key: &PropertyKey) -> JsResult<()> {
        let Some(start) = self.stack.iter().position(|(s, _)| s == o) else {
            return Ok(());
        };
        // node's message: the object that starts the cycle, the path, the closing property.
        let describe_key = |k: &PropertyKey| match k {
            PropertyKey::Index(i) => format!("index {i}"),
            other => format!("property '{}'", key_units(other)),
        };
        let mut msg = format!(
            "Converting circular structure to JSON\n    --> starting at object with constructor '{}'",
            constructor_name(&self.stack[start].0)
        );
        for (obj, k) in &self.stack[start + 1..] {
            msg.push_str(&format!(
                "\n    |     {} -> object with constructor '{}'",
                describe_key(k),
                constructor_name(obj)
            ));
        }
        msg.push_str(&format!(
            "\n    --- {} closes the circle",
            describe_key(key)
        ));
        Err(interp.throw_type_error(&msg))
    }

    fn newline_indent(&mut self) {
        self.out.push(u16::from(b'\n'));
        self.out.extend_from_slice(&self.indent);
    }

    fn object(&mut self, interp: &mut Interp, o: &JsObject) -> JsResult<()> {
        let stepback = self.indent.len();
        self.indent.extend_from_slice(&self.gap.clone());
        let keys = match &self.property_list {
            Some(list) => list.clone(),
            None => enumerable_own_string_keys(interp, o)?,
        };
        let holder = Value::Object(o.clone());
        self.out.push(u16::from(b'{'));
        let mut first = true;
        for k in keys {
            let mark = self.out.len();
            if !first {
                self.out.push(u16::from(b','));
            }
            if !self.gap.is_empty() {
                self.newline_indent();
            }
            quote(&mut self.out, key_units(&k).as_slice());
            self.out.push(u16::from(b':'));
            if !self.gap.is_empty() {
                self.out.push(u16::from(b' '));
            }
            let v = props::get(interp, &holder, &k)?;
            if self.property(interp, &holder, &k, v)? {
                first = false;
            } else {
                self.out.truncate(mark);
            }
        }
        self.indent.truncate(stepback);
        if !first && !self.gap.is_empty() {
            self.newline_indent();
        }
        self.out.push(u16::from(b'}'));
        Ok(())
    }

    fn array(&mut self, interp: &mut Interp, o: &JsObject) -> JsResult<()> {
        let stepback = self.indent.len();
        self.indent.extend_from_slice(&self.gap.clone());
        let holder = Value::Object(o.clone());
        let len = length_of_array_like(interp, &holder)? as u64;
        self.out.push(u16::from(b'['));
        for i in 0..len {
            if i > 0 {
                self.out.push(u16::from(b','));
            }
            if !self.gap.is_empty() {
                self.newline_indent();
            }
            let k = index_key(i);
            let v = props::get(interp, &holder, &k)?;
            if !self.property(interp, &holder, &k, v)? {
                push_str(&mut self.out, "null");
            }
        }
        self.indent.truncate(stepback);
        if len > 0 && !self.gap.is_empty() {
            self.newline_indent();
        }
        self.out.push(u16::from(b']'));
        Ok(())
    }
}

/// The name node's cycle message shows: `value.constructor.name` read without running code.
fn constructor_name(o: &JsObject) -> String {
    let mut cur = Some(o.clone());
    while let Some(obj) = cur {
        if let Some(Value::Object(c)) = obj.get_own_data(&PropertyKey::String(atoms::CONSTRUCTOR)) {
            if let Some(Value::String(n)) = c.get_own_data(&PropertyKey::String(atoms::NAME)) {
                return n.to_string();
            }
        }
        cur = obj.prototype();
    }
    "Object".to_string()
}

fn stringify(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let value = arg(args, 0);
    let replacer = arg(args, 1);
    let mut space = arg(args, 2);
    let mut replacer_fn = None;
    let mut property_list = None;
    if let Value::Object(_) = &replacer {
        if is_callable(&replacer) {
            replacer_fn = Some(replacer.clone());
        } else if proxy::is_array(interp, &replacer)? {
            let len = length_of_array_like(interp, &replacer)? as u64;
            let mut list: Vec<PropertyKey> = Vec::new();
            for i in 0..len {
                let v = props::get(interp, &replacer, &index_key(i))?;
                let item = match &v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(x) => Some(number::to_string(*x)),
                    Value::Object(o)
                        if matches!(
                            o.borrow().kind,
                            ObjectKind::String(_) | ObjectKind::Number(_)
                        ) =>
                    {
                        Some(ops::to_string(interp, &v)?)
                    }
                    _ => None,
                };
                if let Some(s) = item {
                    let k = PropertyKey::from_js_string(&s);
                    if !list.contains(&k) {
                        list.push(k);
                    }
                }
            }
            property_list = Some(list);
        }
    }
    if let Value::Object(s) = &space {
        let kind = match &s.borrow().kind {
            ObjectKind::Number(_) => 1,
            ObjectKind::String(_) => 2,
            _ => 0,
        };
        if kind == 1 {
            space = Value::Number(ops::to_number(interp, &space)?);
        } else if kind == 2 {
            space = Value::String(ops::to_string(interp, &space)?);
        }
    }
    let gap: Vec<u16> = match &space {
        Value::Number(n) => {
            let k = number::to_integer_or_infinity(*n).min(10.0);
            if k < 1.0 {
                Vec::new()
            } else {
                vec![u16::from(b' '); k as usize]
            }
        }
        Value::String(s) => s.as_slice()[..s.len().min(10)].to_vec(),
        _ => Vec::new(),
    };
    let wrapper = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    let empty = PropertyKey::String(atoms::EMPTY);
    props::define_data(&wrapper, empty.clone(), value.clone());
    let mut st = Stringifier {
        out: Vec::new(),
        replacer: replacer_fn,
        property_list,
        gap,
        indent: Vec::new(),
        stack: Vec::new(),
    };
    if st.property(interp, &Value::Object(wrapper), &empty, value)? {
        Ok(Value::String(JsString::from_vec(st.out)))
    } else {
        Ok(Value::Undefined)
    }
}

pub fn install(interp: &mut Interp) {
    let json = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    method(interp, &json, "parse", 2, parse);
    method(interp, &json, "stringify", 3, stringify);
    to_string_tag(&json, "JSON");
    super::global_value(interp, "JSON", Value::Object(json));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn quote_escapes_as_node() {
        // node: JSON.stringify('a"b\\c\n\u0001\ud800x\udc00😀') === '"a\\"b\\\\c\\n\\u0001\\ud800x\\udc00😀"'
        let mut s = units("a\"b\\c\n\u{1}");
        s.push(0xD800);
        s.push(u16::from(b'x'));
        s.push(0xDC00);
        s.extend(units("😀"));
        let mut out = Vec::new();
        quote(&mut out, &s);
        assert_eq!(
            String::from_utf16(&out).unwrap(),
            "\"a\\\"b\\\\c\\n\\u0001\\ud800x\\udc00😀\""
        );
    }

    #[test]
    fn error_messages_match_node() {
        let msg = |s: &str| {
            let src = units(s);
            let mut p = Parser { src: &src, pos: 0 };
            // Parsing needs no interpreter until it builds containers; literals suffice here.
            let r = match p.peek() {
                Some(0x22) => p.string().map(|_| ()),
                Some(c) if c == u16::from(b'-') || (0x30..=0x39).contains(&c) => {
                    p.number().map(|_| ())
                }
                _ => p.literal(b"true", Value::Null).map(|_| ()),
            };
            match r {
                Err((e, pos)) => error_message(&src, e, pos),
                Ok(()) => String::new(),
            }
        };
        // Each expected text is node 20's `e.message` for JSON.parse of the same input.
        assert_eq!(msg("\"abc"), "Unterminated string in JSON at position 4");
        assert_eq!(
            msg("\"\\u00zz\""),
            "Bad Unicode escape in JSON at position 5"
        );
        assert_eq!(msg("-"), "No number after minus sign in JSON at position 1");
        assert_eq!(
            msg("1."),
            "Unterminated fractional number in JSON at position 2"
        );
        assert_eq!(
            msg("1e"),
            "Exponent part is missing a number in JSON at position 2"
        );
        assert_eq!(msg("01"), "Unexpected number in JSON at position 1");
        assert_eq!(msg("tru"), "Unexpected end of JSON input");
        assert_eq!(msg("tx"), "Unexpected token 'x', \"tx\" is not valid JSON");
        assert_eq!(
            msg("\"a\nb\""),
            "Bad control character in string literal in JSON at position 2"
        );
    }
}
