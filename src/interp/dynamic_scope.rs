//! Running dynamic scopes: by-name references through `with` objects and eval `var` maps
//! (`tree::DynRef`), the `with` statement, and PerformEval (direct and indirect) with
//! EvalDeclarationInstantiation.
//!
//! A `DynRef` lists the objects to ask before the static binding: a `with` object is asked as an
//! object environment record (HasProperty, then `@@unscopables`), an eval `var` map by own
//! property. The reference is resolved once (before the right-hand side of an assignment is
//! evaluated) and then read or written through what it resolved to, as the spec's Reference
//! Records do. Only code inside `with` or around a sloppy direct eval reaches this module.
//!
//! Eval code runs as a frame of its own (its registers) on the caller's environment chain (direct)
//! or the global one (indirect), with the caller's `this`, home object and active function.
//!
//! Not here: the lowering side (`lower::build::eval`), the `eval` builtin (`builtins::eval`).

use super::*;
use crate::lower::build::eval::{lower_eval, EvalContext, EvalScript, EvalVars};
use crate::lower::tree::{DynFallback, DynRef};
use crate::parser::ast::BinaryOp;
use crate::value::property::{Attributes, Property};
use crate::value::WellKnown;

/// What a by-name reference resolved to.
pub(super) enum DynTarget {
    /// A `with` object that has the name (and does not make it unscopable).
    With(JsObject),
    /// An eval `var` map holding the name.
    Vars(JsObject),
    /// The static binding behind the dynamic scopes.
    Place(DynFallback),
    /// The global object / global lexical environment.
    Global,
}

/// Scope-chain length beyond which a direct eval throws a RangeError (see `perform_eval`).
const MAX_EVAL_NESTING: usize = 1000;

fn wec() -> Attributes {
    Attributes::WRITABLE
        .with(Attributes::ENUMERABLE)
        .with(Attributes::CONFIGURABLE)
}

impl Interp {
    /// ResolveBinding through the dynamic scopes of `d`.
    pub(super) fn dyn_resolve(&mut self, g: &GlobalRef, d: &DynRef) -> JsResult<DynTarget> {
        let key = PropertyKey::String(g.name);
        for c in d.checks.iter() {
            let Value::Object(o) = self.read_place(c.place, None)? else {
                continue;
            };
            if c.with {
                // Object Environment Record HasBinding (withEnvironment = true).
                let ov = Value::Object(o.clone());
                if !props::has_property(self, &ov, &key)? {
                    continue;
                }
                let uk = PropertyKey::Symbol(Symbol::well_known(WellKnown::Unscopables));
                let unscopables = props::get(self, &ov, &uk)?;
                if let Value::Object(_) = unscopables {
                    if props::get(self, &unscopables, &key)?.to_boolean() {
                        continue;
                    }
                }
                return Ok(DynTarget::With(o));
            }
            if o.borrow().get_own_property(&key).is_some() {
                return Ok(DynTarget::Vars(o));
            }
        }
        Ok(match d.fallback {
            Some(f) => DynTarget::Place(f),
            None => DynTarget::Global,
        })
    }

    fn not_defined(&mut self, name: Atom) -> Throw {
        let msg = format!("{} is not defined", name.to_js_string());
        self.throw_reference_error(&msg)
    }

    /// GetValue of a resolved by-name reference.
    pub(super) fn dyn_read(&mut self, target: &DynTarget, g: &GlobalRef) -> JsResult<Value> {
        let key = PropertyKey::String(g.name);
        match target {
            DynTarget::With(o) => {
                // GetBindingValue: the property may have gone since HasBinding.
                let ov = Value::Object(o.clone());
                if !props::has_property(self, &ov, &key)? {
                    if self.strict {
                        return Err(self.not_defined(g.name));
                    }
                    return Ok(Value::Undefined);
                }
                props::get(self, &ov, &key)
            }
            DynTarget::Vars(o) => props::get(self, &Value::Object(o.clone()), &key),
            DynTarget::Place(f) => self.read_place(f.place, f.tdz),
            DynTarget::Global => self.get_global_by_name(g),
        }
    }

