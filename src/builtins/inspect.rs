//! Node's `util.inspect` and `util.format`, as node v20 prints values: the algorithm of node's
//! `lib/internal/util/inspect.js` (formatValue → formatRaw → formatter + formatProperty →
//! reduceToSingleString with breakLength 80 and "compact = 3", groupArrayElements for arrays of
//! more than 6 items, `<ref *1>`/`[Circular *1]`, errors printed through their `stack`), and the
//! `%s %d %i %f %j %o %O %c %%` substitutions of `formatWithOptions`.
//!
//! Reads internal slots directly (Promise state, Map/Set entries, Date value, boxed primitives)
//! and never calls getters of inspected properties (`[Getter]`), but does run what node runs:
//! `Symbol.toStringTag` getters, `err.stack`/`err.name`/`err.message`, the
//! `Symbol.for('nodejs.util.inspect.custom')` hook, `toString` for `%s`.
//!
//! BigInts print as `1n`, their wrappers as `[BigInt: 1n]`, and they right-align in grouped
//! arrays as numbers do.
//!
//! Not here: proxies, typed arrays, ArrayBuffer, Map/Set iterators (the engine has none
//! of them yet), `showProxy`, the prototype properties node adds under `showHidden`, colors,
//! `sorted`, `getters`, `numericSeparator`.

use crate::interp::function::FunctionData;
use crate::interp::{function, ops, props, Interp, JsResult};
use crate::value::object::{ObjectKind, PromiseState};
use crate::value::property::{Property, Slot};
use crate::value::{atoms, number, JsObject, JsString, PropertyKey, Symbol, Value, WellKnown};

/// How many nested objects are formatted before the output says the inspection was
/// interrupted (node: wherever V8's stack runs out, about a thousand levels).
const MAX_NESTING: usize = 1000;

/// Effectively infinite, for `breakLength: Infinity` and `depth: null`.
const INFINITE: i64 = i64::MAX / 4;

/// The inspect options node's console uses (a subset of `util.inspect`'s).
#[derive(Clone, Debug)]
pub struct InspectOptions {
    /// How deep to recurse; `INFINITE` for `null`/`Infinity`, negative for "not even the top".
    pub depth: i64,
    pub show_hidden: bool,
    pub break_length: i64,
    pub compact: i64,
    pub max_array_length: i64,
    pub max_string_length: i64,
    pub custom_inspect: bool,
}

impl Default for InspectOptions {
    fn default() -> Self {
        InspectOptions {
            depth: 2,
            show_hidden: false,
            break_length: 80,
            compact: 3,
            max_array_length: 100,
            max_string_length: 10000,
            custom_inspect: true,
        }
    }
}

/// Which kind of output list a formatter produced (node's kObjectType / kArrayType /
/// kArrayExtrasType).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extras {
    Object,
    ArrayItem,
    ArrayPlus,
}

struct Ctx {
    opts: InspectOptions,
    seen: Vec<JsObject>,
    /// Objects found to be circular, numbered by position + 1.
    circular: Vec<JsObject>,
    indentation_lvl: i64,
    current_depth: i64,
}

/// `util.inspect(v)` with the default options.
pub fn inspect(interp: &mut Interp, v: &Value) -> JsResult<String> {
    inspect_with(interp, v, InspectOptions::default())
}

/// `util.inspect(v, options)`.
pub fn inspect_with(interp: &mut Interp, v: &Value, opts: InspectOptions) -> JsResult<String> {
    let mut ctx = Ctx {
        opts,
        seen: Vec::new(),
        circular: Vec::new(),
        indentation_lvl: 0,
        current_depth: 0,
    };
    format_value(interp, &mut ctx, v, 0, false)
}

/// JS `.length` of a Rust string (UTF-16 code units).
fn js_len(s: &str) -> i64 {
    if s.is_ascii() {
        s.len() as i64
    } else {
        s.encode_utf16().count() as i64
    }
}

fn key_of(name: &str) -> PropertyKey {
    PropertyKey::from_str_key(name)
}

// ───────────── primitives ─────────────

/// `-0` as `-0`, everything else as `Number.prototype.toString` does.
pub fn format_number(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        "-0".into()
    } else {
        number::to_rust_string(n)
    }
}

fn meta(unit: u16) -> Option<String> {
    Some(match unit {
        0x08 => "\\b".into(),
        0x09 => "\\t".into(),
        0x0a => "\\n".into(),
        0x0c => "\\f".into(),
        0x0d => "\\r".into(),
        0x27 => "\\'".into(),
        0x5c => "\\\\".into(),
        u if u < 0x20 || (0x7f..=0x9f).contains(&u) => format!("\\x{u:02X}"),
        _ => return None,
    })
}

/// node's strEscape: pick the quote (' unless the string has one; then " unless it has one; then
/// ` unless it has one or `${`), escape control characters, C1 controls, the backslash, the
/// chosen quote (only ' is ever escaped) and lone surrogates.
pub fn str_escape(units: &[u16]) -> String {
    let has = |c: u8| units.contains(&(c as u16));
    let mut quote = b'\'';
    if has(b'\'') {
        if !has(b'"') {
            quote = b'"';
        } else if !has(b'`') && !units.windows(2).any(|w| w == [b'$' as u16, b'{' as u16]) {
            quote = b'`';
        }
    }
    let mut out = String::with_capacity(units.len() + 2);
    out.push(quote as char);
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        if u == 0x27 && quote != b'\'' {
            out.push('\'');
        } else if let Some(m) = meta(u) {
            out.push_str(&m);
        } else if (0xd800..=0xdfff).contains(&u) {
            let next = units.get(i + 1).copied().unwrap_or(0);
            if u <= 0xdbff && (0xdc00..=0xdfff).contains(&next) {
                let c = 0x10000 + (((u as u32) - 0xd800) << 10) + (next as u32 - 0xdc00);
                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                i += 1;
            } else {
                out.push_str(&format!("\\u{u:x}"));
            }
        } else {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
        }
        i += 1;
    }
    out.push(quote as char);
    out
}

fn format_string(ctx: &Ctx, s: &JsString) -> String {
    let mut units = s.as_slice();
    let mut trailer = String::new();
    let max = ctx.opts.max_string_length.max(0) as usize;
    if units.len() > max {
        let remaining = units.len() - max;
        units = &units[..max];
        trailer = format!(
            "... {remaining} more character{}",
            if remaining > 1 { "s" } else { "" }
        );
    }
    let len = units.len() as i64;
    // Long strings are split after each line break (never elsewhere), one quoted piece a line.
    if len > 16 && len > ctx.opts.break_length - ctx.indentation_lvl - 4 {
        let mut pieces = Vec::new();
        let mut start = 0;
        for (i, &u) in units.iter().enumerate() {
            if u == 0x0a && i + 1 < units.len() {
                pieces.push(str_escape(&units[start..=i]));
                start = i + 1;
            }
        }
        pieces.push(str_escape(&units[start..]));
        let sep = format!(" +\n{}", " ".repeat((ctx.indentation_lvl + 2) as usize));
        return pieces.join(&sep) + &trailer;
    }
    str_escape(units) + &trailer
}

fn format_primitive(ctx: &Ctx, v: &Value) -> String {
    match v {
        Value::Undefined => "undefined".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format_number(*n),
        Value::String(s) => format_string(ctx, s),
        Value::Symbol(s) => s.descriptive_string().to_std_string_lossy(),
        Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
        Value::Object(_) => String::new(),
    }
}

