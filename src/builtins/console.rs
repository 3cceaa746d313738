//! `console` and the value formatting it shares with error messages: Node's `util.inspect`
//! rules for what snippets print — top-level strings raw, nested strings quoted, `[ 1, 2, 3 ]`,
//! `{ a: 1, 'b-c': 2 }`, `[Object]`/`[Array]` past depth 2, a line break when the one-line form
//! would pass 72 columns, `[Function: f]`, errors as `Name: message`.
//!
//! Not yet (issue 3's console bullet): grouping of long numeric arrays into columns, `%` format
//! substitution, circular `<ref *1>` markers (a cycle prints `[Circular]`), Map/Set/class
//! instance prefixes, `console.table/group/time/count/assert`, error stack frames.

use super::{global_value, method};
use crate::host::Stream;
use crate::interp::{props, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::property::Slot;
use crate::value::{atoms, number, JsObject, PropertyKey, Value};

const MAX_DEPTH: usize = 2;
const BREAK_LENGTH: usize = 80;

/// A short description for error messages (`x is not a function`).
pub fn inspect_short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{s}\""),
        Value::Object(o) if o.borrow().kind.is_callable() => "function".into(),
        Value::Object(_) => "object".into(),
        other => format_primitive(other, false),
    }
}

fn format_number(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        "-0".into()
    } else {
        number::to_rust_string(n)
    }
}

