//! Light frame records for error stacks: one `Frame` per running closure (and one for the
//! script), holding its code, its receiver when that names the frame, and the source offset of
//! its current call site or throw point. Call, `new` and `throw` sites update the innermost
//! frame's offset with one store; nothing else is paid on the normal path.
//!
//! From these the engine formats V8-style frames (`    at f (file.js:3:9)`, `    at new C (…)`,
//! `    at Object.m (…)`, `    at file.js:1:5` for anonymous functions) and remembers the throw
//! point of the latest exception, which the CLI shows with a caret.
//!
//! Also here: node's uncaught-exception report (`uncaught_report`: `file:line`, the source line
//! with a caret, then the value), placed at the throw point or, for exceptions V8 does not see
//! thrown (rejections, microtasks), at the error's first frame (`error_origin`).
//!
//! Not here: native builtins as frames (`at Array.map (<anonymous>)`), `async` frames, the
//! ` [as alias]` suffix, node's `Timeout.<name>` receiver of timer callbacks, and positions of
//! identifier references and property writes (an engine error there reports the frame's latest
//! call site; reads of `null`/`undefined` report the property).

use std::rc::Rc;

use super::Interp;
use crate::lower::tree::{Code, ThisMode};
use crate::span::LineIndex;
use crate::value::property::Slot;
use crate::value::{atoms, JsObject, PropertyKey, Value};

/// A script that source offsets refer to: the name frames show and its text.
pub struct SourceInfo {
    pub name: String,
    /// The text; for a registered script (`Interp::register_source`), the very `Rc` its lowered
    /// code holds (`Code::source`), which is how a frame finds its script.
    pub text: Rc<str>,
    index: LineIndex,
}

impl SourceInfo {
    pub fn new(name: &str, text: &str) -> Rc<SourceInfo> {
        SourceInfo::for_script(name, Rc::from(text))
    }

    /// The source of a lowered script, sharing its code's text (`Code::source`).
    pub fn for_script(name: &str, text: Rc<str>) -> Rc<SourceInfo> {
        Rc::new(SourceInfo {
            name: name.to_string(),
            index: LineIndex::new(&text),
            text,
        })
    }

    /// 1-based line and column of an offset inside the text.
    pub fn line_col(&self, pos: u32) -> Option<(u32, u32)> {
        ((pos as usize) <= self.text.len()).then(|| self.index.line_col(&self.text, pos))
    }

    /// The text of a 1-based line.
    pub fn line_text(&self, line: u32) -> &str {
        self.index.line_text(&self.text, line)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    Script,
    Call,
    Construct,
}

/// One running function (or the script).
pub struct Frame {
    pub code: Rc<Code>,
    /// Source offset of the current call site / throw point in this frame.
    pub pos: u32,
    /// The receiver when it names the frame (`Type.method`); undefined otherwise.
    pub this: Value,
    pub kind: FrameKind,
    /// The function object, kept only when its code has no name.
    pub func: Option<JsObject>,
}

impl Interp {
    /// Enter a frame (closure calls and scripts); a call's receiver is the current `this`.
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, code: &Rc<Code>, kind: FrameKind, me: Option<&JsObject>) {
        let frame = self.make_frame(code, kind, &self.this, me);
        self.frames.push(frame);
    }

    #[inline(always)]
    fn make_frame(
        &self,
        code: &Rc<Code>,
        kind: FrameKind,
        this: &Value,
        me: Option<&JsObject>,
    ) -> Frame {
        let this = if self.receiver_names_frame(code, kind, this) {
            this.clone()
        } else {
            Value::Undefined
        };
        // A method's name is given at run time (its property key): keep the function object
        // when the code has none.
        let func = if code.name == atoms::EMPTY {
            me.cloned()
        } else {
            None
        };
        Frame {
            code: code.clone(),
            pos: code.span.start,
            this,
            kind,
            func,
        }
    }

    /// `push_frame` for a call whose receiver the caller gives up (the lean call path): the
    /// receiver moves into the frame when it names it, else it is dropped. The function
    /// object names only anonymous code's frame; callers that take a named closure apart
    /// (plain and method calls) or run an anonymous arrow's code without its object pass
    /// `None`.
    #[inline(always)]
    pub(crate) fn push_call_frame(&mut self, code: &Rc<Code>, this: Value, me: Option<&JsObject>) {
        let this = if self.receiver_names_frame(code, FrameKind::Call, &this) {
            this
        } else {
            this.release();
            Value::Undefined
        };
        self.frames.push(Frame {
            code: code.clone(),
            pos: code.span.start,
            this,
            kind: FrameKind::Call,
            func: if code.name == atoms::EMPTY {
                me.cloned()
            } else {
                None
            },
        });
    }

