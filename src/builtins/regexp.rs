//! `RegExp` (ECMA-262 §22.2) on the `regress` engine: the constructor (IsRegExp, new.target,
//! copying another RegExp), `RegExp[Symbol.species]`, regex literal evaluation
//! (`literal`), `exec`/`test`/`toString`/`compile`, the `source`/`flags`/flag getters, the
//! `Symbol.match/matchAll/replace/search/split` methods and %RegExpStringIteratorPrototype%.
//!
//! Matching runs on the UTF-16 code units directly (`find_from_ucs2`, or `find_from_utf16`
//! under `u`/`v`), so every index is a code-unit index as the spec's are. Each compiled regex
//! remembers its last search (subject, start, result): a leftmost search from `q0` that found
//! a match at `m` proves there is none starting in `q0..m`, so the sticky matching of
//! `@@split` (one attempt per position) costs one scan instead of one per position.
//!
//! Not here: the legacy `RegExp.$1`-style statics (optional Annex B), duplicate named groups
//! (ES2025). Flags are `dgimsuvy`; pattern syntax is whatever `regress` accepts (the early-error
//! pass validates literals with the same engine, so literal and constructor agree).

use super::array::iterator::{define_to_string_tag, symbol_method};
use super::string::{advance_string_index, get_substitution, to_length};
use super::{arg, native};
use crate::interp::function::is_callable;
use crate::interp::{iter, ops, props, Interp, JsResult, Throw};
use crate::value::object::{ObjectKind, RegExpData, RegExpStringIteratorData};
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, JsObject, JsString, PropertyKey, Symbol, Value, WellKnown};
use std::cell::RefCell;
use std::rc::Rc;

// ───────────────────────────── flags and the compiled matcher ─────────────────────────────

/// The flag characters in the order the `flags` getter prints them, with their getters.
const FLAG_PROPS: [(u8, &str); 8] = [
    (b'd', "hasIndices"),
    (b'g', "global"),
    (b'i', "ignoreCase"),
    (b'm', "multiline"),
    (b's', "dotAll"),
    (b'u', "unicode"),
    (b'v', "unicodeSets"),
    (b'y', "sticky"),
];

#[derive(Clone, Copy, Default, Debug)]
pub struct Flags(u8);

impl Flags {
    fn bit(c: u8) -> Option<u8> {
        FLAG_PROPS.iter().position(|&(f, _)| f == c).map(|i| 1 << i)
    }
    /// Parses a flags string: `None` on an unknown or repeated flag, or `u` with `v`.
    pub fn parse(units: &[u16]) -> Option<Flags> {
        let mut bits = 0u8;
        for &u in units {
            let b = Self::bit(u8::try_from(u).ok()?)?;
            if bits & b != 0 {
                return None;
            }
            bits |= b;
        }
        let f = Flags(bits);
        if f.has(b'u') && f.has(b'v') {
            return None;
        }
        Some(f)
    }
    pub fn has(self, c: u8) -> bool {
        Self::bit(c).is_some_and(|b| self.0 & b != 0)
    }
    fn unicode(self) -> bool {
        self.has(b'u') || self.has(b'v')
    }
}

/// The last search a compiled regex ran (see the module header).
struct SearchCache {
    subject: JsString,
    from: usize,
    found: Option<regress::Match>,
}

/// [[RegExpMatcher]]: the compiled regex and its flags; shared by every RegExp made from the
/// same literal.
#[derive(Debug)]
pub struct Compiled {
    re: regress::Regex,
    flags: Flags,
    cache: RefCell<Option<SearchCache>>,
}

impl std::fmt::Debug for SearchCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchCache(from {})", self.from)
    }
}

