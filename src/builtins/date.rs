//! `Date` (ECMA-262 §21.4): the time-value arithmetic (Day, MakeDay, MakeTime, TimeClip …),
//! the constructor (no arguments: the host clock through `Interp::host`; a time value; a
//! string; components), `Date.now/parse/UTC`, every getter and setter in local and UTC form,
//! the string forms (`toString`, `toISOString`, `toUTCString`, the `toLocale*String` forms as
//! node prints them in en-US), `toJSON`, `[Symbol.toPrimitive]`, and the Annex B `getYear`,
//! `setYear`, `toGMTString`.
//!
//! Local time is UTC: the `Host` trait has no time-zone query, and node on this machine runs
//! with offset 0 (`new Date().getTimezoneOffset() === 0`); `LOCAL_TZA` is the one place to
//! change when a host provides an offset. `Date.parse` accepts the ISO format of §21.4.1.32
//! and, as node does, the legacy forms `toString`/`toUTCString` print and the common
//! `Month D, YYYY`, `M/D/YYYY` shapes. Not here: Intl (locale arguments are ignored).

use super::{arg, method, native};
use crate::interp::ops::{self, Hint};
use crate::interp::{props, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property};
use crate::value::{number, Atom, PropertyKey, Symbol, Value, WellKnown};

const MS_PER_DAY: f64 = 86_400_000.0;
const MS_PER_HOUR: f64 = 3_600_000.0;
const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_SECOND: f64 = 1000.0;

/// The local time zone's offset from UTC in ms (see the module header).
const LOCAL_TZA: f64 = 0.0;

// ───────────── time value arithmetic (§21.4.1) ─────────────

fn day(t: f64) -> f64 {
    (t / MS_PER_DAY).floor()
}

fn time_within_day(t: f64) -> f64 {
    t.rem_euclid(MS_PER_DAY)
}

/// Days from 1970-01-01 to year-month-day (proleptic Gregorian; month 1..=12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1..=12, day 1..=31) of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The broken-down fields of a finite time value.
#[derive(Clone, Copy)]
struct Fields {
    year: f64,
    /// 0..=11
    month: f64,
    date: f64,
    hour: f64,
    min: f64,
    sec: f64,
    ms: f64,
    weekday: usize,
}

fn fields(t: f64) -> Fields {
    let d = day(t);
    let (y, m, dd) = civil_from_days(d as i64);
    let tw = time_within_day(t);
    Fields {
        year: y as f64,
        month: (m - 1) as f64,
        date: dd as f64,
        hour: (tw / MS_PER_HOUR).floor(),
        min: (tw / MS_PER_MINUTE).floor() % 60.0,
        sec: (tw / MS_PER_SECOND).floor() % 60.0,
        ms: tw % 1000.0,
        weekday: (d + 4.0).rem_euclid(7.0) as usize,
    }
}