    /// PutValue to a resolved by-name reference.
    pub(super) fn dyn_put(&mut self, target: DynTarget, g: &GlobalRef, v: Value) -> JsResult<()> {
        let key = PropertyKey::String(g.name);
        match target {
            DynTarget::With(o) => {
                // Object Environment Record SetMutableBinding.
                let ov = Value::Object(o);
                if !props::has_property(self, &ov, &key)? && self.strict {
                    return Err(self.not_defined(g.name));
                }
                props::put_value(self, &ov, key, v)
            }
            DynTarget::Vars(o) => props::put_value(self, &Value::Object(o), key, v),
            DynTarget::Place(f) => {
                if let Some(name) = f.tdz {
                    let current = self.read_place(f.place, None)?;
                    if self.is_uninit(&current) {
                        return Err(self.tdz_error(name));
                    }
                }
                match f.check {
                    Some(ConstCheck::Throw | ConstCheck::ThrowAfterTdz(_)) => {
                        return Err(self.throw_type_error("Assignment to constant variable."))
                    }
                    Some(ConstCheck::Ignore) => return Ok(()),
                    Some(ConstCheck::Initialized | ConstCheck::Tdz(_)) | None => {}
                }
                self.write_place(f.place, v);
                Ok(())
            }
            DynTarget::Global => self.set_global_by_name(g, v),
        }
    }

    pub(super) fn dyn_get(&mut self, g: &GlobalRef, d: &DynRef) -> JsResult<Value> {
        let t = self.dyn_resolve(g, d)?;
        self.dyn_read(&t, g)
    }

    fn dyn_of(g: &GlobalRef) -> &DynRef {
        g.dynamic
            .as_deref()
            .expect("called for dynamic references only")
    }

    /// `x = v`: the reference is resolved before `v` is evaluated.
    pub(super) fn dyn_assign(&mut self, g: &GlobalRef, value: &Expr) -> JsResult<Value> {
        let t = self.dyn_resolve(g, Self::dyn_of(g))?;
        let v = self.expr(value)?;
        self.dyn_put(t, g, v.clone())?;
        Ok(v)
    }

    pub(super) fn dyn_update(
        &mut self,
        g: &GlobalRef,
        op: UpdateOp,
        prefix: bool,
    ) -> JsResult<Value> {
        let t = self.dyn_resolve(g, Self::dyn_of(g))?;
        let old = self.dyn_read(&t, g)?;
        let (new, old) = ops::update(self, op, &old)?;
        self.dyn_put(t, g, new.clone())?;
        Ok(if prefix { new } else { old })
    }

    pub(super) fn dyn_compound(
        &mut self,
        op: BinaryOp,
        g: &GlobalRef,
        value: &Expr,
    ) -> JsResult<Value> {
        let t = self.dyn_resolve(g, Self::dyn_of(g))?;
        let old = self.dyn_read(&t, g)?;
        let r = self.expr(value)?;
        let v = ops::binary(self, op, old, r)?;
        self.dyn_put(t, g, v.clone())?;
        Ok(v)
    }

    /// `typeof x`: an unresolvable name gives "undefined".
    pub(super) fn dyn_typeof(&mut self, g: &GlobalRef) -> JsResult<Value> {
        let t = self.dyn_resolve(g, Self::dyn_of(g))?;
        let v = match t {
            DynTarget::Global => {
                let key = PropertyKey::String(g.name);
                match self.global_lex_get(&key) {
                    Some(Ok((v, _))) => v,
                    Some(Err(())) => return Err(self.tdz_error(g.name)),
                    None => {
                        let global = Value::Object(self.global.clone());
                        props::lookup(self, &global, &key)?.unwrap_or_default()
                    }
                }
            }
            t => self.dyn_read(&t, g)?,
        };
        Ok(Value::String(v.type_of().to_js_string()))
    }

    /// `delete x` (sloppy code).
    pub(super) fn dyn_delete(&mut self, g: &GlobalRef) -> JsResult<Value> {
        let key = PropertyKey::String(g.name);
        Ok(Value::Bool(match self.dyn_resolve(g, Self::dyn_of(g))? {
            DynTarget::With(o) => props::delete_value(self, &Value::Object(o), &key)?,
            DynTarget::Vars(o) => props::delete(self, &o, &key)?,
            DynTarget::Place(_) => false,
            DynTarget::Global => {
                let global = self.global.clone();
                self.global_lex_get(&key).is_none() && props::delete(self, &global, &key)?
            }
        }))
    }