fn is_lead(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}
fn is_trail(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// The pattern of a RegExp without `u`/`v` as the parser's input: code units, except inside
/// group names (`(?<name>`, `\k<name>`), where a surrogate pair is one code point — group names
/// are identifiers of code points in every mode (test262 named-groups/non-unicode-property-names).
fn non_unicode_pattern(pattern: &[u16]) -> Vec<u32> {
    let mut out = Vec::with_capacity(pattern.len());
    let (mut i, mut in_class, mut in_name) = (0, false, false);
    while i < pattern.len() {
        let u = pattern[i];
        if in_name {
            if u == u16::from(b'>') {
                in_name = false;
            } else if (0xD800..0xDC00).contains(&u)
                && pattern
                    .get(i + 1)
                    .is_some_and(|n| (0xDC00..0xE000).contains(n))
            {
                let hi = u32::from(u) - 0xD800;
                let lo = u32::from(pattern[i + 1]) - 0xDC00;
                out.push(0x10000 + (hi << 10) + lo);
                i += 2;
                continue;
            }
            out.push(u32::from(u));
            i += 1;
            continue;
        }
        match u {
            0x5C /* \ */ => {
                // An escape: `\k<` opens a group name reference; anything else is copied.
                out.push(u32::from(u));
                if let Some(&n) = pattern.get(i + 1) {
                    out.push(u32::from(n));
                    if n == u16::from(b'k') && !in_class && pattern.get(i + 2) == Some(&u16::from(b'<')) {
                        out.push(u32::from(b'<'));
                        in_name = true;
                        i += 3;
                        continue;
                    }
                }
                i += 2;
                continue;
            }
            0x5B /* [ */ => in_class = true,
            0x5D /* ] */ => in_class = false,
            0x28 /* ( */ if !in_class
                && pattern.get(i + 1) == Some(&u16::from(b'?'))
                && pattern.get(i + 2) == Some(&u16::from(b'<'))
                && !matches!(pattern.get(i + 3), Some(&c) if c == u16::from(b'=') || c == u16::from(b'!')) =>
            {
                out.extend([u32::from(b'('), u32::from(b'?'), u32::from(b'<')]);
                in_name = true;
                i += 3;
                continue;
            }
            _ => {}
        }
        out.push(u32::from(u));
        i += 1;
    }
    out
}

impl Compiled {
    /// Compiles `pattern` with `flags`; the error text on a syntax error.
    pub fn new(pattern: &[u16], flags: Flags) -> Result<Compiled, String> {
        let rflags = regress::Flags {
            icase: flags.has(b'i'),
            multiline: flags.has(b'm'),
            dot_all: flags.has(b's'),
            no_opt: false,
            unicode: flags.has(b'u'),
            unicode_sets: flags.has(b'v'),
        };
        // Under `u`/`v` the pattern is code points (lone surrogates pass through as their own
        // values); otherwise it is code units, as the subject is: /𠮷/ is two units.
        let re = if flags.unicode() {
            let cps = char::decode_utf16(pattern.iter().copied())
                .map(|r| r.map_or_else(|e| u32::from(e.unpaired_surrogate()), u32::from));
            regress::Regex::from_unicode(cps, rflags)
        } else {
            regress::Regex::from_unicode(non_unicode_pattern(pattern).into_iter(), rflags)
        }
        .map_err(|e| e.text)?;
        Ok(Compiled {
            re,
            flags,
            cache: RefCell::new(None),
        })
    }

    /// The leftmost match starting at or after `from`.
    fn find(&self, s: &JsString, from: usize) -> Option<regress::Match> {
        let units = s.as_slice();
        let unicode = self.flags.unicode();
        // Under `u`, a start inside a surrogate pair is not a position a search visits.
        let aligned = !unicode || from == 0 || from >= units.len() || {
            !(is_trail(units[from]) && is_lead(units[from - 1]))
        };
        if aligned {
            if let Some(c) = self.cache.borrow().as_ref() {
                if JsString::ptr_eq(&c.subject, s) && c.from <= from {
                    match &c.found {
                        None => return None,
                        Some(m) if m.start() >= from => return Some(m.clone()),
                        Some(_) => {}
                    }
                }
            }
        }
        let m = if unicode {
            self.re.find_from_utf16(units, from).next()
        } else {
            self.re.find_from_ucs2(units, from).next()
        };
        if aligned {
            *self.cache.borrow_mut() = Some(SearchCache {
                subject: s.clone(),
                from,
                found: m.clone(),
            });
        }
        m
    }
}

fn compiled_of(o: &JsObject) -> Option<Rc<Compiled>> {
    match &o.borrow().kind {
        ObjectKind::RegExp(r) => r
            .matcher
            .as_ref()
            .and_then(|m| m.downcast_ref::<Rc<Compiled>>())
            .cloned(),
        _ => None,
    }
}

fn is_regexp_object(v: &Value) -> bool {
    matches!(v, Value::Object(o) if matches!(o.borrow().kind, ObjectKind::RegExp(_)))
}

fn throw_syntax(interp: &mut Interp, msg: &str) -> Throw {
    let p = interp.intrinsics.syntax_error_proto.clone();
    interp.throw_error(p, msg)
}

fn key(s: &str) -> PropertyKey {
    PropertyKey::from_str_key(s)
}

fn last_index_key() -> PropertyKey {
    PropertyKey::String(atoms::LAST_INDEX)
}

fn set_last_index(interp: &mut Interp, r: &Value, v: f64) -> JsResult<()> {
    props::set(interp, r, last_index_key(), Value::Number(v))
}

// ───────────────────────────── creation ─────────────────────────────

/// IsRegExp(argument).
pub fn is_regexp(interp: &mut Interp, v: &Value) -> JsResult<bool> {
    if !matches!(v, Value::Object(_)) {
        return Ok(false);
    }
    let m = props::get(
        interp,
        v,
        &PropertyKey::Symbol(Symbol::well_known(WellKnown::Match)),
    )?;
    if !m.is_undefined() {
        return Ok(m.to_boolean());
    }
    Ok(is_regexp_object(v))
}

/// RegExpAlloc(newTarget): the object with an uninitialised matcher and `lastIndex`.
fn regexp_alloc(interp: &mut Interp, new_target: Option<JsObject>) -> JsResult<JsObject> {
    let o = interp.create_from_new_target(
        new_target,
        |i| &i.regexp_proto,
        ObjectKind::RegExp(Box::new(RegExpData {
            source: JsString::empty(),
            flags: JsString::empty(),
            matcher: None,
        })),
    )?;
    o.borrow_mut().properties.insert(
        last_index_key(),
        Property::data(Value::Number(0.0), Attributes::WRITABLE),
    );
    Ok(o)
}

/// Sets the matcher slots of `o` (RegExpInitialize after the conversions).
fn install_matcher(o: &JsObject, source: JsString, flags: JsString, c: Rc<Compiled>) {
    if let ObjectKind::RegExp(r) = &mut o.borrow_mut().kind {
        r.source = source;
        r.flags = flags;
        r.matcher = Some(Box::new(c));
    }
}

/// RegExpInitialize(obj, pattern, flags).
fn regexp_initialize(
    interp: &mut Interp,
    o: &JsObject,
    pattern: &Value,
    flags: &Value,
) -> JsResult<Value> {
    let p = match pattern {
        Value::Undefined => JsString::empty(),
        v => ops::to_string(interp, v)?,
    };
    let f = match flags {
        Value::Undefined => JsString::empty(),
        v => ops::to_string(interp, v)?,
    };
    let Some(fl) = Flags::parse(f.as_slice()) else {
        return Err(throw_syntax(
            interp,
            &format!("Invalid flags supplied to RegExp constructor '{f}'"),
        ));
    };
    let c = Compiled::new(p.as_slice(), fl).map_err(|e| {
        throw_syntax(
            interp,
            &format!("Invalid regular expression: /{p}/{f}: {e}"),
        )
    })?;
    install_matcher(o, p, f, Rc::new(c));
    let v = Value::Object(o.clone());
    set_last_index(interp, &v, 0.0)?;
    Ok(v)
}

/// RegExpCreate(P, F).
pub fn regexp_create(interp: &mut Interp, pattern: &Value, flags: &Value) -> JsResult<Value> {
    let o = regexp_alloc(interp, None)?;
    regexp_initialize(interp, &o, pattern, flags)
}

/// Evaluates a regular expression literal: a new object each time, sharing the compiled
/// matcher cached in the literal's node (the early-error pass has validated it).
pub fn literal(interp: &mut Interp, lit: &crate::lower::tree::RegexLiteral) -> JsResult<Value> {
    let c = match lit.compiled.get() {
        Some(c) => c.clone(),
        None => {
            let flags = Flags::parse(lit.flags.as_slice()).unwrap_or_default();
            let c = Compiled::new(lit.pattern.as_slice(), flags)
                .map_err(|e| throw_syntax(interp, &format!("Invalid regular expression: {e}")))?;
            let c: Rc<dyn std::any::Any> = Rc::new(c);
            lit.compiled.get_or_init(|| c).clone()
        }
    };
    let Ok(c) = c.downcast::<Compiled>() else {
        return Err(interp.throw_type_error("corrupt regular expression cache"));
    };
    let o = regexp_alloc(interp, None)?;
    install_matcher(&o, lit.pattern.clone(), lit.flags.clone(), c);
    Ok(Value::Object(o))
}

fn regexp_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let (pattern, flags) = (arg(args, 0), arg(args, 1));
    let pattern_is_regexp = is_regexp(interp, &pattern)?;
    let new_target = match nt {
        Some(nt) => nt,
        None => {
            let ctor = interp.intrinsics.regexp_ctor.clone();
            if pattern_is_regexp && flags.is_undefined() {
                let pc = props::get(interp, &pattern, &PropertyKey::String(atoms::CONSTRUCTOR))?;
                if let Value::Object(pc) = pc {
                    if JsObject::ptr_eq(&pc, &ctor) {
                        return Ok(pattern);
                    }
                }
            }
            ctor
        }
    };
    let slots = match &pattern {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::RegExp(r) if r.matcher.is_some() => {
                Some((r.source.clone(), r.flags.clone()))
            }
            _ => None,
        },
        _ => None,
    };
    let (p, f) = if let Some((src, fl)) = slots {
        let f = if flags.is_undefined() {
            Value::String(fl)
        } else {
            flags
        };
        (Value::String(src), f)
    } else if pattern_is_regexp {
        let src = props::get(interp, &pattern, &key("source"))?;
        let f = if flags.is_undefined() {
            props::get(interp, &pattern, &key("flags"))?
        } else {
            flags
        };
        (src, f)
    } else {
        (pattern, flags)
    };
    let o = regexp_alloc(interp, Some(new_target))?;
    regexp_initialize(interp, &o, &p, &f)
}