// ───────────── object classification ─────────────

/// What kind of function an object is, as far as printing goes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Flavor {
    pub is_class: bool,
    pub is_async: bool,
    pub is_generator: bool,
    /// A builtin (native) function.
    pub is_native: bool,
}

/// The flavor of a callable object (all false for other objects).
pub fn function_flavor(o: &JsObject) -> Flavor {
    let d = o.borrow();
    if let Some(code) = crate::interp::function::closure_code(&d.kind) {
        return Flavor {
            is_class: code.class_ctor.is_some(),
            is_generator: code.machine.as_ref().is_some_and(|m| m.kind.is_generator()),
            is_async: code.machine.as_ref().is_some_and(|m| m.kind.is_async()),
            ..Flavor::default()
        };
    }
    if let ObjectKind::NativeClosureObj(..) = &d.kind {
        return Flavor {
            is_native: true,
            ..Flavor::default()
        };
    }
    let ObjectKind::Function(payload) = &d.kind else {
        return Flavor::default();
    };
    match &**payload {
        FunctionData::Native { .. }
        | FunctionData::NativeClosure { .. }
        | FunctionData::NativeClosure1 { .. } => Flavor {
            is_native: true,
            ..Flavor::default()
        },
        FunctionData::Closure { code, .. } => Flavor {
            is_class: code.class_ctor.is_some(),
            is_generator: code.machine.as_ref().is_some_and(|m| m.kind.is_generator()),
            is_async: code.machine.as_ref().is_some_and(|m| m.kind.is_async()),
            ..Flavor::default()
        },
        _ => Flavor::default(),
    }
}

fn own_property(o: &JsObject, key: &PropertyKey) -> Option<Property> {
    o.borrow().get_own_property(key)
}

fn own_data(o: &JsObject, key: &PropertyKey) -> Option<Value> {
    match own_property(o, key)?.slot {
        Slot::Data(v) => Some(v),
        Slot::Accessor(_) => None,
    }
}

/// `object instanceof ctor` by the prototype chain (OrdinaryHasInstance without user hooks).
fn is_instance_of(object: &JsObject, ctor: &JsObject) -> bool {
    let Some(Value::Object(proto)) = own_data(ctor, &PropertyKey::String(atoms::PROTOTYPE)) else {
        return false;
    };
    let mut cur = object.prototype();
    while let Some(p) = cur {
        if JsObject::ptr_eq(&p, &proto) {
            return true;
        }
        cur = p.prototype();
    }
    false
}

/// V8's internal constructor name of an object (its kind).
fn internal_constructor_name(o: &JsObject) -> &'static str {
    match o.borrow().kind {
        ObjectKind::Arguments(_) | ObjectKind::Ordinary => "Object",
        ref k => k.name(),
    }
}

/// node's getConstructorName: the name of the first `constructor` own data property up the
/// chain that is a named function `o` is an instance of; `None` for a null-prototype object.
fn constructor_name(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
) -> JsResult<Option<String>> {
    let mut cur = Some(o.clone());
    let mut first_proto: Option<Option<JsObject>> = None;
    while let Some(obj) = cur {
        if let Some(Value::Object(c)) = own_data(&obj, &PropertyKey::String(atoms::CONSTRUCTOR)) {
            if function::is_callable(&Value::Object(c.clone())) {
                let name = props::get(
                    interp,
                    &Value::Object(c.clone()),
                    &PropertyKey::String(atoms::NAME),
                )?;
                if let Value::String(n) = name {
                    if !n.is_empty() && is_instance_of(o, &c) {
                        return Ok(Some(n.to_std_string_lossy()));
                    }
                }
            }
        }
        cur = obj.prototype();
        if first_proto.is_none() {
            first_proto = Some(cur.clone());
        }
    }
    let Some(Some(first)) = first_proto else {
        return Ok(None);
    };
    let res = internal_constructor_name(o);
    if recurse > ctx.opts.depth {
        return Ok(Some(format!("{res} <Complex prototype>")));
    }
    match constructor_name(interp, ctx, &first, recurse + 1)? {
        Some(p) => Ok(Some(format!("{res} <{p}>"))),
        None => {
            let opts = InspectOptions {
                depth: -1,
                custom_inspect: false,
                ..ctx.opts.clone()
            };
            let shown = inspect_with(interp, &Value::Object(first), opts)?;
            Ok(Some(format!("{res} <{shown}>")))
        }
    }
}

fn get_prefix(constructor: Option<&str>, tag: &str, fallback: &str, size: &str) -> String {
    match constructor {
        None => {
            if !tag.is_empty() && fallback != tag {
                format!("[{fallback}{size}: null prototype] [{tag}] ")
            } else {
                format!("[{fallback}{size}: null prototype] ")
            }
        }
        Some(c) => {
            if !tag.is_empty() && c != tag {
                format!("{c}{size} [{tag}] ")
            } else {
                format!("{c}{size} ")
            }
        }
    }
}

fn ctx_style(o: &JsObject, constructor: Option<&str>, tag: &str) -> String {
    let mut fallback = "";
    if constructor.is_none() {
        fallback = internal_constructor_name(o);
        if fallback == tag {
            fallback = "Object";
        }
    }
    get_prefix(constructor, tag, fallback, "")
}

/// The keys node shows: enumerable own string keys, then enumerable own symbols (all of them
/// under `showHidden`). Array indices are left out for array-like formatters.
fn get_keys(o: &JsObject, show_hidden: bool, skip_indices: bool) -> Vec<PropertyKey> {
    let data = o.borrow();
    let all = data.own_keys();
    let visible = |k: &PropertyKey| {
        show_hidden
            || data
                .get_own_property(k)
                .is_some_and(|p| p.attrs.enumerable())
    };
    let mut keys: Vec<PropertyKey> = all
        .iter()
        .filter(|k| !k.is_symbol())
        .filter(|k| !(skip_indices && matches!(k, PropertyKey::Index(_))))
        .filter(|k| visible(k))
        .cloned()
        .collect();
    keys.extend(
        all.iter()
            .filter(|k| k.is_symbol())
            .filter(|k| visible(k))
            .cloned(),
    );
    keys
}

/// node's isError: an object with [[ErrorData]] or one inheriting from `Error.prototype`.
pub fn is_error(interp: &Interp, o: &JsObject) -> bool {
    if matches!(o.borrow().kind, ObjectKind::Error) {
        return true;
    }
    let proto = &interp.intrinsics.error_proto;
    let mut cur = o.prototype();
    while let Some(p) = cur {
        if JsObject::ptr_eq(&p, proto) {
            return true;
        }
        cur = p.prototype();
    }
    false
}

/// The innermost target of a proxy chain: `None` for a non-proxy, `Some(None)` when a proxy
/// on the way is revoked.
fn proxy_target(o: &JsObject) -> Option<Option<JsObject>> {
    use crate::interp::proxy::{target_of, ProxyTarget};
    let mut cur = match target_of(o) {
        ProxyTarget::NotProxy => return None,
        ProxyTarget::Live(t) => t,
        ProxyTarget::Revoked => return Some(None),
    };
    loop {
        match target_of(&cur) {
            ProxyTarget::NotProxy => return Some(Some(cur)),
            ProxyTarget::Live(next) => cur = next,
            ProxyTarget::Revoked => return Some(None),
        }
    }
}