/// MakeTime(hour, min, sec, ms).
fn make_time(h: f64, m: f64, s: f64, ms: f64) -> f64 {
    if !(h.is_finite() && m.is_finite() && s.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    let t = number::to_integer_or_infinity;
    t(h) * MS_PER_HOUR + t(m) * MS_PER_MINUTE + t(s) * MS_PER_SECOND + t(ms)
}

/// MakeDay(year, month, date).
fn make_day(year: f64, month: f64, date: f64) -> f64 {
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    let t = number::to_integer_or_infinity;
    let (y, m, dt) = (t(year), t(month), t(date));
    let ym = y + (m / 12.0).floor();
    // Far outside the representable range: no day 1 of that month exists as a time value.
    if !ym.is_finite() || ym.abs() > 1_000_000.0 {
        return f64::NAN;
    }
    let mn = m.rem_euclid(12.0);
    days_from_civil(ym as i64, mn as i64 + 1, 1) as f64 + dt - 1.0
}

/// MakeDate(day, time).
fn make_date(day: f64, time: f64) -> f64 {
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    let tv = day * MS_PER_DAY + time;
    if tv.is_finite() {
        tv
    } else {
        f64::NAN
    }
}

/// TimeClip(time) (-0 becomes +0).
fn time_clip(t: f64) -> f64 {
    if !t.is_finite() || t.abs() > 8.64e15 {
        return f64::NAN;
    }
    number::to_integer_or_infinity(t) + 0.0
}

fn local_time(t: f64) -> f64 {
    t + LOCAL_TZA
}

fn utc(t: f64) -> f64 {
    t - LOCAL_TZA
}

/// MakeFullYear: two-digit years are 1900s.
fn make_full_year(y: f64) -> f64 {
    if y.is_nan() {
        return y;
    }
    let i = number::to_integer_or_infinity(y);
    if (0.0..=99.0).contains(&i) {
        1900.0 + i
    } else {
        y
    }
}

// ───────────── formatting ─────────────

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Year as `toString` prints it: at least 4 digits, `-` before negative years.
fn year_text(y: f64) -> String {
    if y < 0.0 {
        format!("-{:04}", -y as i64)
    } else {
        format!("{:04}", y as i64)
    }
}

fn tz_text() -> String {
    let off = (LOCAL_TZA / MS_PER_MINUTE) as i64;
    let sign = if off < 0 { '-' } else { '+' };
    format!("GMT{sign}{:02}{:02}", off.abs() / 60, off.abs() % 60)
}

const TZ_NAME: &str = "Coordinated Universal Time";

fn date_string(f: &Fields) -> String {
    format!(
        "{} {} {:02} {}",
        DAYS[f.weekday],
        MONTHS[f.month as usize],
        f.date as i64,
        year_text(f.year)
    )
}

fn time_string(f: &Fields) -> String {
    format!(
        "{:02}:{:02}:{:02} {} ({TZ_NAME})",
        f.hour as i64,
        f.min as i64,
        f.sec as i64,
        tz_text()
    )
}

/// ToDateString(tv): `toString`'s form.
fn to_date_string(tv: f64) -> String {
    if tv.is_nan() {
        return "Invalid Date".to_string();
    }
    let f = fields(local_time(tv));
    format!("{} {}", date_string(&f), time_string(&f))
}

fn utc_string(tv: f64) -> String {
    let f = fields(tv);
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[f.weekday],
        f.date as i64,
        MONTHS[f.month as usize],
        year_text(f.year),
        f.hour as i64,
        f.min as i64,
        f.sec as i64
    )
}

fn iso_string(tv: f64) -> String {
    let f = fields(tv);
    let y = f.year as i64;
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if y < 0 {
        format!("-{:06}", -y)
    } else {
        format!("+{y:06}")
    };
    format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        f.month as i64 + 1,
        f.date as i64,
        f.hour as i64,
        f.min as i64,
        f.sec as i64,
        f.ms as i64
    )
}

/// en-US `M/D/YYYY` (ICU shows years before 1 CE by their era year, without the era).
fn locale_date(f: &Fields) -> String {
    let y = f.year as i64;
    let y = if y <= 0 { 1 - y } else { y };
    format!("{}/{}/{}", f.month as i64 + 1, f.date as i64, y)
}

/// en-US `h:mm:ss AM`.
fn locale_time(f: &Fields) -> String {
    let h = f.hour as i64;
    let (h12, ampm) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    format!("{h12}:{:02}:{:02} {ampm}", f.min as i64, f.sec as i64)
}

// ───────────── parsing ─────────────

/// Date.parse: the ISO format first, then the legacy forms.
fn parse_date(s: &str) -> f64 {
    let s = s.trim();
    parse_iso(s).unwrap_or_else(|| parse_legacy(s).unwrap_or(f64::NAN))
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<f64> {
        let mut v = 0.0;
        for _ in 0..n {
            let c = self.peek().filter(u8::is_ascii_digit)?;
            v = v * 10.0 + f64::from(c - b'0');
            self.i += 1;
        }
        Some(v)
    }
}

