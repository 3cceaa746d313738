//! The `console` object as node v20 behaves: `log/info/debug/dirxml` (stdout),
//! `error/warn/trace` (stderr), `dir`, `table`, `group/groupCollapsed/groupEnd` (2 spaces per
//! level, on both streams), `time/timeEnd/timeLog` (the Host's monotonic clock), `count/countReset`,
//! `assert`. Formatting is `inspect::format_args` (node's `util.format`).
//!
//! The console's state (group indentation, counters, timers) lives in a host object captured by
//! every method, so detached methods (`const { log } = console`) work as in node.
//!
//! Not here: node's process warnings (`countReset`/`timeEnd` of an unknown label print a
//! warning line on stderr, without node's `(node:PID)` prefix), `console.profile`, inspector-only
//! methods.

use std::any::Any;
use std::collections::HashMap;

use super::inspect::{self, format_args, InspectOptions};
use super::{arg, global_value, native_closure};
use crate::host::Stream;
use crate::interp::function::closure_slot;
use crate::interp::function::NativeClosureFn;
use crate::interp::{ops, props, Interp, JsResult};
use crate::value::gc::{empty_trace, Finalize, Trace};
use crate::value::object::{ObjectKind, ObjectPayload};
use crate::value::{JsObject, PropertyKey, Value};

pub use super::inspect::inspect;

/// A short description for error messages (`x is not a function`).
pub fn inspect_short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{s}\""),
        Value::Object(o) if o.borrow().kind.is_callable() => "function".into(),
        Value::Object(_) => "object".into(),
        Value::Number(n) => inspect::format_number(*n),
        Value::Undefined => "undefined".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Symbol(s) => s.descriptive_string().to_std_string_lossy(),
        Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
    }
}

/// Per-console state.
#[derive(Default)]
struct ConsoleState {
    group_indent: usize,
    counts: HashMap<String, u64>,
    /// Label → start time (Host monotonic ms), in insertion order irrelevant.
    timers: HashMap<String, f64>,
}

impl Finalize for ConsoleState {}
// SAFETY: holds no GC references.
unsafe impl Trace for ConsoleState {
    empty_trace!();
}