fn get_str(interp: &mut Interp, o: &JsObject, key: &PropertyKey) -> JsResult<Value> {
    props::get(interp, &Value::Object(o.clone()), key)
}

// ───────────── formatValue / formatRaw ─────────────

fn format_value(
    interp: &mut Interp,
    ctx: &mut Ctx,
    v: &Value,
    recurse: i64,
    typed_array: bool,
) -> JsResult<String> {
    let Value::Object(o) = v else {
        return Ok(format_primitive(ctx, v));
    };
    // node looks through a proxy without running its traps: the target is what prints.
    let target;
    let (o, v) = match proxy_target(o) {
        None => (o, v),
        Some(Some(t)) => {
            target = Value::Object(t);
            let Value::Object(t) = &target else {
                unreachable!("just built")
            };
            (t, &target)
        }
        Some(None) => return Ok("<Revoked Proxy>".to_string()),
    };
    if ctx.opts.custom_inspect {
        let custom = PropertyKey::Symbol(Symbol::for_key(&JsString::from(
            "nodejs.util.inspect.custom",
        )));
        let hook = props::get(interp, v, &custom)?;
        let is_proto_object = matches!(
            own_data(o, &PropertyKey::String(atoms::CONSTRUCTOR)),
            Some(Value::Object(c)) if matches!(
                own_data(&c, &PropertyKey::String(atoms::PROTOTYPE)),
                Some(Value::Object(p)) if JsObject::ptr_eq(&p, o)
            )
        );
        if function::is_callable(&hook) && !is_proto_object {
            let depth = if ctx.opts.depth >= INFINITE {
                Value::Null
            } else {
                Value::Number((ctx.opts.depth - recurse) as f64)
            };
            let ret = interp.call(&hook, v.clone(), &[depth])?;
            let same = matches!(&ret, Value::Object(r) if JsObject::ptr_eq(r, o));
            if !same {
                return match ret {
                    Value::String(s) => {
                        let indent = format!("\n{}", " ".repeat(ctx.indentation_lvl as usize));
                        Ok(s.to_std_string_lossy().replace('\n', &indent))
                    }
                    other => format_value(interp, ctx, &other, recurse, false),
                };
            }
        }
    }
    if ctx.seen.iter().any(|s| JsObject::ptr_eq(s, o)) {
        let index = match ctx.circular.iter().position(|c| JsObject::ptr_eq(c, o)) {
            Some(i) => i + 1,
            None => {
                ctx.circular.push(o.clone());
                ctx.circular.len()
            }
        };
        return Ok(format!("[Circular *{index}]"));
    }
    format_raw(interp, ctx, o, recurse, typed_array)
}

/// What fills the braces, chosen by formatRaw.
enum Formatter {
    Empty,
    Array,
    Set,
    Map,
    Promise,
    WeakCollection,
}

fn format_raw(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
    _typed_array: bool,
) -> JsResult<String> {
    let value = Value::Object(o.clone());
    let constructor = constructor_name(interp, ctx, o, recurse)?;
    let ctor = constructor.as_deref();
    let tag_key = PropertyKey::Symbol(Symbol::well_known(WellKnown::ToStringTag));
    let mut tag = match props::get(interp, &value, &tag_key)? {
        Value::String(s) => s.to_std_string_lossy(),
        _ => String::new(),
    };
    if !tag.is_empty() {
        let own = own_property(o, &tag_key);
        let hide = if ctx.opts.show_hidden {
            own.is_some()
        } else {
            own.is_some_and(|p| p.attrs.enumerable())
        };
        if hide {
            tag.clear();
        }
    }
    let mut base = String::new();
    let mut formatter = Formatter::Empty;
    let mut braces = ["{".to_string(), "}".to_string()];
    let mut extras = Extras::Object;
    let mut keys: Vec<PropertyKey>;
    let show_hidden = ctx.opts.show_hidden;

    let kind_tag = {
        let d = o.borrow();
        match &d.kind {
            ObjectKind::Array(a) => Some(("Array", a.length as usize)),
            ObjectKind::Set(m) => Some(("Set", m.len())),
            ObjectKind::Map(m) => Some(("Map", m.len())),
            _ => None,
        }
    };
    // node asks `Symbol.iterator in value` first; the kinds that matter are decided by their
    // internal slots here, so builtins still being filled in print right.
    if let Some((kind, size)) = kind_tag {
        match kind {
            "Array" => {
                let prefix = if ctor != Some("Array") || !tag.is_empty() {
                    get_prefix(ctor, &tag, "Array", &format!("({size})"))
                } else {
                    String::new()
                };
                keys = get_keys(o, show_hidden, true);
                if show_hidden {
                    keys.retain(|k| !matches!(k, PropertyKey::String(a) if *a == atoms::LENGTH));
                    keys.insert(0, PropertyKey::String(atoms::LENGTH));
                }
                braces = [format!("{prefix}["), "]".into()];
                if size == 0 && keys.is_empty() {
                    return Ok(format!("{}]", braces[0]));
                }
                extras = Extras::ArrayPlus;
                formatter = Formatter::Array;
            }
            _ => {
                let prefix = get_prefix(ctor, &tag, kind, &format!("({size})"));
                keys = get_keys(o, show_hidden, false);
                if size == 0 && keys.is_empty() {
                    return Ok(format!("{prefix}{{}}"));
                }
                braces = [format!("{prefix}{{"), "}".into()];
                formatter = if kind == "Set" {
                    Formatter::Set
                } else {
                    Formatter::Map
                };
            }
        }
    } else {
        keys = get_keys(o, show_hidden, false);
        let (callable, kind_flags) = {
            let d = o.borrow();
            let k = match &d.kind {
                ObjectKind::Arguments(_) => 1,
                ObjectKind::RegExp(_) => 2,
                ObjectKind::Date(_) => 3,
                ObjectKind::Promise(_) => 5,
                ObjectKind::WeakSet(_) => 6,
                ObjectKind::WeakMap(_) => 7,
                ObjectKind::Number(_)
                | ObjectKind::String(_)
                | ObjectKind::Boolean(_)
                | ObjectKind::Symbol(_)
                | ObjectKind::BigInt(_) => 8,
                _ => 0,
            };
            (d.kind.is_callable(), k)
        };
        let error = kind_flags == 0 && !callable && is_error(interp, o);
        if callable {
            base = function_base(interp, o, ctor, &tag)?;
            if keys.is_empty() {
                return Ok(base);
            }
        } else if ctor == Some("Object") && !error && !matches!(kind_flags, 2 | 3 | 5..=8) {
            if kind_flags == 1 {
                braces[0] = "[Arguments] {".into();
            } else if !tag.is_empty() {
                braces[0] = format!("{}{{", get_prefix(ctor, &tag, "Object", ""));
            }
            if keys.is_empty() {
                return Ok(format!("{}}}", braces[0]));
            }
        } else if kind_flags == 2 {
            base = regexp_string(o);
            let prefix = get_prefix(ctor, &tag, "RegExp", "");
            if prefix != "RegExp " {
                base = format!("{prefix}{base}");
            }
            if keys.is_empty() || recurse > ctx.opts.depth {
                return Ok(base);
            }
        } else if kind_flags == 3 {
            let t = match o.borrow().kind {
                ObjectKind::Date(t) => t,
                _ => f64::NAN,
            };
            base = date_iso_string(t).unwrap_or_else(|| "Invalid Date".into());
            let prefix = get_prefix(ctor, &tag, "Date", "");
            if prefix != "Date " {
                base = format!("{prefix}{base}");
            }
            if keys.is_empty() {
                return Ok(base);
            }
        } else if error {
            base = format_error(interp, ctx, o, ctor, &tag, &mut keys)?;
            if keys.is_empty() {
                return Ok(base);
            }
        } else if kind_flags == 5 {
            braces[0] = format!("{}{{", get_prefix(ctor, &tag, "Promise", ""));
            formatter = Formatter::Promise;
        } else if kind_flags == 6 || kind_flags == 7 {
            let name = if kind_flags == 6 {
                "WeakSet"
            } else {
                "WeakMap"
            };
            braces[0] = format!("{}{{", get_prefix(ctor, &tag, name, ""));
            formatter = Formatter::WeakCollection;
        } else if kind_flags == 8 {
            base = boxed_base(ctx, o, &mut keys, ctor, &tag);
            if keys.is_empty() {
                return Ok(base);
            }
        } else {
            if keys.is_empty() {
                return Ok(format!("{}{{}}", ctx_style(o, ctor, &tag)));
            }
            braces[0] = format!("{}{{", ctx_style(o, ctor, &tag));
        }
    }

    if ctx.seen.len() >= MAX_NESTING {
        // node catches the stack overflow of a very deep structure in formatRaw
        // (handleMaxCallStackSize); its depth depends on V8's stack, ours is fixed.
        let style = ctx_style(o, ctor, &tag);
        let name = style.trim_end();
        return Ok(format!(
            "[{name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]"
        ));
    }
    if recurse > ctx.opts.depth {
        let style = ctx_style(o, ctor, &tag);
        let name = &style[..style.len() - 1];
        return Ok(if ctor.is_some() {
            format!("[{name}]")
        } else {
            name.to_string()
        });
    }
    let recurse = recurse + 1;
    ctx.seen.push(o.clone());
    ctx.current_depth = recurse;
    let result = format_entries(interp, ctx, o, recurse, formatter, &keys, extras);
    let output = match result {
        Ok(out) => out,
        Err(t) => {
            ctx.seen.pop();
            return Err(t);
        }
    };
    if let Some(i) = ctx.circular.iter().position(|c| JsObject::ptr_eq(c, o)) {
        let reference = format!("<ref *{}>", i + 1);
        base = if base.is_empty() {
            reference
        } else {
            format!("{reference} {base}")
        };
    }
    ctx.seen.pop();
    let array = matches!(extras, Extras::ArrayPlus).then_some(o);
    Ok(reduce_to_single_string(
        ctx, output, &base, &braces, extras, recurse, array,
    ))
}