/// The Date Time String Format (§21.4.1.32): `YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]`,
/// expanded years `±YYYYYY`. Date-only forms are UTC, date-times without an offset local.
fn parse_iso(s: &str) -> Option<f64> {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let year = match c.peek()? {
        b'+' | b'-' => {
            let neg = c.peek() == Some(b'-');
            c.i += 1;
            let y = c.digits(6)?;
            if neg && y == 0.0 {
                return None; // -000000 is not allowed
            }
            if neg {
                -y
            } else {
                y
            }
        }
        _ => c.digits(4)?,
    };
    let (mut month, mut dayv) = (1.0, 1.0);
    if c.eat(b'-') {
        month = c.digits(2)?;
        if c.eat(b'-') {
            dayv = c.digits(2)?;
        }
    }
    if !(1.0..=12.0).contains(&month) || !(1.0..=31.0).contains(&dayv) {
        return None;
    }
    let (mut h, mut mi, mut sec, mut ms) = (0.0, 0.0, 0.0, 0.0);
    let mut offset: Option<f64> = None;
    let has_time = c.eat(b'T')
        || c.eat(b't')
        || (c.peek() == Some(b' ') && c.i + 1 < c.b.len() && c.eat(b' '));
    if has_time {
        h = c.digits(2)?;
        if !c.eat(b':') {
            return None;
        }
        mi = c.digits(2)?;
        if c.eat(b':') {
            sec = c.digits(2)?;
            if c.eat(b'.') || c.eat(b',') {
                // One or more digits; the first three are milliseconds.
                let mut n = 0;
                let mut scale = 100.0;
                while let Some(d) = c.peek().filter(u8::is_ascii_digit) {
                    if n < 3 {
                        ms += f64::from(d - b'0') * scale;
                        scale /= 10.0;
                    }
                    n += 1;
                    c.i += 1;
                }
                if n == 0 {
                    return None;
                }
            }
        }
        if h > 24.0 || mi > 59.0 || sec > 59.0 || (h == 24.0 && (mi > 0.0 || sec > 0.0 || ms > 0.0))
        {
            return None;
        }
        match c.peek() {
            Some(b'Z' | b'z') => {
                c.i += 1;
                offset = Some(0.0);
            }
            Some(sign @ (b'+' | b'-')) => {
                c.i += 1;
                let oh = c.digits(2)?;
                c.eat(b':');
                let om = c.digits(2)?;
                if oh > 23.0 || om > 59.0 {
                    return None;
                }
                let o = (oh * 60.0 + om) * MS_PER_MINUTE;
                offset = Some(if sign == b'-' { -o } else { o });
            }
            _ => {}
        }
    } else {
        offset = Some(0.0);
    }
    if c.i != c.b.len() {
        return None;
    }
    let t = make_date(make_day(year, month - 1.0, dayv), make_time(h, mi, sec, ms));
    let t = match offset {
        Some(o) => t - o,
        None => utc(t),
    };
    Some(time_clip(t))
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64, usize),
    Word(String),
    Sym(u8),
}

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let st = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let v: f64 = s[st..i].parse().ok()?;
            out.push(Tok::Num(v, i - st));
        } else if c.is_ascii_alphabetic() {
            let st = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Tok::Word(s[st..i].to_ascii_lowercase()));
        } else if c == b'(' {
            // Comments in parentheses (the time-zone name of `toString`) are skipped.
            let mut depth = 0;
            while i < b.len() {
                match b[i] {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        } else if c.is_ascii_whitespace() || c == b',' {
            i += 1;
        } else if b":.-+/".contains(&c) {
            // A `-` after a space (or first) is a sign, not a date separator: `_` marks it.
            let spaced = c == b'-' && (i == 0 || b[i - 1].is_ascii_whitespace());
            out.push(Tok::Sym(if spaced { b'_' } else { c }));
            i += 1;
        } else {
            return None;
        }
    }
    Some(out)
}