    /// `f(…)` with `f` by name: a `with` object is the call's `this`.
    pub(super) fn dyn_callee(&mut self, g: &GlobalRef) -> JsResult<(Value, Value)> {
        let t = self.dyn_resolve(g, Self::dyn_of(g))?;
        let f = self.dyn_read(&t, g)?;
        let this = match t {
            DynTarget::With(o) => Value::Object(o),
            _ => Value::Undefined,
        };
        Ok((f, this))
    }

    /// `with (object) body`: an object environment record for the body.
    #[inline(never)]
    pub(super) fn with_stmt(
        &mut self,
        object: &Expr,
        shape: &EnvShape,
        body: &Stmt,
    ) -> JsResult<Flow> {
        let v = self.expr(object)?;
        let o = ops::to_object(self, &v)?;
        let env = Env::new(shape, self.env.clone(), &self.uninit);
        env.set(0, Value::Object(o));
        let saved = self.env.replace(env);
        let r = self.stmt(body);
        self.env = saved;
        r
    }

    /// A call `eval(…)`: a direct eval when the callee is %eval%, else an ordinary call.
    #[inline(never)]
    pub(super) fn direct_eval(&mut self, d: &DirectEval) -> JsResult<Value> {
        let (f, this) = match &d.callee {
            Expr::Global(g) if g.dynamic.is_some() => self.dyn_callee(g)?,
            e => (self.expr(e)?, Value::Undefined),
        };
        let base = self.stack.len();
        if let Err(t) = self.push_args(&d.args) {
            self.stack.truncate(base);
            return Err(t);
        }
        let args: Vec<Value> = self.stack.drain(base..).collect();
        let is_eval = matches!(&f, Value::Object(o) if JsObject::ptr_eq(o, &self.intrinsics.eval));
        if !is_eval {
            if !function::is_callable(&f) {
                return Err(self.throw_type_error("eval is not a function"));
            }
            self.call_pos = d.span.start;
            return self.call(&f, this, &args);
        }
        match args.into_iter().next() {
            Some(Value::String(s)) => self.perform_eval(&s, &d.context, true),
            Some(v) => Ok(v),
            None => Ok(Value::Undefined),
        }
    }