fn format_entries(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
    formatter: Formatter,
    keys: &[PropertyKey],
    extras: Extras,
) -> JsResult<Vec<String>> {
    let mut output = match formatter {
        Formatter::Empty => Vec::new(),
        Formatter::Array => format_array(interp, ctx, o, recurse)?,
        Formatter::Set | Formatter::Map => format_collection(interp, ctx, o, recurse)?,
        Formatter::Promise => format_promise(interp, ctx, o, recurse)?,
        Formatter::WeakCollection => vec!["<items unknown>".into()],
    };
    for key in keys {
        output.push(format_property(interp, ctx, o, recurse, key, extras)?);
    }
    Ok(output)
}

fn regexp_string(o: &JsObject) -> String {
    match &o.borrow().kind {
        ObjectKind::RegExp(r) => format!("/{}/{}", r.source, r.flags),
        _ => "/(?:)/".into(),
    }
}

fn boxed_base(
    ctx: &Ctx,
    o: &JsObject,
    keys: &mut Vec<PropertyKey>,
    ctor: Option<&str>,
    tag: &str,
) -> String {
    let (ty, prim) = match &o.borrow().kind {
        ObjectKind::Number(n) => ("Number", Value::Number(*n)),
        ObjectKind::String(s) => ("String", Value::String(s.clone())),
        ObjectKind::Boolean(b) => ("Boolean", Value::Bool(*b)),
        ObjectKind::Symbol(s) => ("Symbol", Value::Symbol(s.clone())),
        ObjectKind::BigInt(b) => ("BigInt", Value::BigInt(b.clone())),
        _ => ("Object", Value::Undefined),
    };
    if let Value::String(s) = &prim {
        // The string's indices are noise next to [String: '…'].
        let n = s.len().min(keys.len());
        keys.drain(..n);
    }
    let mut base = format!("[{ty}");
    if Some(ty) != ctor {
        match ctor {
            None => base.push_str(" (null prototype)"),
            Some(c) => base.push_str(&format!(" ({c})")),
        }
    }
    let plain = Ctx {
        opts: ctx.opts.clone(),
        seen: Vec::new(),
        circular: Vec::new(),
        indentation_lvl: ctx.indentation_lvl,
        current_depth: 0,
    };
    base.push_str(&format!(": {}]", format_primitive(&plain, &prim)));
    if !tag.is_empty() && Some(tag) != ctor {
        base.push_str(&format!(" [{tag}]"));
    }
    base
}

fn function_base(
    interp: &mut Interp,
    o: &JsObject,
    ctor: Option<&str>,
    tag: &str,
) -> JsResult<String> {
    let flavor = function_flavor(o);
    let name = get_str(interp, o, &PropertyKey::String(atoms::NAME))?;
    if flavor.is_class {
        // getClassBase: the own `name`, the constructor when it is not Function, the parent.
        let own_name = own_property(o, &PropertyKey::String(atoms::NAME)).is_some();
        let shown = match (&name, own_name) {
            (Value::String(s), true) if !s.is_empty() => s.to_std_string_lossy(),
            _ => "(anonymous)".into(),
        };
        let mut base = format!("class {shown}");
        if ctor != Some("Function") && ctor.is_some() {
            base.push_str(&format!(" [{}]", ctor.unwrap_or_default()));
        }
        if !tag.is_empty() && ctor != Some(tag) {
            base.push_str(&format!(" [{tag}]"));
        }
        match o.prototype() {
            Some(parent) if ctor.is_some() => {
                let pname = get_str(interp, &parent, &PropertyKey::String(atoms::NAME))?;
                if let Value::String(p) = pname {
                    if !p.is_empty() {
                        base.push_str(&format!(" extends {p}"));
                    }
                }
            }
            _ => {
                if ctor.is_none() {
                    base.push_str(" extends [null prototype]");
                }
            }
        }
        return Ok(format!("[{base}]"));
    }
    let mut ty = String::from("Function");
    if flavor.is_generator {
        ty = format!("Generator{ty}");
    }
    if flavor.is_async {
        ty = format!("Async{ty}");
    }
    let mut base = format!("[{ty}");
    if ctor.is_none() {
        base.push_str(" (null prototype)");
    }
    match &name {
        Value::String(s) if s.is_empty() => base.push_str(" (anonymous)"),
        Value::String(s) => base.push_str(&format!(": {s}")),
        other => {
            let shown = inspect(interp, other)?;
            base.push_str(&format!(": {shown}"));
        }
    }
    base.push(']');
    if let Some(c) = ctor {
        if c != ty {
            base.push_str(&format!(" {c}"));
        }
    }
    if !tag.is_empty() && ctor != Some(tag) {
        base.push_str(&format!(" [{tag}]"));
    }
    Ok(base)
}