/// The legacy forms node accepts (`toString`/`toUTCString` output, `Nov 30 2026`,
/// `November 30, 2026 10:00:00`, `12/25/2020 10:30 PM`, `2026/11/30`, offsets `GMT+0100`).
fn parse_legacy(s: &str) -> Option<f64> {
    let toks = tokenize(s)?;
    let mut comps: Vec<(f64, usize)> = Vec::new();
    let mut month: Option<f64> = None;
    let mut time: Option<(f64, f64, f64, f64)> = None;
    let mut ampm: Option<bool> = None;
    let mut offset: Option<f64> = None;
    let mut i = 0;
    let num = |t: Option<&Tok>| match t {
        Some(Tok::Num(v, n)) => Some((*v, *n)),
        _ => None,
    };
    while i < toks.len() {
        match &toks[i] {
            Tok::Num(v, n) => {
                if toks.get(i + 1) == Some(&Tok::Sym(b':')) {
                    let h = *v;
                    let (m, _) = num(toks.get(i + 2))?;
                    i += 3;
                    let mut sec = 0.0;
                    let mut ms = 0.0;
                    if toks.get(i) == Some(&Tok::Sym(b':')) {
                        sec = num(toks.get(i + 1))?.0;
                        i += 2;
                        if toks.get(i) == Some(&Tok::Sym(b'.')) {
                            let (f, digits) = num(toks.get(i + 1))?;
                            ms = (f / 10f64.powi(digits as i32 - 3)).floor();
                            i += 2;
                        }
                    }
                    time = Some((h, m, sec, ms));
                    continue;
                }
                comps.push((*v, *n));
                i += 1;
            }
            Tok::Word(w) => {
                let w = w.as_str();
                if let Some(m) = MONTHS
                    .iter()
                    .position(|m| w.len() >= 3 && m.to_ascii_lowercase().starts_with(&w[..3]))
                {
                    month = Some(m as f64);
                } else if w == "am" || w == "pm" {
                    ampm = Some(w == "pm");
                } else if matches!(w, "utc" | "gmt" | "ut" | "z") {
                    offset = Some(0.0);
                } else if w == "t"
                    || DAYS
                        .iter()
                        .any(|d| w.len() >= 3 && d.to_ascii_lowercase().starts_with(&w[..3]))
                {
                    // The ISO-like `T` separator and day names carry nothing.
                } else {
                    return None;
                }
                i += 1;
            }
            Tok::Sym(c @ (b'+' | b'-' | b'_')) if time.is_some() || offset.is_some() => {
                let (v, n) = num(toks.get(i + 1))?;
                i += 2;
                let minutes = if toks.get(i) == Some(&Tok::Sym(b':')) {
                    let (m, _) = num(toks.get(i + 1))?;
                    i += 2;
                    v * 60.0 + m
                } else if n <= 2 {
                    v * 60.0
                } else {
                    (v / 100.0).floor() * 60.0 + v % 100.0
                };
                let o = minutes * MS_PER_MINUTE;
                offset = Some(if *c == b'+' { o } else { -o });
            }
            Tok::Sym(b'-' | b'/' | b'.') => i += 1,
            Tok::Sym(_) => return None,
        }
    }
    let (year, mon, dayv) = match (month, comps.as_slice()) {
        (Some(m), [(a, an), (b, _)]) => {
            if *a > 31.0 || *an >= 3 {
                (*a, m, *b)
            } else {
                (*b, m, *a)
            }
        }
        (Some(m), [(a, an), (b, _), ..]) if *an >= 3 => (*a, m, *b),
        (None, [(a, an), (b, _), (c, _)]) => {
            if *a > 31.0 || *an >= 3 {
                (*a, *b - 1.0, *c)
            } else {
                (*c, *a - 1.0, *b)
            }
        }
        _ => return None,
    };
    if !(0.0..=11.0).contains(&mon) || !(1.0..=31.0).contains(&dayv) {
        return None;
    }
    let year = if year < 50.0 && comps.iter().all(|&(v, n)| v != year || n <= 2) {
        2000.0 + year
    } else if year < 100.0 && comps.iter().all(|&(v, n)| v != year || n <= 2) {
        1900.0 + year
    } else {
        year
    };
    let (mut h, m, sec, ms) = time.unwrap_or((0.0, 0.0, 0.0, 0.0));
    if let Some(pm) = ampm {
        if h > 12.0 {
            return None;
        }
        if h == 12.0 {
            h = 0.0;
        }
        if pm {
            h += 12.0;
        }
    }
    if h > 24.0 || m > 59.0 || sec > 59.0 {
        return None;
    }
    let t = make_date(make_day(year, mon, dayv), make_time(h, m, sec, ms));
    let t = match offset {
        Some(o) => t - o,
        None => utc(t),
    };
    Some(time_clip(t))
}