    /// Only a method call's receiver names the frame: not arrows', not the global object.
    #[inline(always)]
    fn receiver_names_frame(&self, code: &Code, kind: FrameKind, this: &Value) -> bool {
        matches!(this, Value::Object(o)
            if kind == FrameKind::Call
                && code.this_mode != ThisMode::Lexical
                && !JsObject::ptr_eq(o, &self.global))
    }

    /// The `    at async f (file:line:col)` line of a suspended async call.
    pub(crate) fn async_frame_text(
        &self,
        code: &Rc<Code>,
        pos: u32,
        this: &Value,
        me: Option<&JsObject>,
    ) -> String {
        let mut frame = self.make_frame(code, FrameKind::Call, this, me);
        frame.pos = pos;
        let text = self.frame_text(&frame);
        match text.strip_prefix("    at ") {
            Some(rest) => format!("    at async {rest}"),
            None => text,
        }
    }

    #[inline]
    pub(crate) fn pop_frame(&mut self) {
        self.frames.pop();
    }

    /// The innermost frame is at source offset `pos` (a call, `new` or `throw` site).
    #[inline]
    pub(crate) fn set_pos(&mut self, pos: u32) {
        if let Some(f) = self.frames.last_mut() {
            f.pos = pos;
        }
    }

    /// Remember where the exception being thrown was thrown (`throw` statements pass their
    /// offset; engine errors use the innermost frame's), and in which script.
    #[inline]
    pub(crate) fn note_throw(&mut self, pos: Option<u32>) {
        let frame = self.frames.last();
        self.throw_pos = pos.or_else(|| frame.map(|f| f.pos));
        self.throw_text = frame.map(|f| f.code.source.clone());
    }

    /// Make offsets into `text` (a lowered script's `Code::source`) show as `name`: for hosts
    /// that run several scripts in one realm (the embedding API). Sources whose code is gone
    /// (only this list still holds the text) are forgotten here.
    pub fn register_source(&mut self, name: &str, text: &Rc<str>) {
        self.sources.retain(|s| Rc::strong_count(&s.text) > 1);
        self.sources
            .push(SourceInfo::for_script(name, text.clone()));
    }

    /// The script a code's text belongs to: a registered one, else the single `source`.
    pub fn source_of(&self, text: &Rc<str>) -> Option<&Rc<SourceInfo>> {
        self.sources
            .iter()
            .find(|s| Rc::ptr_eq(&s.text, text))
            .or(self.source.as_ref())
    }

    /// `file:line:col` of an offset into `text`, or `<anonymous>` without a known source.
    pub fn location(&self, text: &Rc<str>, pos: u32) -> String {
        match self
            .source_of(text)
            .and_then(|s| Some((s, s.line_col(pos)?)))
        {
            Some((s, (line, col))) => format!("{}:{line}:{col}", s.name),
            None => "<anonymous>".into(),
        }
    }

    fn frame_text(&self, f: &Frame) -> String {
        let loc = self.location(&f.code.source, f.pos);
        let mut name = f.code.name.to_js_string().to_std_string_lossy();
        if let Some(func) = &f.func {
            if let Some(Value::String(n)) = func.get_own_data(&PropertyKey::String(atoms::NAME)) {
                name = n.to_std_string_lossy();
            }
        }
        match f.kind {
            // node runs a script as a CommonJS module function called on `module.exports`.
            FrameKind::Script => format!("    at Object.<anonymous> ({loc})"),
            FrameKind::Construct => {
                let n = if name.is_empty() {
                    "<anonymous>"
                } else {
                    &name
                };
                format!("    at new {n} ({loc})")
            }
            FrameKind::Call => match &f.this {
                Value::Object(o) => {
                    let n = if name.is_empty() {
                        "<anonymous>"
                    } else {
                        &name
                    };
                    format!("    at {}.{n} ({loc})", receiver_type_name(o))
                }
                _ if name.is_empty() => format!("    at {loc}"),
                _ => format!("    at {name} ({loc})"),
            },
        }
    }