impl ObjectPayload for ConsoleState {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn with_state<R>(callee: &JsObject, f: impl FnOnce(&mut ConsoleState) -> R) -> Option<R> {
    let Value::Object(state) = closure_slot(callee, 0) else {
        return None;
    };
    let mut d = state.borrow_mut();
    match &mut d.kind {
        ObjectKind::Host(p) => p.as_any_mut().downcast_mut::<ConsoleState>().map(f),
        _ => None,
    }
}

/// Write `text` (possibly several lines) with the current group indentation.
fn emit(interp: &mut Interp, callee: &JsObject, stream: Stream, text: &str) {
    let indent = with_state(callee, |s| s.group_indent).unwrap_or(0);
    if indent == 0 {
        interp.host.write_line(stream, text);
    } else {
        let pad = " ".repeat(indent);
        let body = text.replace('\n', &format!("\n{pad}"));
        interp.host.write_line(stream, &format!("{pad}{body}"));
    }
}

fn write(
    interp: &mut Interp,
    callee: &JsObject,
    stream: Stream,
    args: &[Value],
) -> JsResult<Value> {
    let text = format_args(interp, args, &InspectOptions::default())?;
    emit(interp, callee, stream, &text);
    Ok(Value::Undefined)
}

fn log(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    write(interp, callee, Stream::Stdout, args)
}

fn error(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    write(interp, callee, Stream::Stderr, args)
}

/// `console.trace(...data)`: `Trace: <formatted>` and the current stack, on stderr.
fn trace(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    let message = format_args(interp, args, &InspectOptions::default())?;
    let head = if message.is_empty() {
        "Trace".to_string()
    } else {
        format!("Trace: {message}")
    };
    let frames = super::error::current_stack_frames(interp);
    emit(interp, callee, Stream::Stderr, &format!("{head}{frames}"));
    Ok(Value::Undefined)
}

/// Inspect options from a `console.dir` options object.
fn options_from(interp: &mut Interp, v: &Value) -> JsResult<InspectOptions> {
    let mut opts = InspectOptions {
        custom_inspect: false,
        ..InspectOptions::default()
    };
    if !matches!(v, Value::Object(_)) {
        return Ok(opts);
    }
    let num = |interp: &mut Interp, name: &str| -> JsResult<Option<Value>> {
        let x = props::get(interp, v, &PropertyKey::from_str_key(name))?;
        Ok((!x.is_undefined()).then_some(x))
    };
    let limit = |x: &Value, dflt: i64| match x {
        Value::Null => i64::MAX / 4,
        Value::Number(n) if n.is_infinite() && *n > 0.0 => i64::MAX / 4,
        Value::Number(n) if !n.is_nan() => *n as i64,
        _ => dflt,
    };
    if let Some(d) = num(interp, "depth")? {
        opts.depth = limit(&d, opts.depth);
    }
    if let Some(d) = num(interp, "showHidden")? {
        opts.show_hidden = d.to_boolean();
    }
    if let Some(d) = num(interp, "breakLength")? {
        opts.break_length = limit(&d, opts.break_length);
    }
    if let Some(d) = num(interp, "maxArrayLength")? {
        opts.max_array_length = limit(&d, opts.max_array_length);
    }
    if let Some(d) = num(interp, "maxStringLength")? {
        opts.max_string_length = limit(&d, opts.max_string_length);
    }
    if let Some(d) = num(interp, "customInspect")? {
        opts.custom_inspect = d.to_boolean();
    }
    Ok(opts)
}

fn dir(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    let opts = options_from(interp, &arg(args, 1))?;
    let text = inspect::inspect_with(interp, &arg(args, 0), opts)?;
    emit(interp, callee, Stream::Stdout, &text);
    Ok(Value::Undefined)
}

fn label_of(interp: &mut Interp, args: &[Value]) -> JsResult<String> {
    match arg(args, 0) {
        Value::Undefined => Ok("default".into()),
        v => Ok(ops::to_string(interp, &v)?.to_std_string_lossy()),
    }
}

fn group(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    if !args.is_empty() {
        write(interp, callee, Stream::Stdout, args)?;
    }
    with_state(callee, |s| s.group_indent += 2);
    Ok(Value::Undefined)
}

fn group_end(_: &mut Interp, callee: &JsObject, _: &Value, _: &[Value]) -> JsResult<Value> {
    with_state(callee, |s| {
        s.group_indent = s.group_indent.saturating_sub(2)
    });
    Ok(Value::Undefined)
}

fn count(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    let label = label_of(interp, args)?;
    let n = with_state(callee, |s| {
        let c = s.counts.entry(label.clone()).or_insert(0);
        *c += 1;
        *c
    })
    .unwrap_or(1);
    emit(interp, callee, Stream::Stdout, &format!("{label}: {n}"));
    Ok(Value::Undefined)
}

fn count_reset(
    interp: &mut Interp,
    callee: &JsObject,
    _: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let label = label_of(interp, args)?;
    let found = with_state(callee, |s| s.counts.remove(&label).is_some()).unwrap_or(false);
    if found {
        with_state(callee, |s| s.counts.insert(label, 0));
    } else {
        warning(interp, &format!("Count for '{label}' does not exist"));
    }
    Ok(Value::Undefined)
}

/// node's process warning line (without the `(node:PID)` prefix, which has no meaning here).
fn warning(interp: &mut Interp, text: &str) {
    interp
        .host
        .write_line(Stream::Stderr, &format!("Warning: {text}"));
}

fn assert(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    if arg(args, 0).to_boolean() {
        return Ok(Value::Undefined);
    }
    let mut rest: Vec<Value> = args.iter().skip(1).cloned().collect();
    if rest.is_empty() {
        rest.push(Value::from("Assertion failed"));
    } else {
        let first = ops::to_string(interp, &rest[0])?;
        rest[0] = Value::from(format!("Assertion failed: {first}").as_str());
    }
    write(interp, callee, Stream::Stderr, &rest)
}

fn time(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    let label = label_of(interp, args)?;
    let now = interp.host.monotonic_ms();
    let existed = with_state(callee, |s| {
        if s.timers.contains_key(&label) {
            true
        } else {
            s.timers.insert(label.clone(), now);
            false
        }
    })
    .unwrap_or(false);
    if existed {
        warning(
            interp,
            &format!("Label '{label}' already exists for console.time()"),
        );
    }
    Ok(Value::Undefined)
}

/// node's formatTime: `1.234ms`, `1.234s`, `1:02.345 (m:ss.mmm)`, `1:02:03.456 (h:mm:ss.mmm)`.
fn format_time(ms: f64) -> String {
    let (mut hours, mut minutes, mut seconds) = (0.0, 0.0, 0.0);
    let mut ms = ms;
    if ms >= 1000.0 {
        if ms >= 60_000.0 {
            if ms >= 3_600_000.0 {
                hours = (ms / 3_600_000.0).floor();
                ms %= 3_600_000.0;
            }
            minutes = (ms / 60_000.0).floor();
            ms %= 60_000.0;
        }
        seconds = ms / 1000.0;
    }
    if hours != 0.0 || minutes != 0.0 {
        let fixed = crate::value::number::to_fixed(seconds, 3);
        let (s, frac) = fixed.split_once('.').unwrap_or((&fixed, "000"));
        let pad = |x: &str| format!("{x:0>2}");
        let res = if hours != 0.0 {
            format!("{hours}:{}", pad(&minutes.to_string()))
        } else {
            minutes.to_string()
        };
        let unit = if hours != 0.0 { "h:m" } else { "" };
        return format!("{res}:{}.{frac} ({unit}m:ss.mmm)", pad(s));
    }
    if seconds != 0.0 {
        return format!("{}s", crate::value::number::to_fixed(seconds, 3));
    }
    let fixed = crate::value::number::to_fixed(ms, 3);
    let n: f64 = fixed.parse().unwrap_or(ms);
    format!("{}ms", inspect::format_number(n))
}

fn time_log_impl(
    interp: &mut Interp,
    callee: &JsObject,
    name: &str,
    args: &[Value],
    end: bool,
) -> JsResult<Value> {
    let label = label_of(interp, args)?;
    let start = with_state(callee, |s| {
        if end {
            s.timers.remove(&label)
        } else {
            s.timers.get(&label).copied()
        }
    })
    .flatten();
    let Some(start) = start else {
        warning(
            interp,
            &format!("No such label '{label}' for console.{name}()"),
        );
        return Ok(Value::Undefined);
    };
    let elapsed = interp.host.monotonic_ms() - start;
    let mut parts = vec![
        Value::from("%s: %s"),
        Value::from(label.as_str()),
        Value::from(format_time(elapsed).as_str()),
    ];
    if !end {
        parts.extend(args.iter().skip(1).cloned());
    }
    write(interp, callee, Stream::Stdout, &parts)
}

fn time_end(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    time_log_impl(interp, callee, "timeEnd", args, true)
}

fn time_log(interp: &mut Interp, callee: &JsObject, _: &Value, args: &[Value]) -> JsResult<Value> {
    time_log_impl(interp, callee, "timeLog", args, false)
}

// ───────────── console.table ─────────────

/// node's cli_table renderer.
fn render_table(head: &[String], columns: &[Vec<Option<String>>]) -> String {
    let width = |s: &str| inspect::string_width(s) as usize;
    let mut widths: Vec<usize> = head.iter().map(|h| width(h) + 2).collect();
    let longest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); longest];
    for (i, column) in columns.iter().enumerate() {
        for (j, row) in rows.iter_mut().enumerate() {
            let cell = column.get(j).cloned().flatten().unwrap_or_default();
            widths[i] = widths[i].max(width(&cell) + 2);
            row.push(cell);
        }
    }
    let render_row = |row: &[String]| {
        let mut out = String::from("│");
        for (i, cell) in row.iter().enumerate() {
            // node 20 left-aligns every cell.
            let needed = widths[i] - width(cell) - 1;
            out.push(' ');
            out.push_str(cell);
            out.push_str(&" ".repeat(needed));
            out.push('│');
        }
        out
    };
    let divider: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    let mut result = format!("┌{}┐\n", divider.join("┬"));
    result.push_str(&render_row(head));
    result.push('\n');
    result.push_str(&format!("├{}┤\n", divider.join("┼")));
    for row in &rows {
        result.push_str(&render_row(row));
        result.push('\n');
    }
    result.push_str(&format!("└{}┘", divider.join("┴")));
    result
}