// ───────────── the constructor and statics ─────────────

fn now(interp: &mut Interp) -> f64 {
    time_clip(interp.host.now_ms().floor())
}

/// thisTimeValue(this).
fn this_time(interp: &mut Interp, this: &Value) -> JsResult<f64> {
    if let Value::Object(o) = this {
        if let ObjectKind::Date(t) = o.borrow().kind {
            return Ok(t);
        }
    }
    Err(interp.throw_type_error("this is not a Date object."))
}

fn set_time_value(this: &Value, t: f64) {
    if let Value::Object(o) = this {
        if let ObjectKind::Date(v) = &mut o.borrow_mut().kind {
            *v = t;
        }
    }
}

fn date_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let Some(nt) = interp.new_target.take() else {
        let t = now(interp);
        return Ok(Value::from(to_date_string(t).as_str()));
    };
    let tv = match args.len() {
        0 => now(interp),
        1 => {
            let v = &args[0];
            let existing = match v {
                Value::Object(o) => match o.borrow().kind {
                    ObjectKind::Date(t) => Some(t),
                    _ => None,
                },
                _ => None,
            };
            match existing {
                Some(t) => t,
                None => {
                    let p = ops::to_primitive(interp, v, Hint::Default)?;
                    match &p {
                        Value::String(s) => parse_date(&s.to_std_string_lossy()),
                        _ => time_clip(ops::to_number(interp, &p)?),
                    }
                }
            }
        }
        _ => {
            let mut n = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
            for (i, slot) in n.iter_mut().enumerate().take(args.len().min(7)) {
                *slot = ops::to_number(interp, &args[i])?;
            }
            let yr = make_full_year(n[0]);
            let d = make_date(make_day(yr, n[1], n[2]), make_time(n[3], n[4], n[5], n[6]));
            time_clip(utc(d))
        }
    };
    let obj = interp.create_from_new_target(Some(nt), |i| &i.date_proto, ObjectKind::Date(tv))?;
    Ok(Value::Object(obj))
}

fn date_now(interp: &mut Interp, _: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Number(now(interp)))
}

fn date_parse(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let s = ops::to_string(interp, &arg(args, 0))?;
    Ok(Value::Number(parse_date(&s.to_std_string_lossy())))
}

fn date_utc(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let mut n = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    for (i, slot) in n.iter_mut().enumerate().take(args.len().min(7)) {
        *slot = ops::to_number(interp, &args[i])?;
    }
    let yr = make_full_year(n[0]);
    let d = make_date(make_day(yr, n[1], n[2]), make_time(n[3], n[4], n[5], n[6]));
    Ok(Value::Number(time_clip(d)))
}

// ───────────── getters ─────────────

#[derive(Clone, Copy)]
enum Field {
    Year,
    Month,
    Date,
    Day,
    Hours,
    Minutes,
    Seconds,
    Ms,
}

fn get_field(interp: &mut Interp, this: &Value, local: bool, which: Field) -> JsResult<Value> {
    let t = this_time(interp, this)?;
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    let f = fields(if local { local_time(t) } else { t });
    Ok(Value::Number(match which {
        Field::Year => f.year,
        Field::Month => f.month,
        Field::Date => f.date,
        Field::Day => f.weekday as f64,
        Field::Hours => f.hour,
        Field::Minutes => f.min,
        Field::Seconds => f.sec,
        Field::Ms => f.ms,
    }))
}

macro_rules! getters {
    ($($name:ident => ($local:expr, $field:ident),)*) => {
        $(fn $name(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
            get_field(interp, this, $local, Field::$field)
        })*
    };
}