    /// The stack as `\n    at …` lines, innermost first: at most `limit` frames, after dropping
    /// the frames down to and including the innermost one running `skip_until` (the function
    /// argument of `Error.captureStackTrace`).
    pub fn stack_frames_text(&self, limit: usize, skip_until: Option<&Rc<Code>>) -> String {
        let mut frames: Vec<&Frame> = self.frames.iter().rev().collect();
        if let Some(code) = skip_until {
            if let Some(i) = frames.iter().position(|f| Rc::ptr_eq(&f.code, code)) {
                frames.drain(..=i);
            }
        }
        let mut out = String::new();
        let shown = frames.len().min(limit);
        for f in frames.into_iter().take(limit) {
            out.push('\n');
            out.push_str(&self.frame_text(f));
        }
        out.push_str(&self.async_stack_text(limit - shown));
        out
    }

    /// The line and column of the latest throw point (`throw` statements: the statement;
    /// engine errors: the innermost frame's position).
    pub fn throw_location(&self) -> Option<(u32, u32)> {
        self.throw_point().map(|(_, line, col)| (line, col))
    }

    /// [`Interp::throw_location`] with the name of the script it is in.
    pub fn throw_point(&self) -> Option<(&str, u32, u32)> {
        let src = match &self.throw_text {
            Some(t) => self.source_of(t)?,
            None => self.source.as_ref()?,
        };
        let (line, col) = src.line_col(self.throw_pos?)?;
        Some((&src.name, line, col))
    }

    /// Where an error was created, as V8 places the message of an exception it did not see
    /// thrown (a rejection, an exception escaping a microtask): the first frame of its stack
    /// when that frame is in this script. Read without running user code.
    pub fn error_origin(&self, err: &JsObject) -> Option<(u32, u32)> {
        let src = self.source.as_ref()?;
        let (file, line, col) = error_first_frame(err)?;
        (file == src.name).then_some((line, col))
    }

    /// node's report of an uncaught exception (without node's own closing lines: the
    /// `--trace-uncaught` hint and `Node.js vX`): the source line of `location` with a caret,
    /// then the inspected value (an error's stack).
    pub fn uncaught_report(
        &self,
        shown: &str,
        is_error: bool,
        location: Option<(u32, u32)>,
    ) -> String {
        let arrow = match (&self.source, location) {
            (Some(src), Some((line, col))) => {
                let text = src.line_text(line);
                // The caret sits under the column (tabs kept so it lines up).
                let pad: String = text
                    .chars()
                    .take(col.saturating_sub(1) as usize)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                format!("{}:{line}\n{text}\n{pad}^", src.name)
            }
            // V8's message for an exception without a script position.
            _ => "<anonymous_script>:0\n".to_string(),
        };
        if is_error {
            match location {
                Some(_) => format!("{arrow}\n\n{shown}"),
                None => shown.to_string(),
            }
        } else {
            format!("\n{arrow}\n{shown}")
        }
    }
}

/// The `file`, line and column of an error's first stack frame (`at f (file:3:9)` or
/// `at file:3:9`), read without running user code.
pub fn error_first_frame(err: &JsObject) -> Option<(String, u32, u32)> {
    let stack = crate::builtins::error::stack_text_raw(err)?;
    let frame = stack.lines().find_map(|l| l.strip_prefix("    at "))?;
    let loc = match frame.strip_suffix(')') {
        Some(f) => &f[f.rfind('(')? + 1..],
        None => frame,
    };
    let mut parts = loc.rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_string(), line, col))
}

/// The constructor name V8 shows for a method call's receiver (data properties only: no user
/// code runs while a stack is captured).
fn receiver_type_name(o: &JsObject) -> String {
    if o.borrow().kind.is_callable() {
        // A static method's receiver is its class: V8 names the frame by the class.
        return match o.get_own_data(&PropertyKey::String(atoms::NAME)) {
            Some(Value::String(n)) if !n.is_empty() => n.to_std_string_lossy(),
            _ => "Function".into(),
        };
    }
    let mut cur = Some(o.clone());
    while let Some(obj) = cur {
        let ctor = obj
            .borrow()
            .get_own_property(&PropertyKey::String(atoms::CONSTRUCTOR));
        if let Some(p) = ctor {
            if let Slot::Data(Value::Object(c)) = p.slot {
                let name = c.get_own_data(&PropertyKey::String(atoms::NAME));
                if let Some(Value::String(n)) = name {
                    if !n.is_empty() {
                        return n.to_std_string_lossy();
                    }
                }
            }
        }
        cur = obj.prototype();
    }
    "Object".into()
}