fn species_getter(_: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(this.clone())
}

// ───────────────────────────── exec ─────────────────────────────

/// RegExpBuiltinExec(R, S): the match array, or null.
fn builtin_exec(interp: &mut Interp, r: &JsObject, s: &JsString) -> JsResult<Value> {
    let rv = Value::Object(r.clone());
    let li = props::get(interp, &rv, &last_index_key())?;
    let mut last_index = to_length(interp, &li)?;
    let Some(c) = compiled_of(r) else {
        return Err(
            interp.throw_type_error("RegExp exec method called on an incompatible receiver")
        );
    };
    let flags = c.flags;
    let (global, sticky) = (flags.has(b'g'), flags.has(b'y'));
    if !global && !sticky {
        last_index = 0.0;
    }
    let len = s.len();
    if last_index > len as f64 {
        if global || sticky {
            set_last_index(interp, &rv, 0.0)?;
        }
        return Ok(Value::Null);
    }
    let li = last_index as usize;
    let units = s.as_slice();
    // Under `u`, a lastIndex inside a surrogate pair designates the pair's code point.
    let start =
        if flags.unicode() && li > 0 && li < len && is_trail(units[li]) && is_lead(units[li - 1]) {
            li - 1
        } else {
            li
        };
    let found = c.find(s, start);
    let m = match found {
        Some(m) if !sticky || m.start() == start => m,
        _ => {
            if global || sticky {
                set_last_index(interp, &rv, 0.0)?;
            }
            return Ok(Value::Null);
        }
    };
    let index = if m.start() == start { li } else { m.start() };
    let e = m.end();
    if global || sticky {
        set_last_index(interp, &rv, e as f64)?;
    }
    Ok(Value::Object(match_array(
        interp,
        s,
        &m,
        index,
        e,
        flags.has(b'd'),
    )))
}