getters! {
    get_full_year => (true, Year),
    get_month => (true, Month),
    get_date => (true, Date),
    get_day => (true, Day),
    get_hours => (true, Hours),
    get_minutes => (true, Minutes),
    get_seconds => (true, Seconds),
    get_milliseconds => (true, Ms),
    get_utc_full_year => (false, Year),
    get_utc_month => (false, Month),
    get_utc_date => (false, Date),
    get_utc_day => (false, Day),
    get_utc_hours => (false, Hours),
    get_utc_minutes => (false, Minutes),
    get_utc_seconds => (false, Seconds),
    get_utc_milliseconds => (false, Ms),
}

fn get_time(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Number(this_time(interp, this)?))
}

fn get_timezone_offset(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let t = this_time(interp, this)?;
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    Ok(Value::Number((t - local_time(t)) / MS_PER_MINUTE))
}

fn get_year(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let t = this_time(interp, this)?;
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    Ok(Value::Number(fields(local_time(t)).year - 1900.0))
}

// ───────────── setters ─────────────

/// The setters share one algorithm: coerce the arguments given (in order, after reading the
/// time value), return NaN for an invalid date (setFullYear starts from +0 instead), fill the
/// fields not given from the current value, rebuild, clip, store.
fn set_fields(
    interp: &mut Interp,
    this: &Value,
    args: &[Value],
    local: bool,
    first: Field,
    count: usize,
) -> JsResult<Value> {
    let t = this_time(interp, this)?;
    let mut given = [None; 4];
    for (i, slot) in given.iter_mut().enumerate().take(count) {
        if i == 0 || i < args.len() {
            *slot = Some(ops::to_number(interp, &arg(args, i))?);
        }
    }
    let t = if t.is_nan() {
        if matches!(first, Field::Year) {
            0.0
        } else {
            return Ok(Value::Number(f64::NAN));
        }
    } else if local {
        local_time(t)
    } else {
        t
    };
    let f = fields(t);
    let mut v = [f.year, f.month, f.date, f.hour, f.min, f.sec, f.ms];
    let start = match first {
        Field::Year => 0,
        Field::Month => 1,
        Field::Date => 2,
        Field::Hours => 3,
        Field::Minutes => 4,
        Field::Seconds => 5,
        _ => 6,
    };
    for (i, g) in given.iter().enumerate().take(count) {
        if let Some(x) = g {
            v[start + i] = *x;
        }
    }
    let d = make_date(
        make_day(v[0], v[1], v[2]),
        make_time(v[3], v[4], v[5], v[6]),
    );
    let u = time_clip(if local { utc(d) } else { d });
    set_time_value(this, u);
    Ok(Value::Number(u))
}

macro_rules! setters {
    ($($name:ident => ($local:expr, $field:ident, $count:expr),)*) => {
        $(fn $name(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
            set_fields(interp, this, args, $local, Field::$field, $count)
        })*
    };
}

setters! {
    set_full_year => (true, Year, 3),
    set_month => (true, Month, 2),
    set_date => (true, Date, 1),
    set_hours => (true, Hours, 4),
    set_minutes => (true, Minutes, 3),
    set_seconds => (true, Seconds, 2),
    set_milliseconds => (true, Ms, 1),
    set_utc_full_year => (false, Year, 3),
    set_utc_month => (false, Month, 2),
    set_utc_date => (false, Date, 1),
    set_utc_hours => (false, Hours, 4),
    set_utc_minutes => (false, Minutes, 3),
    set_utc_seconds => (false, Seconds, 2),
    set_utc_milliseconds => (false, Ms, 1),
}

fn set_time(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    this_time(interp, this)?;
    let t = ops::to_number(interp, &arg(args, 0))?;
    let v = time_clip(t);
    set_time_value(this, v);
    Ok(Value::Number(v))
}

/// Annex B `setYear`.
fn set_year(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let t = this_time(interp, this)?;
    let y = ops::to_number(interp, &arg(args, 0))?;
    let t = if t.is_nan() { 0.0 } else { local_time(t) };
    let yyyy = make_full_year(y);
    let f = fields(t);
    let d = make_date(make_day(yyyy, f.month, f.date), time_within_day(t));
    let u = time_clip(utc(d));
    set_time_value(this, u);
    Ok(Value::Number(u))
}

// ───────────── string forms ─────────────