fn enumerable_keys(o: &JsObject) -> Vec<PropertyKey> {
    let d = o.borrow();
    d.own_keys()
        .into_iter()
        .filter(|k| !k.is_symbol())
        .filter(|k| d.get_own_property(k).is_some_and(|p| p.attrs.enumerable()))
        .collect()
}

fn key_text(k: &PropertyKey) -> String {
    props::key_display(k)
}

fn table(interp: &mut Interp, callee: &JsObject, this: &Value, args: &[Value]) -> JsResult<Value> {
    let data = arg(args, 0);
    let Value::Object(obj) = &data else {
        return log(interp, callee, this, &[data]);
    };
    let properties: Option<Vec<PropertyKey>> = match arg(args, 1) {
        Value::Undefined => None,
        Value::Object(p) if matches!(p.borrow().kind, ObjectKind::Array(_)) => {
            let items = props::iterate_to_vec(interp, &Value::Object(p.clone()))?;
            let mut keys = Vec::new();
            for it in items {
                keys.push(ops::to_property_key(interp, &it)?);
            }
            Some(keys)
        }
        _ => {
            return Err(
                interp.throw_type_error("The \"properties\" argument must be an instance of Array")
            )
        }
    };
    // Cells: objects with more than 2 keys print as [Object], arrays to depth 0, 3 items max.
    let cell = |interp: &mut Interp, v: &Value| -> JsResult<String> {
        let depth = match v {
            Value::Object(o)
                if !matches!(o.borrow().kind, ObjectKind::Array(_))
                    && enumerable_keys(o).len() > 2 =>
            {
                -1
            }
            _ => 0,
        };
        let opts = InspectOptions {
            depth,
            max_array_length: 3,
            break_length: i64::MAX / 4,
            ..InspectOptions::default()
        };
        inspect::inspect_with(interp, v, opts)
    };
    let index_array = |interp: &mut Interp, n: usize| -> JsResult<Vec<Option<String>>> {
        (0..n)
            .map(|i| cell(interp, &Value::Number(i as f64)).map(Some))
            .collect()
    };
    let entries: Option<(bool, Vec<(Value, Value)>)> = match &obj.borrow().kind {
        ObjectKind::Map(m) => Some((
            true,
            m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        )),
        ObjectKind::Set(m) => Some((
            false,
            m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        )),
        _ => None,
    };
    let out = if let Some((is_map, entries)) = entries {
        let idx = index_array(interp, entries.len())?;
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for (k, v) in &entries {
            if is_map {
                keys.push(Some(cell(interp, k)?));
                values.push(Some(cell(interp, v)?));
            } else {
                values.push(Some(cell(interp, k)?));
            }
        }
        if is_map {
            render_table(
                &["(iteration index)".into(), "Key".into(), "Values".into()],
                &[idx, keys, values],
            )
        } else {
            render_table(
                &["(iteration index)".into(), "Values".into()],
                &[idx, values],
            )
        }
    } else {
        // Columns keyed by property name; null-prototype key order: indices first.
        let mut column_keys: Vec<PropertyKey> = Vec::new();
        let mut columns: Vec<Vec<Option<String>>> = Vec::new();
        let mut has_primitives = false;
        let mut values_column: Vec<Option<String>> = Vec::new();
        let index_keys = enumerable_keys(obj);
        for (i, ik) in index_keys.iter().enumerate() {
            let item = props::get(interp, &data, ik)?;
            let primitive = !matches!(item, Value::Object(_));
            if properties.is_none() && primitive {
                has_primitives = true;
                if values_column.len() <= i {
                    values_column.resize(i + 1, None);
                }
                values_column[i] = Some(cell(interp, &item)?);
            } else {
                let keys = match (&properties, &item) {
                    (Some(p), _) => p.clone(),
                    (None, Value::Object(io)) => enumerable_keys(io),
                    (None, _) => Vec::new(),
                };
                for key in keys {
                    let ci = match column_keys.iter().position(|k| *k == key) {
                        Some(ci) => ci,
                        None => {
                            column_keys.push(key.clone());
                            columns.push(Vec::new());
                            column_keys.len() - 1
                        }
                    };
                    let own = match &item {
                        Value::Object(io) => io.borrow().get_own_property(&key).is_some(),
                        _ => false,
                    };
                    let text = if (primitive && properties.is_some()) || !own {
                        String::new()
                    } else {
                        let v = props::get(interp, &item, &key)?;
                        cell(interp, &v)?
                    };
                    let col = &mut columns[ci];
                    if col.len() <= i {
                        col.resize(i + 1, None);
                    }
                    col[i] = Some(text);
                }
            }
        }
        // Object.keys order of the null-prototype map: integer keys ascending first.
        let mut order: Vec<usize> = (0..column_keys.len()).collect();
        order.sort_by_key(|&i| match column_keys[i] {
            PropertyKey::Index(n) => (0, n as u64, i),
            _ => (1, 0, i),
        });
        let mut head = vec!["(index)".to_string()];
        let mut cols = vec![index_keys.iter().map(|k| Some(key_text(k))).collect()];
        for i in order {
            head.push(key_text(&column_keys[i]));
            cols.push(std::mem::take(&mut columns[i]));
        }
        if has_primitives {
            head.push("Values".into());
            cols.push(values_column);
        }
        render_table(&head, &cols)
    };
    emit(interp, callee, Stream::Stdout, &out);
    Ok(Value::Undefined)
}