// ───────────── errors ─────────────

fn error_stack_string(interp: &mut Interp, ctx: &mut Ctx, o: &JsObject) -> JsResult<String> {
    let stack = get_str(interp, o, &PropertyKey::String(atoms::STACK))?;
    if stack.to_boolean() {
        return match stack {
            Value::String(s) => Ok(s.to_std_string_lossy()),
            other => format_value(interp, ctx, &other, 0, false),
        };
    }
    super::error::display(interp, &Value::Object(o.clone()))
}

/// node's improveStack: make the first line name the constructor when the stack does not.
fn improve_stack(stack: String, ctor: Option<&str>, name: &str, tag: &str) -> String {
    let mut len = name.len();
    let looks_normal = name.ends_with("Error")
        && stack.starts_with(name)
        && (stack.len() == len || matches!(stack.as_bytes()[len], b':' | b'\n'));
    if ctor.is_none() || looks_normal {
        let mut fallback = "Error".to_string();
        if ctor.is_none() {
            let first: String = stack
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "_ []()-".contains(*c))
                .collect();
            let valid = first.starts_with(|c: char| c.is_ascii_uppercase())
                && (stack[first.len()..].starts_with(':')
                    || stack[first.len()..].starts_with("\n    at"));
            let f = if valid {
                first
            } else if stack.ends_with("Error")
                && stack
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                stack.clone()
            } else {
                String::new()
            };
            len = f.len();
            fallback = if f.is_empty() { "Error".into() } else { f };
        }
        let prefix = get_prefix(ctor, tag, &fallback, "");
        let prefix = &prefix[..prefix.len() - 1];
        if name != prefix {
            if prefix.contains(name) {
                if len == 0 {
                    return format!("{prefix}: {stack}");
                }
                return format!("{prefix}{}", &stack[len.min(stack.len())..]);
            }
            return format!("{prefix} [{name}]{}", &stack[len.min(stack.len())..]);
        }
    }
    stack
}

/// Frames of `stack` with the run of frames it shares with its cause's stack elided.
fn stack_frames(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    frames_text: &str,
) -> JsResult<Vec<String>> {
    let mut frames: Vec<String> = frames_text.split('\n').map(str::to_string).collect();
    let cause = get_str(interp, o, &PropertyKey::String(atoms::CAUSE))?;
    if let Value::Object(c) = &cause {
        if is_error(interp, c) {
            let cause_stack = error_stack_string(interp, ctx, c)?;
            if let Some(start) = cause_stack.find("\n    at") {
                let cause_frames: Vec<&str> = cause_stack[start + 1..].split('\n').collect();
                let (len, offset) = identical_sequence_range(&frames, &cause_frames);
                if len > 0 {
                    let skipped = len - 2;
                    let msg = format!("    ... {skipped} lines matching cause stack trace ...");
                    frames.splice(offset + 1..offset + 1 + skipped, [msg]);
                }
            }
        }
    }
    Ok(frames)
}

fn identical_sequence_range(a: &[String], b: &[&str]) -> (usize, usize) {
    for i in 0..a.len().saturating_sub(3) {
        if let Some(pos) = b.iter().position(|x| *x == a[i]) {
            let rest = b.len() - pos;
            if rest > 3 {
                let mut len = 1;
                let max_len = (a.len() - i).min(rest);
                while max_len > len && a[i + len] == b[pos + len] {
                    len += 1;
                }
                if len > 3 {
                    return (len, i);
                }
            }
        }
    }
    (0, 0)
}

fn format_error(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    ctor: Option<&str>,
    tag: &str,
    keys: &mut Vec<PropertyKey>,
) -> JsResult<String> {
    let name_v = get_str(interp, o, &PropertyKey::String(atoms::NAME))?;
    let name = if name_v.is_nullish() {
        "Error".to_string()
    } else {
        ops::to_string(interp, &name_v)?.to_std_string_lossy()
    };
    let mut stack = error_stack_string(interp, ctx, o)?;
    // removeDuplicateErrorKeys: name/message/stack shown by the stack itself are not repeated.
    if !ctx.opts.show_hidden && !keys.is_empty() {
        for k in [atoms::NAME, atoms::MESSAGE, atoms::STACK] {
            let key = PropertyKey::String(k);
            if let Some(i) = keys.iter().position(|x| *x == key) {
                let v = get_str(interp, o, &key)?;
                let dup = match v {
                    Value::String(s) => stack.contains(&s.to_std_string_lossy()),
                    _ => true,
                };
                if dup {
                    keys.remove(i);
                }
            }
        }
    }
    let cause = PropertyKey::String(atoms::CAUSE);
    if props::has_property(interp, &Value::Object(o.clone()), &cause)? && !keys.contains(&cause) {
        keys.push(cause);
    }
    let errors = PropertyKey::String(atoms::ERRORS);
    let errs = get_str(interp, o, &errors)?;
    if matches!(&errs, Value::Object(e) if matches!(e.borrow().kind, ObjectKind::Array(_)))
        && !keys.contains(&errors)
    {
        keys.push(errors);
    }
    stack = improve_stack(stack, ctor, &name, tag);
    let message = get_str(interp, o, &PropertyKey::String(atoms::MESSAGE))?;
    let mut pos: Option<usize> = None;
    if let Value::String(m) = &message {
        let m = m.to_std_string_lossy();
        if !m.is_empty() {
            // `stack.indexOf(message) || -1`: a match at 0 counts as none.
            if let Some(p) = stack.find(&m).filter(|p| *p != 0) {
                pos = Some(p + m.len());
            }
        }
    }
    let from = pos.unwrap_or(0).min(stack.len());
    match stack[from..].find("\n    at").map(|i| i + from) {
        None => stack = format!("[{stack}]"),
        Some(start) => {
            let head = stack[..start].to_string();
            let frames = stack_frames(interp, ctx, o, &stack[start + 1..])?;
            stack = format!("{head}\n{}", frames.join("\n"));
        }
    }
    if ctx.indentation_lvl != 0 {
        let indent = format!("\n{}", " ".repeat(ctx.indentation_lvl as usize));
        stack = stack.replace('\n', &indent);
    }
    Ok(stack)
}

// ───────────── formatters ─────────────

fn remaining_text(remaining: usize) -> String {
    format!(
        "... {remaining} more item{}",
        if remaining > 1 { "s" } else { "" }
    )
}

fn empty_items(n: u64) -> String {
    format!("<{n} empty item{}>", if n > 1 { "s" } else { "" })
}

fn format_array(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
) -> JsResult<Vec<String>> {
    let val_len = props::array_length(o) as usize;
    let len = (ctx.opts.max_array_length.max(0) as usize).min(val_len);
    let remaining = val_len - len;
    let mut output = Vec::new();
    for i in 0..len {
        let key = PropertyKey::Index(i as u32);
        if own_property(o, &key).is_none() {
            return format_special_array(interp, ctx, o, recurse, len, output, i);
        }
        output.push(format_property(
            interp,
            ctx,
            o,
            recurse,
            &key,
            Extras::ArrayItem,
        )?);
    }
    if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    Ok(output)
}