/// The exec result: captures, `index`, `input`, `groups`, and `indices` under `d`.
fn match_array(
    interp: &mut Interp,
    s: &JsString,
    m: &regress::Match,
    index: usize,
    end: usize,
    has_indices: bool,
) -> JsObject {
    let mut values = Vec::with_capacity(m.captures.len() + 1);
    values.push(Value::String(s.substring(index, end)));
    for cap in &m.captures {
        values.push(match cap {
            Some(r) => Value::String(s.substring(r.start, r.end)),
            None => Value::Undefined,
        });
    }
    let a = interp.new_array(values.clone());
    props::define_data(
        &a,
        PropertyKey::String(atoms::INDEX),
        Value::Number(index as f64),
    );
    props::define_data(
        &a,
        PropertyKey::String(atoms::INPUT),
        Value::String(s.clone()),
    );
    let named: Vec<(&str, Option<regress::Range>)> = m.named_groups().collect();
    let groups = if named.is_empty() {
        Value::Undefined
    } else {
        let g = JsObject::ordinary(None);
        for (name, range) in &named {
            let v = match range {
                Some(r) => Value::String(s.substring(r.start, r.end)),
                None => Value::Undefined,
            };
            props::define_data(&g, key(name), v);
        }
        Value::Object(g)
    };
    props::define_data(&a, PropertyKey::String(atoms::GROUPS), groups);
    if has_indices {
        let pair = |interp: &mut Interp, r: Option<regress::Range>| match r {
            Some(r) => Value::Object(interp.new_array(vec![
                Value::Number(r.start as f64),
                Value::Number(r.end as f64),
            ])),
            None => Value::Undefined,
        };
        let mut pairs = vec![pair(interp, Some(index..end))];
        for cap in &m.captures {
            pairs.push(pair(interp, cap.clone()));
        }
        let indices = interp.new_array(pairs);
        let groups = if named.is_empty() {
            Value::Undefined
        } else {
            let g = JsObject::ordinary(None);
            for (name, range) in &named {
                let v = pair(interp, range.clone());
                props::define_data(&g, key(name), v);
            }
            Value::Object(g)
        };
        props::define_data(&indices, PropertyKey::String(atoms::GROUPS), groups);
        props::define_data(&a, key("indices"), Value::Object(indices));
    }
    a
}

/// RegExpExec(R, S): a user `exec` if there is one, else the builtin.
fn regexp_exec(interp: &mut Interp, r: &Value, s: &JsString) -> JsResult<Value> {
    let exec = props::get(interp, r, &key("exec"))?;
    if let Value::Object(f) = &exec {
        if JsObject::ptr_eq(f, &interp.intrinsics.regexp_exec) {
            if let Value::Object(o) = r {
                if compiled_of(o).is_some() {
                    return builtin_exec(interp, o, s);
                }
            }
        }
    }
    if is_callable(&exec) {
        let result = interp.call(&exec, r.clone(), &[Value::String(s.clone())])?;
        if !matches!(result, Value::Object(_) | Value::Null) {
            return Err(interp.throw_type_error("object or null expected from RegExp exec"));
        }
        return Ok(result);
    }
    match r {
        Value::Object(o) if compiled_of(o).is_some() => builtin_exec(interp, o, s),
        _ => Err(interp.throw_type_error("RegExp exec method called on an incompatible receiver")),
    }
}

fn this_regexp_object(interp: &mut Interp, this: &Value, name: &str) -> JsResult<JsObject> {
    match this {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(interp.throw_type_error(&format!(
            "RegExp.prototype.{name} called on incompatible receiver"
        ))),
    }
}