fn quote(s: &str) -> String {
    // Node picks single quotes unless the string contains them and no double quotes.
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else if s.contains('\'') && s.contains('"') && !s.contains('`') {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn format_primitive(v: &Value, nested: bool) -> String {
    match v {
        Value::Undefined => "undefined".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format_number(*n),
        Value::String(s) if nested => quote(&s.to_std_string_lossy()),
        Value::String(s) => s.to_std_string_lossy(),
        Value::Symbol(s) => s.descriptive_string().to_std_string_lossy(),
        Value::Object(_) => "[object]".into(),
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

fn format_key(key: &PropertyKey) -> String {
    match key {
        PropertyKey::Index(i) => format!("'{i}'"),
        PropertyKey::String(a) => {
            let s = a.to_js_string().to_std_string_lossy();
            if is_identifier(&s) {
                s
            } else {
                quote(&s)
            }
        }
        PropertyKey::Symbol(s) => format!("[{}]", s.descriptive_string()),
    }
}

/// `util.inspect(v)` for console output.
pub fn inspect(interp: &mut Interp, v: &Value) -> JsResult<String> {
    let mut seen = Vec::new();
    inspect_value(interp, v, 0, &mut seen, 0)
}

fn function_name(o: &JsObject) -> String {
    match o.get_own_data(&PropertyKey::String(atoms::NAME)) {
        Some(Value::String(s)) if !s.is_empty() => format!("[Function: {s}]"),
        _ => "[Function (anonymous)]".into(),
    }
}

fn inspect_value(
    interp: &mut Interp,
    v: &Value,
    depth: usize,
    seen: &mut Vec<JsObject>,
    indent: usize,
) -> JsResult<String> {
    let Value::Object(o) = v else {
        return Ok(format_primitive(v, depth > 0));
    };
    if seen.iter().any(|s| JsObject::ptr_eq(s, o)) {
        return Ok("[Circular]".into());
    }
    let kind_is = |o: &JsObject| {
        let d = o.borrow();
        (
            matches!(d.kind, ObjectKind::Array(_)),
            d.kind.is_callable(),
            matches!(d.kind, ObjectKind::Error),
        )
    };
    let (is_array, is_fn, is_error) = kind_is(o);
    if is_error {
        let s = super::error::display(interp, v)?;
        return Ok(if depth > 0 { format!("[{s}]") } else { s });
    }
    let keys: Vec<PropertyKey> = o
        .borrow()
        .own_keys()
        .into_iter()
        .filter(|k| {
            !(is_array && matches!(k, PropertyKey::String(a) if *a == atoms::LENGTH))
                && o.borrow()
                    .get_own_property(k)
                    .is_some_and(|p| p.attrs.enumerable())
        })
        .collect();
    if is_fn {
        let name = function_name(o);
        if keys.is_empty() {
            return Ok(name);
        }
    }
    if depth > MAX_DEPTH {
        return Ok(if is_array { "[Array]" } else { "[Object]" }.into());
    }
    seen.push(o.clone());
    let mut entries = Vec::new();
    if is_array {
        let len = props::array_length(o);
        let mut holes = 0;
        for i in 0..len {
            let has = o
                .borrow()
                .get_own_property(&PropertyKey::Index(i))
                .is_some();
            if !has {
                holes += 1;
                continue;
            }
            if holes > 0 {
                entries.push(format!(
                    "<{holes} empty item{}>",
                    if holes == 1 { "" } else { "s" }
                ));
                holes = 0;
            }
            if entries.len() >= 100 {
                entries.push(format!("... {} more items", len - i));
                break;
            }
            let item = props::get(interp, v, &PropertyKey::Index(i))?;
            entries.push(inspect_value(interp, &item, depth + 1, seen, indent + 2)?);
        }
        if holes > 0 {
            entries.push(format!(
                "<{holes} empty item{}>",
                if holes == 1 { "" } else { "s" }
            ));
        }
    }
    for key in keys {
        if is_array && matches!(key, PropertyKey::Index(_)) {
            continue;
        }
        let prop = o.borrow().get_own_property(&key);
        let text = match prop.map(|p| p.slot) {
            Some(Slot::Accessor(a)) => match (a.get.is_some(), a.set.is_some()) {
                (true, true) => "[Getter/Setter]".to_string(),
                (true, false) => "[Getter]".to_string(),
                _ => "[Setter]".to_string(),
            },
            Some(Slot::Data(val)) => inspect_value(interp, &val, depth + 1, seen, indent + 2)?,
            None => continue,
        };
        entries.push(format!("{}: {}", format_key(&key), text));
    }
    seen.pop();
    let (open, close) = if is_array { ("[", "]") } else { ("{", "}") };
    let prefix = if is_fn {
        format!("{} ", function_name(o))
    } else {
        String::new()
    };
    if entries.is_empty() {
        return Ok(format!("{prefix}{open}{close}"));
    }
    // Node's reduceToSingleString: one line if it fits in breakLength (80) counting the
    // indentation and brackets, and no entry spans lines.
    let total: usize = entries.iter().map(|e| e.len()).sum::<usize>() + entries.len();
    let start = prefix.len() + open.len() + indent;
    if total + start + 10 <= BREAK_LENGTH && !entries.iter().any(|e| e.contains('\n')) {
        return Ok(format!("{prefix}{open} {} {close}", entries.join(", ")));
    }
    let pad = " ".repeat(indent + 2);
    let body = entries.join(&format!(",\n{pad}"));
    Ok(format!(
        "{prefix}{open}\n{pad}{body}\n{}{close}",
        " ".repeat(indent)
    ))
}

fn write(interp: &mut Interp, stream: Stream, args: &[Value]) -> JsResult<Value> {
    let mut parts = Vec::with_capacity(args.len());
    for a in args {
        parts.push(inspect(interp, a)?);
    }
    interp.host.write_line(stream, &parts.join(" "));
    Ok(Value::Undefined)
}

fn log(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    write(interp, Stream::Stdout, args)
}

fn error(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    write(interp, Stream::Stderr, args)
}

pub fn install(interp: &mut Interp) {
    let console = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    for name in ["log", "info", "debug"] {
        method(interp, &console, name, 0, log);
    }
    for name in ["error", "warn", "trace"] {
        method(interp, &console, name, 0, error);
    }
    global_value(interp, "console", Value::Object(console));
}