    /// PerformEval(x, strictCaller, direct) for a string `x`: parse with the context's early
    /// errors, lower inside the context's scopes, instantiate the declarations, run.
    pub fn perform_eval(
        &mut self,
        source: &JsString,
        ctx: &EvalContext,
        direct: bool,
    ) -> JsResult<Value> {
        // Each nested direct eval analyses the whole scope chain around it, which grows by one
        // per level: bound the nesting (a self-evaluating string recurses forever otherwise).
        if ctx.scopes.len() > MAX_EVAL_NESTING {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        let text = source.to_std_string_lossy();
        let program = match crate::parse(&text, &ctx.parse_options()) {
            Ok(p) => p,
            Err(errors) => {
                let (msg, range) =
                    errors
                        .first()
                        .map_or(("Invalid eval source".into(), false), |e| {
                            (
                                e.message.clone(),
                                e.kind == crate::error::SyntaxErrorKind::RangeError,
                            )
                        });
                let p = if range {
                    self.intrinsics.range_error_proto.clone()
                } else {
                    self.intrinsics.syntax_error_proto.clone()
                };
                return Err(self.throw_error(p, &msg));
            }
        };
        let script = match lower_eval(&program, ctx) {
            Ok(s) => s,
            Err(e) => {
                let p = self.intrinsics.syntax_error_proto.clone();
                return Err(self.throw_error(p, &e.message));
            }
        };
        self.run_eval(&script, direct)
    }

    fn run_eval(&mut self, script: &EvalScript, direct: bool) -> JsResult<Value> {
        if self.depth >= MAX_CALL_DEPTH {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        let code = &script.code;
        let base = self.stack.len();
        self.stack
            .resize(base + code.registers as usize, Value::Undefined);
        let saved_base = std::mem::replace(&mut self.base, base);
        let saved_strict = std::mem::replace(&mut self.strict, code.strict);
        let saved_env = self.env.clone();
        let saved_this = self.this.clone();
        let saved_home = self.home.clone();
        let saved_func = self.func.clone();
        if !direct {
            self.env = None;
            self.this = Value::Object(self.global.clone());
            self.home = None;
            self.func = None;
        }
        self.depth += 1;
        let r = self.run_eval_body(script);
        self.depth -= 1;
        let completion = std::mem::take(&mut self.stack[base + script.completion as usize]);
        self.stack.truncate(base);
        self.base = saved_base;
        self.strict = saved_strict;
        self.env = saved_env;
        self.this = saved_this;
        self.home = saved_home;
        self.func = saved_func;
        r.map(|_| completion)
    }

    fn run_eval_body(&mut self, script: &EvalScript) -> JsResult<Flow> {
        let body = &script.code.body;
        self.enter_env(&body.env);
        for &r in body.tdz_regs.iter() {
            self.stack[self.base + r as usize] = self.uninit.clone();
        }
        self.eval_declarations(script)?;
        self.block_inner(body)
    }

    /// EvalDeclarationInstantiation for sloppy eval code's `var`s and functions (strict eval
    /// code declares them in its own scope, like a function body).
    fn eval_declarations(&mut self, script: &EvalScript) -> JsResult<()> {
        match script.vars {
            EvalVars::Local => Ok(()),
            EvalVars::Global => {
                let names = script
                    .functions
                    .iter()
                    .map(|(n, _)| *n)
                    .chain(script.var_names.iter().copied());
                for name in names {
                    if self.global_lex_get(&PropertyKey::String(name)).is_some() {
                        let msg = format!(
                            "Identifier '{}' has already been declared",
                            name.to_js_string()
                        );
                        let p = self.intrinsics.syntax_error_proto.clone();
                        return Err(self.throw_error(p, &msg));
                    }
                }
                let extensible = self.global.borrow().is_extensible();
                for (name, _) in script.functions.iter() {
                    // CanDeclareGlobalFunction.
                    let ok = match self
                        .global
                        .borrow()
                        .get_own_property(&PropertyKey::String(*name))
                    {
                        None => extensible,
                        Some(p) => {
                            p.attrs.configurable()
                                || (matches!(p.slot, crate::value::property::Slot::Data(_))
                                    && p.attrs.writable()
                                    && p.attrs.enumerable())
                        }
                    };
                    if !ok {
                        let msg = format!("Cannot redefine property: {}", name.to_js_string());
                        return Err(self.throw_type_error(&msg));
                    }
                }
                for name in script.var_names.iter() {
                    let key = PropertyKey::String(*name);
                    if self.global.borrow().get_own_property(&key).is_none() && !extensible {
                        let msg = format!(
                            "Cannot define property {}, object is not extensible",
                            name.to_js_string()
                        );
                        return Err(self.throw_type_error(&msg));
                    }
                }
                for (name, code) in script.functions.iter() {
                    // CreateGlobalFunctionBinding(name, f, deletable = true).
                    let f = self.make_closure(code);
                    let key = PropertyKey::String(*name);
                    let configurable = self
                        .global
                        .borrow()
                        .get_own_property(&key)
                        .is_none_or(|p| p.attrs.configurable());
                    let desc = if configurable {
                        props::PropertyDescriptor::data(f, true, true, true)
                    } else {
                        props::PropertyDescriptor {
                            value: Some(f),
                            ..Default::default()
                        }
                    };
                    let global = self.global.clone();
                    props::define_property_or_throw(self, &global, key, &desc)?;
                }
                for name in script.var_names.iter() {
                    // CreateGlobalVarBinding(name, deletable = true).
                    let key = PropertyKey::String(*name);
                    if self.global.borrow().get_own_property(&key).is_none() {
                        self.global
                            .borrow_mut()
                            .properties
                            .insert(key, Property::data(Value::Undefined, wec()));
                    }
                }
                Ok(())
            }
            EvalVars::Map(place) => {
                let map = match self.read_place(place, None)? {
                    Value::Object(o) => o,
                    _ => {
                        let o = JsObject::ordinary(None);
                        self.write_place(place, Value::Object(o.clone()));
                        o
                    }
                };
                for (name, code) in script.functions.iter() {
                    let f = self.make_closure(code);
                    map.borrow_mut()
                        .properties
                        .insert(PropertyKey::String(*name), Property::data(f, wec()));
                }
                for name in script.var_names.iter() {
                    let key = PropertyKey::String(*name);
                    if map.borrow().get_own_property(&key).is_none() {
                        map.borrow_mut()
                            .properties
                            .insert(key, Property::data(Value::Undefined, wec()));
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
#[path = "dynamic_scope_tests.rs"]
mod tests;