fn string_result(
    interp: &mut Interp,
    this: &Value,
    f: impl FnOnce(f64) -> String,
) -> JsResult<Value> {
    let t = this_time(interp, this)?;
    if t.is_nan() {
        return Ok(Value::from("Invalid Date"));
    }
    Ok(Value::from(f(t).as_str()))
}

fn to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    string_result(interp, this, to_date_string)
}

fn to_date_string_m(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    string_result(interp, this, |t| date_string(&fields(local_time(t))))
}

fn to_time_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    string_result(interp, this, |t| time_string(&fields(local_time(t))))
}

fn to_utc_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    string_result(interp, this, utc_string)
}

fn to_iso_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let t = this_time(interp, this)?;
    if t.is_nan() {
        return Err(interp.throw_range_error("Invalid time value"));
    }
    Ok(Value::from(iso_string(t).as_str()))
}

fn to_locale_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    string_result(interp, this, |t| {
        let f = fields(local_time(t));
        format!("{}, {}", locale_date(&f), locale_time(&f))
    })
}

fn to_locale_date_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    string_result(interp, this, |t| locale_date(&fields(local_time(t))))
}

fn to_locale_time_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    string_result(interp, this, |t| locale_time(&fields(local_time(t))))
}

fn to_json(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let o = Value::Object(ops::to_object(interp, this)?);
    let tv = ops::to_primitive(interp, &o, Hint::Number)?;
    if let Value::Number(n) = tv {
        if !n.is_finite() {
            return Ok(Value::Null);
        }
    }
    let f = props::get(
        interp,
        &o,
        &PropertyKey::String(Atom::intern_str("toISOString")),
    )?;
    interp.call(&f, o, &[])
}

fn value_of(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(Value::Number(this_time(interp, this)?))
}

fn to_primitive(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if !matches!(this, Value::Object(_)) {
        return Err(
            interp.throw_type_error("Date.prototype [ @@toPrimitive ] called on non-object")
        );
    }
    let hint = match arg(args, 0) {
        Value::String(s) if s == "string" || s == "default" => Hint::String,
        Value::String(s) if s == "number" => Hint::Number,
        other => {
            let s = match &other {
                Value::String(s) => s.to_string(),
                v => super::console::inspect_short(v),
            };
            return Err(interp.throw_type_error(&format!("Invalid hint: {s}")));
        }
    };
    ops::ordinary_to_primitive(interp, this, hint)
}