pub fn install(interp: &mut Interp) {
    let console = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    let state = JsObject::new(
        None,
        ObjectKind::Host(crate::value::object::PayloadBox::new(
            ConsoleState::default(),
        )),
    );
    let methods: &[(&str, u32, NativeClosureFn)] = &[
        ("log", 0, log),
        ("warn", 0, error),
        ("dir", 0, dir),
        ("time", 0, time),
        ("timeEnd", 0, time_end),
        ("timeLog", 0, time_log),
        ("trace", 0, trace),
        ("assert", 0, assert),
        ("count", 0, count),
        ("countReset", 0, count_reset),
        ("group", 0, group),
        ("groupEnd", 0, group_end),
        ("table", 0, table),
        ("debug", 0, log),
        ("info", 0, log),
        ("dirxml", 0, log),
        ("error", 0, error),
        ("groupCollapsed", 0, group),
    ];
    for (name, length, f) in methods {
        let func = native_closure(
            interp,
            name,
            *length,
            *f,
            vec![Value::Object(state.clone())],
        );
        props::define_data(
            &console,
            PropertyKey::String(crate::value::Atom::intern_str(name)),
            Value::Object(func),
        );
    }
    global_value(interp, "console", Value::Object(console));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_formats_like_node() {
        assert_eq!(format_time(0.5), "0.5ms");
        assert_eq!(format_time(12.34567), "12.346ms");
        assert_eq!(format_time(1500.0), "1.500s");
        assert_eq!(format_time(61_500.0), "1:01.500 (m:ss.mmm)");
        assert_eq!(format_time(3_723_004.0), "1:02:03.004 (h:mm:ss.mmm)");
    }

    #[test]
    fn table_layout() {
        let t = render_table(
            &["(index)".into(), "a".into()],
            &[
                vec![Some("0".into()), Some("1".into())],
                vec![Some("1".into()), None],
            ],
        );
        assert_eq!(
            t,
            "┌─────────┬───┐\n│ (index) │ a │\n├─────────┼───┤\n│ 0       │ 1 │\n│ 1       │   │\n└─────────┴───┘"
        );
    }
}