fn exec(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let r = match this {
        Value::Object(o) if compiled_of(o).is_some() => o.clone(),
        _ => {
            return Err(
                interp.throw_type_error("RegExp.prototype.exec called on incompatible receiver")
            )
        }
    };
    let s = ops::to_string(interp, &arg(args, 0))?;
    builtin_exec(interp, &r, &s)
}

fn test(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let r = this_regexp_object(interp, this, "test")?;
    let s = ops::to_string(interp, &arg(args, 0))?;
    let m = regexp_exec(interp, &Value::Object(r), &s)?;
    Ok(Value::Bool(!m.is_nullish()))
}

fn to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let r = Value::Object(this_regexp_object(interp, this, "toString")?);
    let src = props::get(interp, &r, &key("source"))?;
    let src = ops::to_string(interp, &src)?;
    let flags = props::get(interp, &r, &key("flags"))?;
    let flags = ops::to_string(interp, &flags)?;
    let mut out: Vec<u16> = vec![u16::from(b'/')];
    out.extend_from_slice(src.as_slice());
    out.push(u16::from(b'/'));
    out.extend_from_slice(flags.as_slice());
    Ok(Value::String(JsString::from_vec(out)))
}

/// Annex B `compile(pattern, flags)`: reinitialises this RegExp.
fn compile(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let o = match this {
        Value::Object(o) if matches!(o.borrow().kind, ObjectKind::RegExp(_)) => o.clone(),
        _ => {
            return Err(
                interp.throw_type_error("RegExp.prototype.compile called on incompatible receiver")
            )
        }
    };
    let (pattern, flags) = (arg(args, 0), arg(args, 1));
    let slots = match &pattern {
        Value::Object(p) => match &p.borrow().kind {
            ObjectKind::RegExp(r) => Some((r.source.clone(), r.flags.clone())),
            _ => None,
        },
        _ => None,
    };
    let (p, f) = match slots {
        Some((src, fl)) => {
            if !flags.is_undefined() {
                return Err(interp.throw_type_error(
                    "Cannot supply flags when constructing one RegExp from another",
                ));
            }
            (Value::String(src), Value::String(fl))
        }
        None => (pattern, flags),
    };
    regexp_initialize(interp, &o, &p, &f)
}

// ───────────────────────────── accessors ─────────────────────────────

/// EscapeRegExpPattern: `/` outside a class and line terminators are escaped; empty is `(?:)`.
fn escape_source(src: &JsString) -> JsString {
    let u = src.as_slice();
    if u.is_empty() {
        return JsString::from("(?:)");
    }
    let mut out = Vec::with_capacity(u.len());
    let (mut in_class, mut escaped) = (false, false);
    for &c in u {
        if escaped {
            escaped = false;
            match c {
                0x0A => out.push(u16::from(b'n')),
                0x0D => out.push(u16::from(b'r')),
                0x2028 => out.extend("u2028".encode_utf16()),
                0x2029 => out.extend("u2029".encode_utf16()),
                _ => out.push(c),
            }
            continue;
        }
        match c {
            0x5C => {
                escaped = true;
                out.push(c);
            }
            0x2F if !in_class => out.extend("\\/".encode_utf16()),
            0x5B => {
                in_class = true;
                out.push(c);
            }
            0x5D => {
                in_class = false;
                out.push(c);
            }
            0x0A => out.extend("\\n".encode_utf16()),
            0x0D => out.extend("\\r".encode_utf16()),
            0x2028 => out.extend("\\u2028".encode_utf16()),
            0x2029 => out.extend("\\u2029".encode_utf16()),
            _ => out.push(c),
        }
    }
    JsString::from_vec(out)
}

/// The shared part of the `source` and flag getters: this RegExp's slots, `Ok(None)` for
/// %RegExp.prototype% itself, TypeError otherwise.
fn getter_slots(
    interp: &mut Interp,
    this: &Value,
    name: &str,
) -> JsResult<Option<(JsString, Flags)>> {
    if let Value::Object(o) = this {
        if let ObjectKind::RegExp(r) = &o.borrow().kind {
            let flags = Flags::parse(r.flags.as_slice()).unwrap_or_default();
            return Ok(Some((r.source.clone(), flags)));
        }
        if JsObject::ptr_eq(o, &interp.intrinsics.regexp_proto) {
            return Ok(None);
        }
    }
    Err(interp.throw_type_error(&format!(
        "RegExp.prototype.{name} getter called on non-RegExp object"
    )))
}

fn source_getter(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::String(match getter_slots(interp, this, "source")? {
        Some((src, _)) => escape_source(&src),
        None => JsString::from("(?:)"),
    }))
}

fn flags_getter(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let Value::Object(_) = this else {
        return Err(interp.throw_type_error("RegExp.prototype.flags getter called on non-object"));
    };
    let mut out = String::new();
    for (c, name) in FLAG_PROPS {
        if props::get(interp, this, &key(name))?.to_boolean() {
            out.push(char::from(c));
        }
    }
    Ok(Value::from(out.as_str()))
}