/// A sparse array: runs of holes as `<n empty items>`.
fn format_special_array(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
    max_length: usize,
    mut output: Vec<String>,
    start: usize,
) -> JsResult<Vec<String>> {
    let index_keys: Vec<u32> = {
        let d = o.borrow();
        d.own_keys()
            .into_iter()
            .filter_map(|k| match k {
                PropertyKey::Index(i)
                    if d.get_own_property(&k).is_some_and(|p| p.attrs.enumerable()) =>
                {
                    Some(i)
                }
                _ => None,
            })
            .collect()
    };
    let mut index = start as u64;
    let first = start as u64;
    for &k in index_keys.iter().skip_while(|k| u64::from(**k) < first) {
        if output.len() >= max_length {
            break;
        }
        let k = u64::from(k);
        if k != index {
            output.push(empty_items(k - index));
            index = k;
            if output.len() == max_length {
                break;
            }
        }
        output.push(format_property(
            interp,
            ctx,
            o,
            recurse,
            &PropertyKey::Index(k as u32),
            Extras::ArrayItem,
        )?);
        index += 1;
    }
    let len = u64::from(props::array_length(o));
    let remaining = len.saturating_sub(index);
    if output.len() != max_length {
        if remaining > 0 {
            output.push(empty_items(remaining));
        }
    } else if remaining > 0 {
        output.push(remaining_text(remaining as usize));
    }
    Ok(output)
}

fn format_collection(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
) -> JsResult<Vec<String>> {
    // Entries are copied out first: formatting may run JS, which may mutate the collection.
    let (is_map, entries): (bool, Vec<(Value, Value)>) = match &o.borrow().kind {
        ObjectKind::Map(m) => (
            true,
            m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        ),
        ObjectKind::Set(m) => (
            false,
            m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        ),
        _ => (false, Vec::new()),
    };
    let max = ctx.opts.max_array_length.max(0) as usize;
    let mut output = Vec::new();
    ctx.indentation_lvl += 2;
    for (k, v) in entries.iter().take(max) {
        let r = if is_map {
            format_value(interp, ctx, k, recurse, false).and_then(|ks| {
                format_value(interp, ctx, v, recurse, false).map(|vs| format!("{ks} => {vs}"))
            })
        } else {
            format_value(interp, ctx, k, recurse, false)
        };
        match r {
            Ok(s) => output.push(s),
            Err(t) => {
                ctx.indentation_lvl -= 2;
                return Err(t);
            }
        }
    }
    if entries.len() > max {
        output.push(remaining_text(entries.len() - max));
    }
    ctx.indentation_lvl -= 2;
    Ok(output)
}

fn format_promise(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
) -> JsResult<Vec<String>> {
    let state = match &o.borrow().kind {
        ObjectKind::Promise(p) => match &p.state {
            PromiseState::Pending { .. } => None,
            PromiseState::Fulfilled(v) => Some((false, v.clone())),
            PromiseState::Rejected(v, _) => Some((true, v.clone())),
        },
        _ => None,
    };
    Ok(match state {
        None => vec!["<pending>".into()],
        Some((rejected, v)) => {
            ctx.indentation_lvl += 2;
            let s = format_value(interp, ctx, &v, recurse, false);
            ctx.indentation_lvl -= 2;
            let s = s?;
            vec![if rejected {
                format!("<rejected> {s}")
            } else {
                s
            }]
        }
    })
}