pub fn install(interp: &mut Interp) {
    let proto = interp.intrinsics.date_proto.clone();
    let ctor = super::constructor(interp, "Date", 7, date_ctor, &proto);
    method(interp, &ctor, "now", 0, date_now);
    method(interp, &ctor, "parse", 1, date_parse);
    method(interp, &ctor, "UTC", 7, date_utc);
    type M = crate::interp::function::NativeFn;
    let methods: &[(&str, u32, M)] = &[
        ("getDate", 0, get_date),
        ("getDay", 0, get_day),
        ("getFullYear", 0, get_full_year),
        ("getHours", 0, get_hours),
        ("getMilliseconds", 0, get_milliseconds),
        ("getMinutes", 0, get_minutes),
        ("getMonth", 0, get_month),
        ("getSeconds", 0, get_seconds),
        ("getTime", 0, get_time),
        ("getTimezoneOffset", 0, get_timezone_offset),
        ("getUTCDate", 0, get_utc_date),
        ("getUTCDay", 0, get_utc_day),
        ("getUTCFullYear", 0, get_utc_full_year),
        ("getUTCHours", 0, get_utc_hours),
        ("getUTCMilliseconds", 0, get_utc_milliseconds),
        ("getUTCMinutes", 0, get_utc_minutes),
        ("getUTCMonth", 0, get_utc_month),
        ("getUTCSeconds", 0, get_utc_seconds),
        ("getYear", 0, get_year),
        ("setDate", 1, set_date),
        ("setFullYear", 3, set_full_year),
        ("setHours", 4, set_hours),
        ("setMilliseconds", 1, set_milliseconds),
        ("setMinutes", 3, set_minutes),
        ("setMonth", 2, set_month),
        ("setSeconds", 2, set_seconds),
        ("setTime", 1, set_time),
        ("setUTCDate", 1, set_utc_date),
        ("setUTCFullYear", 3, set_utc_full_year),
        ("setUTCHours", 4, set_utc_hours),
        ("setUTCMilliseconds", 1, set_utc_milliseconds),
        ("setUTCMinutes", 3, set_utc_minutes),
        ("setUTCMonth", 2, set_utc_month),
        ("setUTCSeconds", 2, set_utc_seconds),
        ("setYear", 1, set_year),
        ("toDateString", 0, to_date_string_m),
        ("toISOString", 0, to_iso_string),
        ("toJSON", 1, to_json),
        ("toLocaleDateString", 0, to_locale_date_string),
        ("toLocaleString", 0, to_locale_string),
        ("toLocaleTimeString", 0, to_locale_time_string),
        ("toString", 0, to_string),
        ("toTimeString", 0, to_time_string),
        ("valueOf", 0, value_of),
    ];
    for &(name, len, f) in methods {
        method(interp, &proto, name, len, f);
    }
    // toGMTString is the same function object as toUTCString (Annex B.2.3.2).
    let utc_fn = native(interp, "toUTCString", 0, to_utc_string, false);
    for name in ["toUTCString", "toGMTString"] {
        props::define_hidden(
            &proto,
            PropertyKey::String(Atom::intern_str(name)),
            Value::Object(utc_fn.clone()),
        );
    }
    let tp = native(interp, "[Symbol.toPrimitive]", 1, to_primitive, false);
    proto.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::ToPrimitive)),
        Property::data(Value::Object(tp), Attributes::CONFIGURABLE),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for d in [
            -719_468i64,
            -1,
            0,
            1,
            10_957,
            2_932_896,
            -100_000_000,
            100_000_000,
        ] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }

    #[test]
    fn strings_match_node() {
        // node (TZ=UTC): new Date(0).toString() etc.
        assert_eq!(
            to_date_string(0.0),
            "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"
        );
        assert_eq!(utc_string(0.0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(iso_string(8.64e15), "+275760-09-13T00:00:00.000Z");
        assert_eq!(iso_string(-62198755200000.0), "-000001-01-01T00:00:00.000Z");
        assert_eq!(
            to_date_string(-62198755200000.0),
            "Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)"
        );
        let f = fields(1578193445006.0);
        assert_eq!(
            format!("{}, {}", locale_date(&f), locale_time(&f)),
            "1/5/2020, 3:04:05 AM"
        );
    }

    #[test]
    fn parse_matches_node() {
        // Each expected value is node 20's Date.parse of the same string (TZ=UTC).
        for (s, want) in [
            ("2020-01-01", 1577836800000.0),
            ("2020-01-01T10:00", 1577872800000.0),
            ("2020-01-01T10:00:00.123+05:30", 1577853000123.0),
            ("+002020-01-01T00:00:00Z", 1577836800000.0),
            ("2020", 1577836800000.0),
            (
                "Tue Nov 30 2026 22:36:13 GMT+0000 (Coordinated Universal Time)",
                1796078173000.0,
            ),
            ("Mon, 30 Nov 2026 22:36:13 GMT", 1796078173000.0),
            ("Nov 30 2026", 1795996800000.0),
            ("2026/11/30", 1795996800000.0),
            ("November 30, 2026 10:00:00", 1796032800000.0),
            ("12/25/2020 10:30 PM", 1608935400000.0),
            ("2020-01-01T24:00:00Z", 1577923200000.0),
            ("Thu, 01 Jan 1970 00:00:00 GMT+0100", -3600000.0),
            ("1 January 2020", 1577836800000.0),
            ("Jan 1 2020 GMT-0500", 1577854800000.0),
        ] {
            assert_eq!(parse_date(s), want, "{s}");
        }
        for s in [
            "-000000-01-01T00:00:00Z",
            "2020-13-01",
            "foo",
            "2020-01-01T10:00:60Z",
        ] {
            assert!(parse_date(s).is_nan(), "{s}");
        }
    }
}