macro_rules! flag_getters {
    ($($fname:ident: $c:literal, $name:literal;)*) => {
        $(fn $fname(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
            Ok(match getter_slots(interp, this, $name)? {
                Some((_, f)) => Value::Bool(f.has($c)),
                None => Value::Undefined,
            })
        })*
        const FLAG_GETTERS: &[(&str, crate::interp::function::NativeFn)] = &[$(($name, $fname)),*];
    };
}

flag_getters! {
    get_has_indices: b'd', "hasIndices";
    get_global: b'g', "global";
    get_ignore_case: b'i', "ignoreCase";
    get_multiline: b'm', "multiline";
    get_dot_all: b's', "dotAll";
    get_unicode: b'u', "unicode";
    get_unicode_sets: b'v', "unicodeSets";
    get_sticky: b'y', "sticky";
}

// ───────────────────────────── Symbol.match / matchAll / replace / search / split ─────────────────────────────

fn flags_string(interp: &mut Interp, rx: &Value) -> JsResult<JsString> {
    let f = props::get(interp, rx, &key("flags"))?;
    ops::to_string(interp, &f)
}

fn contains(s: &JsString, c: u8) -> bool {
    s.as_slice().contains(&u16::from(c))
}

/// After an empty match: lastIndex = AdvanceStringIndex(S, ToLength(lastIndex), unicode).
fn advance_after_empty(
    interp: &mut Interp,
    rx: &Value,
    s: &JsString,
    unicode: bool,
) -> JsResult<()> {
    let li = props::get(interp, rx, &last_index_key())?;
    let this_index = to_length(interp, &li)?;
    let next = if this_index >= s.len() as f64 {
        this_index + 1.0
    } else {
        advance_string_index(s.as_slice(), this_index as usize, unicode) as f64
    };
    set_last_index(interp, rx, next)
}

fn match_string(interp: &mut Interp, result: &Value) -> JsResult<JsString> {
    let m = props::get(interp, result, &PropertyKey::Index(0))?;
    ops::to_string(interp, &m)
}

fn symbol_match(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let rx = Value::Object(this_regexp_object(interp, this, "[Symbol.match]")?);
    let s = ops::to_string(interp, &arg(args, 0))?;
    let flags = flags_string(interp, &rx)?;
    if !contains(&flags, b'g') {
        return regexp_exec(interp, &rx, &s);
    }
    let unicode = contains(&flags, b'u') || contains(&flags, b'v');
    set_last_index(interp, &rx, 0.0)?;
    let mut out = Vec::new();
    loop {
        let result = regexp_exec(interp, &rx, &s)?;
        if is_null(&result) {
            return Ok(if out.is_empty() {
                Value::Null
            } else {
                Value::Object(interp.new_array(out))
            });
        }
        let m = match_string(interp, &result)?;
        if m.is_empty() {
            advance_after_empty(interp, &rx, &s, unicode)?;
        }
        out.push(Value::String(m));
    }
}

/// SpeciesConstructor(O, %RegExp%).
fn species_constructor(interp: &mut Interp, o: &Value) -> JsResult<Value> {
    let default = Value::Object(interp.intrinsics.regexp_ctor.clone());
    let c = props::get(interp, o, &PropertyKey::String(atoms::CONSTRUCTOR))?;
    if c.is_undefined() {
        return Ok(default);
    }
    if !matches!(c, Value::Object(_)) {
        return Err(interp.throw_type_error("object.constructor is not an object"));
    }
    let s = props::get(
        interp,
        &c,
        &PropertyKey::Symbol(Symbol::well_known(WellKnown::Species)),
    )?;
    if s.is_nullish() {
        return Ok(default);
    }
    if Interp::is_constructor(&s) {
        return Ok(s);
    }
    Err(interp.throw_type_error("object.constructor[Symbol.species] is not a constructor"))
}

fn symbol_match_all(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let r = Value::Object(this_regexp_object(interp, this, "[Symbol.matchAll]")?);
    let s = ops::to_string(interp, &arg(args, 0))?;
    let c = species_constructor(interp, &r)?;
    let flags = flags_string(interp, &r)?;
    let matcher = interp.construct(&c, &[r.clone(), Value::String(flags.clone())])?;
    let li = props::get(interp, &r, &last_index_key())?;
    let li = to_length(interp, &li)?;
    set_last_index(interp, &matcher, li)?;
    let Value::Object(matcher) = matcher else {
        return Err(interp.throw_type_error("RegExp species constructor returned a non-object"));
    };
    Ok(Value::Object(JsObject::new(
        Some(interp.intrinsics.regexp_string_iterator_proto.clone()),
        ObjectKind::RegExpStringIterator(Box::new(RegExpStringIteratorData {
            matcher,
            string: s,
            global: contains(&flags, b'g'),
            unicode: contains(&flags, b'u') || contains(&flags, b'v'),
            done: false,
        })),
    )))
}