fn is_ident_key(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

fn format_property(
    interp: &mut Interp,
    ctx: &mut Ctx,
    o: &JsObject,
    recurse: i64,
    key: &PropertyKey,
    extras: Extras,
) -> JsResult<String> {
    let (slot, enumerable) = match own_property(o, key) {
        Some(p) => (p.slot, p.attrs.enumerable()),
        None => (Slot::Data(get_str(interp, o, key)?), true),
    };
    let s = match slot {
        Slot::Data(v) if !v.is_undefined() => {
            ctx.indentation_lvl += 2;
            let r = format_value(interp, ctx, &v, recurse, false);
            ctx.indentation_lvl -= 2;
            r?
        }
        Slot::Data(_) => "undefined".into(),
        Slot::Accessor(a) => match (a.get.is_some(), a.set.is_some()) {
            (true, true) => "[Getter/Setter]".into(),
            (true, false) => "[Getter]".into(),
            (false, true) => "[Setter]".into(),
            (false, false) => "undefined".into(),
        },
    };
    if extras == Extras::ArrayItem {
        return Ok(s);
    }
    let name = match key {
        PropertyKey::Symbol(sym) => {
            let d = sym.descriptive_string();
            format!("[{}]", escape_key(d.as_slice()))
        }
        _ => {
            let k = match key {
                PropertyKey::Index(i) => JsString::from(i.to_string()),
                PropertyKey::String(a) => a.to_js_string(),
                PropertyKey::Symbol(_) => JsString::empty(),
            };
            let text = k.to_std_string_lossy();
            if text == "__proto__" {
                "['__proto__']".into()
            } else if !enumerable {
                format!("[{}]", escape_key(k.as_slice()))
            } else if is_ident_key(&text) {
                text
            } else {
                str_escape(k.as_slice())
            }
        }
    };
    Ok(format!("{name}: {s}"))
}

/// Escape a key shown without quotes (symbols, hidden keys): node replaces the escapable
/// characters in place.
fn escape_key(units: &[u16]) -> String {
    let quoted = {
        let mut out = String::new();
        let mut i = 0;
        while i < units.len() {
            let u = units[i];
            if let Some(m) = meta(u) {
                out.push_str(&m);
            } else {
                let end = if (0xd800..=0xdbff).contains(&u)
                    && units
                        .get(i + 1)
                        .is_some_and(|n| (0xdc00..=0xdfff).contains(n))
                {
                    i + 2
                } else {
                    i + 1
                };
                if end == i + 1 && (0xd800..=0xdfff).contains(&u) {
                    out.push_str(&format!("\\u{u:x}"));
                } else {
                    out.push_str(&String::from_utf16_lossy(&units[i..end]));
                }
                i = end;
                continue;
            }
            i += 1;
        }
        out
    };
    quoted
}

// ───────────── layout ─────────────

/// Display width of an entry (node's getStringWidth: East Asian wide characters and most
/// emoji count 2, control and combining characters 0).
pub fn string_width(s: &str) -> i64 {
    let mut w = 0;
    for c in s.chars() {
        let code = c as u32;
        if code < 0x20 || (0x7f..=0x9f).contains(&code) {
            continue;
        }
        if code < 0x7f {
            w += 1;
        } else if is_zero_width(code) {
        } else if is_full_width(code) {
            w += 2;
        } else {
            w += 1;
        }
    }
    w
}

fn is_zero_width(code: u32) -> bool {
    (0x300..=0x36f).contains(&code)
        || (0x200b..=0x200f).contains(&code)
        || (0x20d0..=0x20ff).contains(&code)
        || (0xfe00..=0xfe0f).contains(&code)
        || (0xfe20..=0xfe2f).contains(&code)
        || (0xe0100..=0xe01ef).contains(&code)
}

fn is_full_width(code: u32) -> bool {
    code >= 0x1100
        && (code <= 0x115f
            || code == 0x2329
            || code == 0x232a
            || ((0x2e80..=0x3247).contains(&code) && code != 0x303f)
            || (0x3250..=0x4dbf).contains(&code)
            || (0x4e00..=0xa4c6).contains(&code)
            || (0xa960..=0xa97c).contains(&code)
            || (0xac00..=0xd7a3).contains(&code)
            || (0xf900..=0xfaff).contains(&code)
            || (0xfe10..=0xfe19).contains(&code)
            || (0xfe30..=0xfe6b).contains(&code)
            || (0xff01..=0xff60).contains(&code)
            || (0xffe0..=0xffe6).contains(&code)
            || (0x1b000..=0x1b001).contains(&code)
            || (0x1f200..=0x1f251).contains(&code)
            || (0x1f300..=0x1f64f).contains(&code)
            || (0x20000..=0x3fffd).contains(&code))
}

/// node's groupArrayElements: lay out more than 6 short entries in aligned columns.
fn group_array_elements(ctx: &Ctx, output: Vec<String>, value: Option<&JsObject>) -> Vec<String> {
    let mut total_length = 0i64;
    let mut max_length = 0i64;
    let mut output_length = output.len();
    if ctx.opts.max_array_length < output.len() as i64 {
        // The "... more items" entry does not take part.
        output_length -= 1;
    }
    let separator_space = 2;
    let data_len: Vec<i64> = output[..output_length]
        .iter()
        .map(|s| string_width(s))
        .collect();
    for &len in &data_len {
        total_length += len + separator_space;
        max_length = max_length.max(len);
    }
    let actual_max = max_length + separator_space;
    if actual_max * 3 + ctx.indentation_lvl < ctx.opts.break_length
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
    {
        let approx_char_heights = 2.5;
        let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns = ((approx_char_heights * biased_max * output_length as f64).sqrt()
            / biased_max)
            .round()
            .min(((ctx.opts.break_length - ctx.indentation_lvl) / actual_max) as f64)
            .min((ctx.opts.compact * 4) as f64)
            .min(15.0);
        if columns <= 1.0 {
            return output;
        }
        let columns = columns as usize;
        let mut max_line_length = Vec::with_capacity(columns);
        for i in 0..columns {
            let mut line = 0;
            let mut j = i;
            while j < data_len.len() {
                line = line.max(data_len[j]);
                j += columns;
            }
            max_line_length.push(line + separator_space);
        }
        // Numbers and BigInts are right-aligned, anything else left-aligned.
        let pad_start = match value {
            Some(arr) => (0..output.len()).all(|i| {
                matches!(
                    own_data(arr, &PropertyKey::Index(i as u32)),
                    Some(Value::Number(_) | Value::BigInt(_))
                )
            }),
            None => true,
        };
        let mut tmp = Vec::new();
        let mut i = 0;
        while i < output_length {
            let max = (i + columns).min(output_length);
            let mut line = String::new();
            let mut j = i;
            while j < max - 1 {
                let cell = format!("{}, ", output[j]);
                let width = (max_line_length[j - i]) as usize;
                let pad = width.saturating_sub(data_len[j] as usize + 2);
                if pad_start {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(&cell);
                } else {
                    line.push_str(&cell);
                    line.push_str(&" ".repeat(pad));
                }
                j += 1;
            }
            if pad_start {
                let width = (max_line_length[j - i] - separator_space) as usize;
                let pad = width.saturating_sub(data_len[j] as usize);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str(&output[j]);
            tmp.push(line);
            i += columns;
        }
        if ctx.opts.max_array_length < output.len() as i64 {
            tmp.push(output[output_length].clone());
        }
        return tmp;
    }
    output
}

fn is_below_break_length(ctx: &Ctx, output: &[String], start: i64, base: &str) -> bool {
    let mut total = output.len() as i64 + start;
    if total + output.len() as i64 > ctx.opts.break_length {
        return false;
    }
    for s in output {
        total += js_len(s);
        if total > ctx.opts.break_length {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

fn reduce_to_single_string(
    ctx: &Ctx,
    mut output: Vec<String>,
    base: &str,
    braces: &[String; 2],
    extras: Extras,
    recurse: i64,
    value: Option<&JsObject>,
) -> String {
    let entries = output.len();
    if extras == Extras::ArrayPlus && entries > 6 {
        output = group_array_elements(ctx, output, value);
    }
    if ctx.current_depth - recurse < ctx.opts.compact && entries == output.len() {
        let start =
            output.len() as i64 + ctx.indentation_lvl + js_len(&braces[0]) + js_len(base) + 10;
        if is_below_break_length(ctx, &output, start, base) {
            let joined = output.join(", ");
            if !joined.contains('\n') {
                let b = if base.is_empty() {
                    String::new()
                } else {
                    format!("{base} ")
                };
                return format!("{b}{} {joined} {}", braces[0], braces[1]);
            }
        }
    }
    let indentation = format!("\n{}", " ".repeat(ctx.indentation_lvl as usize));
    let b = if base.is_empty() {
        String::new()
    } else {
        format!("{base} ")
    };
    format!(
        "{b}{}{indentation}  {}{indentation}{}",
        braces[0],
        output.join(&format!(",{indentation}  ")),
        braces[1]
    )
}

// ───────────── dates ─────────────

/// `Date.prototype.toISOString` of a time value; `None` for an invalid date.
pub fn date_iso_string(t: f64) -> Option<String> {
    if !t.is_finite() || t.abs() > 8.64e15 {
        return None;
    }
    let t = t as i64;
    let days = t.div_euclid(86_400_000);
    let ms_in_day = t.rem_euclid(86_400_000);
    // Civil-from-days (proleptic Gregorian), days since 1970-01-01.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if y < 0 {
        format!("-{:06}", -y)
    } else {
        format!("+{y:06}")
    };
    let (h, rest) = (ms_in_day / 3_600_000, ms_in_day % 3_600_000);
    let (mi, rest) = (rest / 60_000, rest % 60_000);
    let (s, ms) = (rest / 1000, rest % 1000);
    Some(format!(
        "{year}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z"
    ))
}

// ───────────── util.format ─────────────

/// Does `%s` print this object with `String()`? (node's hasBuiltInToString, inverted: true when
/// the object or a user-defined class up its chain has its own `toString`/`Symbol.toPrimitive`.)
fn has_user_to_string(interp: &mut Interp, o: &JsObject) -> JsResult<bool> {
    let v = Value::Object(o.clone());
    let to_string = PropertyKey::String(atoms::TO_STRING);
    let to_prim = PropertyKey::Symbol(Symbol::well_known(WellKnown::ToPrimitive));
    let ts = props::get(interp, &v, &to_string)?;
    let tp = props::get(interp, &v, &to_prim)?;
    let has_ts = function::is_callable(&ts);
    let has_tp = function::is_callable(&tp);
    if !has_ts && !has_tp {
        return Ok(false);
    }
    if (has_ts && own_property(o, &to_string).is_some())
        || (has_tp && own_property(o, &to_prim).is_some())
    {
        return Ok(true);
    }
    // The object up the chain that owns the method decides: built-in constructor or not.
    let mut cur = o.prototype();
    while let Some(p) = cur {
        if (has_ts && own_property(&p, &to_string).is_some())
            || (has_tp && own_property(&p, &to_prim).is_some())
        {
            let builtin = match own_data(&p, &PropertyKey::String(atoms::CONSTRUCTOR)) {
                Some(Value::Object(c)) => {
                    let native = function_flavor(&c).is_native;
                    let named = matches!(
                        own_data(&c, &PropertyKey::String(atoms::NAME)),
                        Some(Value::String(n)) if n.as_slice().first().is_some_and(|u| (b'A' as u16..=b'Z' as u16).contains(u))
                    );
                    native && named
                }
                _ => false,
            };
            return Ok(!builtin);
        }
        cur = p.prototype();
    }
    Ok(false)
}

fn json_stringify(interp: &mut Interp, v: &Value) -> JsResult<String> {
    let json = props::get(
        interp,
        &Value::Object(interp.global.clone()),
        &key_of("JSON"),
    )?;
    let stringify = match &json {
        Value::Object(_) => props::get(interp, &json, &key_of("stringify"))?,
        _ => Value::Undefined,
    };
    if !function::is_callable(&stringify) {
        return Err(interp.throw_type_error("%j needs JSON.stringify, which is not defined"));
    }
    match interp.call(&stringify, json, std::slice::from_ref(v)) {
        Ok(Value::Undefined) => Ok("undefined".into()),
        Ok(r) => Ok(ops::to_string(interp, &r)?.to_std_string_lossy()),
        Err(t) => {
            // A circular structure prints as '[Circular]', anything else propagates.
            let e = interp.exception.clone();
            if let Value::Object(eo) = &e {
                if JsObject::ptr_eq(
                    &eo.prototype().unwrap_or_else(|| eo.clone()),
                    &interp.intrinsics.type_error_proto,
                ) {
                    let msg = get_str(interp, eo, &PropertyKey::String(atoms::MESSAGE))?;
                    if let Value::String(m) = msg {
                        if m.to_std_string_lossy().contains("circular") {
                            interp.exception = Value::Undefined;
                            return Ok("[Circular]".into());
                        }
                    }
                }
            }
            Err(t)
        }
    }
}

/// node's formatWithOptions: printf-style substitutions in a leading string, the remaining
/// arguments inspected (strings raw) and joined by spaces.
pub fn format_args(interp: &mut Interp, args: &[Value], opts: &InspectOptions) -> JsResult<String> {
    let mut a = 0;
    let mut out = String::new();
    let mut join = "";
    if let Some(Value::String(first)) = args.first() {
        if args.len() == 1 {
            return Ok(first.to_std_string_lossy());
        }
        let f = first.as_slice();
        let mut last_pos = 0;
        let mut i = 0;
        while i + 1 < f.len() {
            if f[i] == b'%' as u16 {
                i += 1;
                let next = f[i];
                if a + 1 != args.len() {
                    let piece: Option<String> = match next {
                        0x73 /* s */ => {
                            a += 1;
                            Some(match &args[a] {
                                Value::Number(n) => format_number(*n),
                                Value::Object(o) => {
                                    if has_user_to_string(interp, o)? {
                                        ops::to_string(interp, &args[a])?.to_std_string_lossy()
                                    } else {
                                        let o2 = InspectOptions { depth: 0, compact: 3, ..opts.clone() };
                                        inspect_with(interp, &args[a], o2)?
                                    }
                                }
                                Value::Symbol(s) => s.descriptive_string().to_std_string_lossy(),
                                Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
                                other => ops::to_string(interp, other)?.to_std_string_lossy(),
                            })
                        }
                        0x6a /* j */ => {
                            a += 1;
                            Some(json_stringify(interp, &args[a])?)
                        }
                        0x64 /* d */ => {
                            a += 1;
                            Some(match &args[a] {
                                Value::Symbol(_) => "NaN".into(),
                                Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
                                // Number(v): a BigInt wrapper converts through its value.
                                v => match ops::to_numeric(interp, v)? {
                                    Value::BigInt(b) => format_number(b.to_f64()),
                                    n => format_number(n.as_number().unwrap_or(f64::NAN)),
                                },
                            })
                        }
                        0x4f /* O */ => {
                            a += 1;
                            Some(inspect_with(interp, &args[a], opts.clone())?)
                        }
                        0x6f /* o */ => {
                            a += 1;
                            let o2 = InspectOptions { show_hidden: true, depth: 4, ..opts.clone() };
                            Some(inspect_with(interp, &args[a], o2)?)
                        }
                        0x69 /* i */ => {
                            a += 1;
                            Some(match &args[a] {
                                Value::Symbol(_) => "NaN".into(),
                                Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
                                v => {
                                    let s = ops::to_string(interp, v)?;
                                    format_number(number::parse_int(&s, 0))
                                }
                            })
                        }
                        0x66 /* f */ => {
                            a += 1;
                            Some(match &args[a] {
                                Value::Symbol(_) => "NaN".into(),
                                v => {
                                    let s = ops::to_string(interp, v)?;
                                    format_number(number::parse_float(&s))
                                }
                            })
                        }
                        0x63 /* c */ => {
                            a += 1;
                            Some(String::new())
                        }
                        0x25 /* % */ => {
                            out.push_str(&String::from_utf16_lossy(&f[last_pos..i]));
                            last_pos = i + 1;
                            None
                        }
                        _ => None,
                    };
                    if let Some(p) = piece {
                        if last_pos != i - 1 {
                            out.push_str(&String::from_utf16_lossy(&f[last_pos..i - 1]));
                        }
                        out.push_str(&p);
                        last_pos = i + 1;
                    }
                } else if next == b'%' as u16 {
                    out.push_str(&String::from_utf16_lossy(&f[last_pos..i]));
                    last_pos = i + 1;
                }
            }
            i += 1;
        }
        if last_pos != 0 {
            a += 1;
            join = " ";
            if last_pos < f.len() {
                out.push_str(&String::from_utf16_lossy(&f[last_pos..]));
            }
        }
    }
    while a < args.len() {
        out.push_str(join);
        match &args[a] {
            Value::String(s) => out.push_str(&s.to_std_string_lossy()),
            v => out.push_str(&inspect_with(interp, v, opts.clone())?),
        }
        join = " ";
        a += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_follow_node() {
        let q = |s: &str| str_escape(&s.encode_utf16().collect::<Vec<_>>());
        assert_eq!(q("plain"), "'plain'");
        assert_eq!(q("it's"), "\"it's\"");
        assert_eq!(q("say \"hi\" it's"), "`say \"hi\" it's`");
        assert_eq!(q("all ' \" `"), "'all \\' \" `'");
        assert_eq!(q("a\nb\t\\"), "'a\\nb\\t\\\\'");
        assert_eq!(q("\u{1}\u{7f}"), "'\\x01\\x7F'");
        assert_eq!(str_escape(&[0xd83d]), "'\\ud83d'");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(date_iso_string(0.0).unwrap(), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            date_iso_string(1_705_314_600_000.0).unwrap(),
            "2024-01-15T10:30:00.000Z"
        );
        assert_eq!(date_iso_string(-1.0).unwrap(), "1969-12-31T23:59:59.999Z");
        assert_eq!(
            date_iso_string(-62_198_755_200_000.0).unwrap(),
            "-000001-01-01T00:00:00.000Z"
        );
        assert!(date_iso_string(f64::NAN).is_none());
    }

    #[test]
    fn widths() {
        assert_eq!(string_width("abc"), 3);
        assert_eq!(string_width("'é😀'"), 5);
    }
}