fn regexp_string_iterator_next(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let state = match this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::RegExpStringIterator(it) => Some((
                it.matcher.clone(),
                it.string.clone(),
                it.global,
                it.unicode,
                it.done,
            )),
            _ => None,
        },
        _ => None,
    };
    let Some((r, s, global, unicode, done)) = state else {
        return Err(interp.throw_type_error(
            "Method RegExp String Iterator.prototype.next called on incompatible receiver",
        ));
    };
    let set_done = || {
        if let Value::Object(o) = this {
            if let ObjectKind::RegExpStringIterator(it) = &mut o.borrow_mut().kind {
                it.done = true;
            }
        }
    };
    if done {
        return Ok(iter::iter_result(interp, Value::Undefined, true));
    }
    let rv = Value::Object(r);
    let m = regexp_exec(interp, &rv, &s)?;
    if is_null(&m) {
        set_done();
        return Ok(iter::iter_result(interp, Value::Undefined, true));
    }
    if global {
        let ms = match_string(interp, &m)?;
        if ms.is_empty() {
            advance_after_empty(interp, &rv, &s, unicode)?;
        }
    } else {
        set_done();
    }
    Ok(iter::iter_result(interp, m, false))
}

fn symbol_replace(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let rx = Value::Object(this_regexp_object(interp, this, "[Symbol.replace]")?);
    let s = ops::to_string(interp, &arg(args, 0))?;
    let len = s.len();
    let replace = arg(args, 1);
    let functional = is_callable(&replace);
    let template = if functional {
        JsString::empty()
    } else {
        ops::to_string(interp, &replace)?
    };
    let flags = flags_string(interp, &rx)?;
    let global = contains(&flags, b'g');
    let unicode = contains(&flags, b'u') || contains(&flags, b'v');
    if global {
        set_last_index(interp, &rx, 0.0)?;
    }
    let mut results = Vec::new();
    loop {
        let result = regexp_exec(interp, &rx, &s)?;
        if is_null(&result) {
            break;
        }
        results.push(result.clone());
        if !global {
            break;
        }
        let m = match_string(interp, &result)?;
        if m.is_empty() {
            advance_after_empty(interp, &rx, &s, unicode)?;
        }
    }
    let units = s.as_slice();
    let mut out: Vec<u16> = Vec::new();
    let mut next_source = 0usize;
    for result in results {
        let n = props::get(interp, &result, &PropertyKey::String(atoms::LENGTH))?;
        let n = to_length(interp, &n)?;
        let n_captures = (n - 1.0).max(0.0) as usize;
        let matched = match_string(interp, &result)?;
        let pos = props::get(interp, &result, &PropertyKey::String(atoms::INDEX))?;
        let pos = super::string::to_integer(interp, &pos)?.clamp(0.0, len as f64) as usize;
        let mut captures = Vec::with_capacity(n_captures);
        for i in 1..=n_captures {
            let c = props::get(interp, &result, &PropertyKey::from_number(i as f64))?;
            captures.push(match c {
                Value::Undefined => None,
                v => Some(ops::to_string(interp, &v)?),
            });
        }
        let named = props::get(interp, &result, &PropertyKey::String(atoms::GROUPS))?;
        let mut replacement = Vec::new();
        if functional {
            let mut cargs = Vec::with_capacity(n_captures + 4);
            cargs.push(Value::String(matched.clone()));
            cargs.extend(
                captures
                    .iter()
                    .map(|c| c.clone().map_or(Value::Undefined, Value::String)),
            );
            cargs.push(Value::Number(pos as f64));
            cargs.push(Value::String(s.clone()));
            if !named.is_undefined() {
                cargs.push(named);
            }
            let r = interp.call(&replace, Value::Undefined, &cargs)?;
            let r = ops::to_string(interp, &r)?;
            replacement.extend_from_slice(r.as_slice());
        } else {
            let named = match named {
                Value::Undefined => Value::Undefined,
                v => Value::Object(ops::to_object(interp, &v)?),
            };
            get_substitution(
                interp,
                matched.as_slice(),
                units,
                pos,
                &captures,
                &named,
                template.as_slice(),
                &mut replacement,
            )?;
        }
        if pos >= next_source {
            out.extend_from_slice(&units[next_source..pos]);
            out.extend_from_slice(&replacement);
            next_source = pos + matched.len();
        }
        if out.len() > crate::value::string::MAX_STRING_LEN {
            return Err(interp.throw_range_error("Invalid string length"));
        }
    }
    if next_source < len {
        out.extend_from_slice(&units[next_source..]);
    }
    Ok(Value::String(JsString::from_vec(out)))
}

fn symbol_search(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let rx = Value::Object(this_regexp_object(interp, this, "[Symbol.search]")?);
    let s = ops::to_string(interp, &arg(args, 0))?;
    let previous = props::get(interp, &rx, &last_index_key())?;
    if !previous.same_value(&Value::Number(0.0)) {
        set_last_index(interp, &rx, 0.0)?;
    }
    let result = regexp_exec(interp, &rx, &s)?;
    let current = props::get(interp, &rx, &last_index_key())?;
    if !current.same_value(&previous) {
        props::set(interp, &rx, last_index_key(), previous)?;
    }
    if is_null(&result) {
        return Ok(Value::Number(-1.0));
    }
    props::get(interp, &result, &PropertyKey::String(atoms::INDEX))
}

fn symbol_split(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let rx = Value::Object(this_regexp_object(interp, this, "[Symbol.split]")?);
    let s = ops::to_string(interp, &arg(args, 0))?;
    let c = species_constructor(interp, &rx)?;
    let flags = flags_string(interp, &rx)?;
    let unicode = contains(&flags, b'u') || contains(&flags, b'v');
    let new_flags = if contains(&flags, b'y') {
        flags
    } else {
        flags.concat(&JsString::from("y")).unwrap_or(flags)
    };
    let splitter = interp.construct(&c, &[rx.clone(), Value::String(new_flags)])?;
    let lim = match arg(args, 1) {
        Value::Undefined => u32::MAX,
        v => crate::value::number::to_uint32(ops::to_number(interp, &v)?),
    } as usize;
    let mut out: Vec<Value> = Vec::new();
    if lim == 0 {
        return Ok(Value::Object(interp.new_array(out)));
    }
    let size = s.len();
    if size == 0 {
        let z = regexp_exec(interp, &splitter, &s)?;
        if is_null(&z) {
            out.push(Value::String(s));
        }
        return Ok(Value::Object(interp.new_array(out)));
    }
    let (mut p, mut q) = (0usize, 0usize);
    while q < size {
        set_last_index(interp, &splitter, q as f64)?;
        let z = regexp_exec(interp, &splitter, &s)?;
        if is_null(&z) {
            q = advance_string_index(s.as_slice(), q, unicode);
            continue;
        }
        let e = props::get(interp, &splitter, &last_index_key())?;
        let e = (to_length(interp, &e)? as usize).min(size);
        if e == p {
            q = advance_string_index(s.as_slice(), q, unicode);
            continue;
        }
        out.push(Value::String(s.substring(p, q)));
        if out.len() == lim {
            return Ok(Value::Object(interp.new_array(out)));
        }
        p = e;
        let n = props::get(interp, &z, &PropertyKey::String(atoms::LENGTH))?;
        let n = (to_length(interp, &n)? - 1.0).max(0.0) as usize;
        for i in 1..=n {
            let cap = props::get(interp, &z, &PropertyKey::from_number(i as f64))?;
            out.push(cap);
            if out.len() == lim {
                return Ok(Value::Object(interp.new_array(out)));
            }
        }
        q = p;
    }
    out.push(Value::String(s.substring(p, size)));
    Ok(Value::Object(interp.new_array(out)))
}

// ───────────────────────────── install ─────────────────────────────

/// A getter-only accessor (non-enumerable, configurable) named `get <name>`.
fn getter(
    interp: &Interp,
    target: &JsObject,
    k: PropertyKey,
    name: &str,
    f: crate::interp::function::NativeFn,
) {
    let g = native(interp, &format!("get {name}"), 0, f, false);
    target.borrow_mut().properties.insert(
        k,
        Property::accessor(Some(g), None, Attributes::CONFIGURABLE),
    );
}

pub fn install(interp: &mut Interp) {
    let proto = interp.intrinsics.regexp_proto.clone();
    let ctor = super::constructor(interp, "RegExp", 2, regexp_ctor, &proto);
    interp.intrinsics.regexp_ctor = ctor.clone();
    getter(
        interp,
        &ctor,
        PropertyKey::Symbol(Symbol::well_known(WellKnown::Species)),
        "[Symbol.species]",
        species_getter,
    );
    let exec_fn = native(interp, "exec", 1, exec, false);
    props::define_hidden(&proto, key("exec"), Value::Object(exec_fn.clone()));
    interp.intrinsics.regexp_exec = exec_fn;
    super::method(interp, &proto, "test", 1, test);
    super::method(interp, &proto, "toString", 0, to_string);
    super::method(interp, &proto, "compile", 2, compile);
    getter(interp, &proto, key("flags"), "flags", flags_getter);
    getter(interp, &proto, key("source"), "source", source_getter);
    for &(name, f) in FLAG_GETTERS {
        getter(interp, &proto, key(name), name, f);
    }
    symbol_method(interp, &proto, WellKnown::Match, 1, symbol_match);
    symbol_method(interp, &proto, WellKnown::MatchAll, 1, symbol_match_all);
    symbol_method(interp, &proto, WellKnown::Replace, 2, symbol_replace);
    symbol_method(interp, &proto, WellKnown::Search, 1, symbol_search);
    symbol_method(interp, &proto, WellKnown::Split, 2, symbol_split);
    let rsip = interp.intrinsics.regexp_string_iterator_proto.clone();
    super::method(interp, &rsip, "next", 0, regexp_string_iterator_next);
    define_to_string_tag(&rsip, "RegExp String Iterator");
}

fn is_null(v: &Value) -> bool {
    matches!(v, Value::Null)
}
