//! Dynamic scoping in the tree builder: direct `eval` call sites, eval code itself
//! (`lower_eval`), `with` statements, and the by-name references both need.
//!
//! Design (ARCHITECTURE.md, "Dynamic scopes"): scope analysis marks every binding visible at a
//! direct eval as captured, so all of them live in heap records whose layout is a pure function
//! of the scope tree. A direct eval call site records that chain (`EvalContext`: each scope's
//! kind and binding names, in slot order); at run time the eval code is analysed *inside* that
//! chain (`scope::analyse_eval`) and lowered like a nested arrow function, so its references to
//! the caller's bindings are ordinary `Env { hops, slot }` places, resolved once.
//!
//! What cannot be resolved statically goes by name: a reference that passes a `with` scope, or
//! a sloppy function whose direct eval may have declared `var`s (kept in a hidden by-name
//! object, `scope::EVAL_VARS`), becomes a `GlobalRef` with a `DynRef`: the objects to ask first,
//! innermost first, then the static binding (or the global). Code without `with`/direct eval
//! never sees any of this (`any_dynamic` is false and `resolve` returns at once).
//!
//! Eval code's completion value is computed by a post-pass over its top-level statements (never
//! entering functions): expression statements write a completion register, and statements
//! whose completion is `UpdateEmpty(…, undefined)` (if, loops, switch, try, with) reset it first.
//!
//! Not here: running any of it (`interp::dynamic_scope`).

use super::*;
use crate::lower::scope::{FnRole, OuterScope, EVAL_VARS, WITH_OBJECT};
use crate::parser::{EvalParse, ParseOptions};
use crate::value::Symbol;

/// What eval code needs from the code around a direct eval call.
#[derive(Debug)]
pub struct EvalContext {
    /// The scope chain at the call, outermost (the script scope) first.
    pub scopes: Box<[OuterScope]>,
    /// Private names of the enclosing class bodies (innermost last).
    pub privates: Box<[(Box<str>, Symbol)]>,
    /// A direct eval in a parameter list: the names its `var`s may not declare (the
    /// parameters, and `arguments` of a non-arrow function).
    pub param_names: Box<[Box<str>]>,
}

impl EvalContext {
    /// The context of an indirect eval: the global scope only.
    pub fn global() -> EvalContext {
        EvalContext {
            scopes: Box::new([OuterScope {
                kind: ScopeKind::Script,
                strict: false,
                eval_vars: false,
                role: FnRole::Plain,
                body: false,
                bindings: Box::new([]),
            }]),
            privates: Box::new([]),
            param_names: Box::new([]),
        }
    }

    /// The caller is strict code: the eval code is strict too.
    pub fn strict(&self) -> bool {
        self.scopes.last().is_some_and(|s| s.strict)
    }

    /// Parse options for eval code here (PerformEval steps 5–6: what `new.target`, `super`
    /// and `arguments` may appear, from the nearest non-arrow function).
    pub fn parse_options(&self) -> ParseOptions {
        let mut flags = EvalParse::default();
        if let Some(f) = self.scopes.iter().rev().find(|s| {
            matches!(
                s.kind,
                ScopeKind::Function { is_arrow: false } | ScopeKind::Script
            )
        }) {
            if f.kind != ScopeKind::Script {
                flags.new_target = true;
                match f.role {
                    FnRole::Plain => {}
                    FnRole::Method => flags.super_prop = true,
                    FnRole::DerivedCtor => {
                        flags.super_prop = true;
                        flags.super_call = true;
                    }
                    FnRole::Initializer => {
                        flags.super_prop = true;
                        flags.no_arguments = true;
                    }
                }
            }
        }
        flags.privates = self.privates.iter().map(|(n, _)| n.to_string()).collect();
        ParseOptions {
            strict: self.strict(),
            eval: Some(flags),
        }
    }
}

/// Where sloppy eval code's `var` and function declarations go.
#[derive(Debug, Clone, Copy)]
pub enum EvalVars {
    /// Strict eval code: its own variable environment (declared in the eval scope).
    Local,
    /// The caller's variable environment is the global one: global object properties.
    Global,
    /// A function's: its by-name `EVAL_VARS` object, at this place (seen from inside the
    /// eval code's own record).
    Map(Place),
}

/// Lowered eval code.
#[derive(Debug)]
pub struct EvalScript {
    /// The eval code as a function-like body (`body.env` is the eval scope's record).
    pub code: Rc<Code>,
    /// The register holding the completion value.
    pub completion: u32,
    pub vars: EvalVars,
    /// Sloppy: `var` names to create (undefined) if missing, functions excluded.
    pub var_names: Box<[Atom]>,
    /// Sloppy: top-level function declarations to bind in the variable environment.
    pub functions: Box<[(Atom, Rc<Code>)]>,
}

/// Some scope needs by-name lookups (`with`, or an eval `var` map).
pub(super) fn any_dynamic(tree: &ScopeTree) -> bool {
    tree.scopes
        .iter()
        .any(|s| s.kind == ScopeKind::With || s.eval_vars)
}

fn redeclared(name: &str, span: Span) -> LowerError {
    LowerError {
        message: format!("Identifier '{name}' has already been declared"),
        span,
    }
}

/// Lower eval code parsed from `program` in `ctx` (EvalDeclarationInstantiation's static half:
/// the var/lexical conflicts visible in the caller's scopes are reported here, as errors whose
/// message the caller throws as a SyntaxError).
pub fn lower_eval(program: &ast::Program, ctx: &EvalContext) -> R<EvalScript> {
    let scopes = scope::analyse_eval(program, &ctx.scopes);
    let n = ctx.scopes.len() as ScopeId;
    let root = n;
    let mut b = Builder {
        layout: Layout::new(&scopes),
        scopes: &scopes,
        stack: (0..n).collect(),
        labels: Vec::new(),
        next_label: 0,
        pending_labels: Vec::new(),
        source: program.source.clone(),
        private_names: vec![ctx.privates.to_vec()],
        fn_super: Vec::new(),
        derived_scopes: (0..n)
            .filter(|&s| scopes.scopes[s as usize].role == FnRole::DerivedCtor)
            .collect(),
        next_ctor: None,
        lex_init: false,
        class_pre: None,
        any_dynamic: any_dynamic(&scopes),
    };
    b.stack.push(root);
    let strict = scopes.scopes[root as usize].strict;
    let mut var_names = Vec::new();
    let mut functions = Vec::new();
    let vars = if strict {
        EvalVars::Local
    } else {
        let var_scope = scopes.var_scope(n - 1);
        let mut names = Vec::new();
        collect_script_vars(&program.body, &mut names);
        // Names bound by `let`/`const`/`class`/block functions between the eval and its
        // variable environment clash with the eval's `var`s (catch parameters do not: Annex B).
        for name in &names {
            let text = name.to_js_string().to_std_string_lossy();
            let mut s = n - 1;
            while s != var_scope {
                let sc = &scopes.scopes[s as usize];
                if sc.kind != ScopeKind::Catch
                    && sc
                        .bindings
                        .iter()
                        .any(|&x| *scopes.binding(x).name == *text)
                {
                    return Err(redeclared(&text, program.span));
                }
                s = sc.parent.expect("the var scope encloses");
            }
            // A function body's own `let`/`const`/`class` live in the var scope's record here
            // (a separate lexical environment in the spec): they clash too.
            if scopes.scopes[var_scope as usize].bindings.iter().any(|&x| {
                let b = scopes.binding(x);
                *b.name == *text && b.kind.is_lexical()
            }) {
                return Err(redeclared(&text, program.span));
            }
        }
        for name in &names {
            let text = name.to_js_string().to_std_string_lossy();
            if ctx.param_names.iter().any(|p| **p == *text) {
                return Err(redeclared(&text, program.span));
            }
        }
        let fn_names = top_level_function_names(&program.body);
        let static_names: Vec<&str> = scopes.scopes[var_scope as usize]
            .bindings
            .iter()
            .map(|&x| &*scopes.binding(x).name)
            .collect();
        for name in names {
            let text = name.to_js_string().to_std_string_lossy();
            if !fn_names.contains(&name)
                && !var_names.contains(&name)
                && !static_names.contains(&text.as_str())
            {
                var_names.push(name);
            }
        }
        if scopes.scopes[var_scope as usize].kind == ScopeKind::Script {
            EvalVars::Global
        } else {
            let map = scopes.scopes[var_scope as usize]
                .bindings
                .iter()
                .copied()
                .find(|&x| &*scopes.binding(x).name == EVAL_VARS)
                .and_then(|x| b.place_of(x));
            match map {
                Some(p) => EvalVars::Map(p),
                None => return unsupported("eval code here", program.span),
            }
        }
    };
    let mut body = b.block_body(&program.body, Some(root))?;
    if !strict {
        // Functions not bound statically in the caller: bound by name at instantiation.
        functions = std::mem::take(&mut body.global_functions).into_vec();
    }
    let completion = b.layout.registers[root as usize];
    body.body = std::mem::take(&mut body.body)
        .into_vec()
        .into_iter()
        .map(|s| with_completion(s, completion))
        .collect();
    let code = Code {
        name: Atom::intern_str("eval"),
        length: 0,
        fn_props: Default::default(),
        this_mode: ThisMode::Lexical,
        strict,
        is_constructor: false,
        registers: completion + 1,
        params: Box::new([]),
        param_init: None,
        // The eval scope's TDZ registers are reset by its body block.
        tdz_regs: Box::new([]),
        params_in_place: true,
        env: None,
        name_env: None,
        class_ctor: None,
        default_derived: false,
        lean: false,
        lean_ctor: false,
        ctor_props: std::cell::Cell::new(0),
        uses_super: false,
        new_target_place: None,
        this_place: None,
        outer_this: None,
        arguments_place: None,
        body,
        expr_body: None,
        machine: None,
        span: program.span,
        source: program.source.clone(),
    };
    Ok(EvalScript {
        code: Rc::new(code),
        completion,
        vars,
        var_names: var_names.into_boxed_slice(),
        functions: functions.into_boxed_slice(),
    })
}

fn top_level_function_names(stmts: &[ast::Stmt]) -> Vec<Atom> {
    let mut out = Vec::new();
    for s in stmts {
        let mut s = s;
        while let StmtKind::Labeled { body, .. } = &s.kind {
            s = body;
        }
        if let StmtKind::Function(f) = &s.kind {
            if let Some(id) = &f.id {
                out.push(Atom::intern_str(&id.name));
            }
        }
    }
    out
}

fn undefined_to(reg: u32) -> Stmt {
    Stmt::Init {
        place: Place::Reg(reg),
        value: Expr::Const(Value::Undefined),
    }
}

fn prefixed(reg: u32, s: Stmt) -> Stmt {
    Stmt::Block(Block {
        body: Box::new([undefined_to(reg), s]),
        ..Block::empty()
    })
}

fn block_completion(mut b: Block, reg: u32) -> Block {
    b.body = std::mem::take(&mut b.body)
        .into_vec()
        .into_iter()
        .map(|s| with_completion(s, reg))
        .collect();
    b
}

/// Rewrite a statement of eval code so its completion value lands in register `reg`.
fn with_completion(s: Stmt, reg: u32) -> Stmt {
    match s {
        Stmt::Expr(e) => Stmt::Init {
            place: Place::Reg(reg),
            value: e,
        },
        Stmt::Block(b) => Stmt::Block(block_completion(b, reg)),
        Stmt::Labeled { label, body } => Stmt::Labeled {
            label,
            body: Box::new(with_completion(*body, reg)),
        },
        Stmt::If { test, cons, alt } => prefixed(
            reg,
            Stmt::If {
                test,
                cons: Box::new(with_completion(*cons, reg)),
                alt: alt.map(|a| Box::new(with_completion(*a, reg))),
            },
        ),
        Stmt::Loop(mut l) => {
            l.body = with_completion(std::mem::replace(&mut l.body, Stmt::Empty), reg);
            prefixed(reg, Stmt::Loop(l))
        }
        Stmt::ForIn(mut l) => {
            l.body = with_completion(std::mem::replace(&mut l.body, Stmt::Empty), reg);
            prefixed(reg, Stmt::ForIn(l))
        }
        Stmt::ForOf(mut l) => {
            l.body = with_completion(std::mem::replace(&mut l.body, Stmt::Empty), reg);
            prefixed(reg, Stmt::ForOf(l))
        }
        Stmt::Switch(mut sw) => {
            sw.cases = std::mem::take(&mut sw.cases)
                .into_vec()
                .into_iter()
                .map(|(t, body)| {
                    let body = body
                        .into_vec()
                        .into_iter()
                        .map(|s| with_completion(s, reg))
                        .collect();
                    (t, body)
                })
                .collect();
            prefixed(reg, Stmt::Switch(sw))
        }
        Stmt::Try(mut t) => {
            // A normally completing `finally` does not change the completion value.
            t.block = block_completion(std::mem::replace(&mut t.block, Block::empty()), reg);
            if let Some((env, param, body)) = t.handler.take() {
                t.handler = Some((env, param, block_completion(body, reg)));
            }
            prefixed(reg, Stmt::Try(t))
        }
        Stmt::With { object, env, body } => prefixed(
            reg,
            Stmt::With {
                object,
                env,
                body: Box::new(with_completion(*body, reg)),
            },
        ),
        other => other,
    }
}

impl Builder<'_> {
    /// A reference from the current scope: if it passes a `with` scope or a function whose
    /// eval `var`s may shadow it, it becomes a by-name reference (`DynRef`).
    pub(super) fn dynamic_ref(&self, id: &ast::Ident, r: Resolved) -> Resolved {
        let stop = match self.scopes.resolution(id) {
            Resolution::Binding(b) => Some(self.scopes.binding(b).scope),
            Resolution::Global => None,
        };
        let mut checks = Vec::new();
        for &s in self.stack.iter().rev() {
            if Some(s) == stop {
                break;
            }
            let sc = &self.scopes.scopes[s as usize];
            let (hidden, with) = match sc.kind {
                ScopeKind::With => (WITH_OBJECT, true),
                _ if sc.eval_vars => (EVAL_VARS, false),
                _ => continue,
            };
            let place = sc
                .bindings
                .iter()
                .copied()
                .find(|&b| &*self.scopes.binding(b).name == hidden)
                .and_then(|b| self.place_of(b));
            if let Some(place) = place {
                checks.push(DynCheck { place, with });
            }
        }
        if checks.is_empty() {
            return r;
        }
        let (name, fallback) = match r {
            Resolved::Local { place, tdz, kind } => {
                let check = match kind {
                    BindingKind::Const => Some(ConstCheck::Throw),
                    BindingKind::FunctionName => Some(if self.is_strict() {
                        ConstCheck::Throw
                    } else {
                        ConstCheck::Ignore
                    }),
                    _ => None,
                };
                (
                    Atom::intern_str(&id.name),
                    Some(DynFallback { place, tdz, check }),
                )
            }
            Resolved::Global(name) => (name, None),
            Resolved::Dynamic(g) => return Resolved::Dynamic(g),
        };
        Resolved::Dynamic(Box::new(GlobalRef {
            name,
            slot: std::cell::Cell::new(u32::MAX),
            epoch: std::cell::Cell::new(0),
            pos: id.span.start,
            dynamic: Some(Box::new(DynRef {
                checks: checks.into_boxed_slice(),
                fallback,
            })),
        }))
    }

    /// `eval(…)`: the callee, the arguments, and the scope chain for eval code.
    pub(super) fn direct_eval(
        &mut self,
        callee: &ast::Expr,
        args: &[ast::ExprOrSpread],
        span: Span,
    ) -> R<Expr> {
        let callee = self.expr(callee)?;
        let args = self.args(args)?;
        // Eval code may use `super`: the enclosing method keeps its home object at run time.
        self.mark_super();
        let mut scopes = Vec::with_capacity(self.stack.len());
        for &s in &self.stack {
            let sc = &self.scopes.scopes[s as usize];
            let mut bindings = Vec::with_capacity(sc.bindings.len());
            for (i, &b) in sc.bindings.iter().enumerate() {
                let binding = self.scopes.binding(b);
                // Every binding visible here was marked captured: slot i of the record.
                match self.layout.binding_home[b as usize] {
                    Home::Slot(slot) if slot as usize == i => {}
                    _ => return unsupported("direct eval in this scope", span),
                }
                bindings.push((binding.name.clone(), binding.kind));
            }
            let role = if self.derived_scopes.contains(&s) {
                FnRole::DerivedCtor
            } else {
                sc.role
            };
            scopes.push(OuterScope {
                kind: sc.kind,
                strict: sc.strict,
                eval_vars: sc.eval_vars,
                role,
                body: sc.body,
                bindings: bindings.into_boxed_slice(),
            });
        }
        let privates = self.private_names.iter().flatten().cloned().collect();
        let mut param_names = Vec::new();
        if self.scopes.eval_in_params.contains(&span.start) {
            let f = self.scopes.scopes[self.current() as usize].function;
            for &b in &self.scopes.scopes[f as usize].bindings {
                let binding = self.scopes.binding(b);
                if matches!(binding.kind, BindingKind::Param | BindingKind::Arguments) {
                    param_names.push(binding.name.clone());
                }
            }
            if !param_names.iter().any(|n| &**n == "arguments")
                && matches!(
                    self.scopes.scopes[f as usize].kind,
                    ScopeKind::Function { is_arrow: false }
                )
            {
                param_names.push("arguments".into());
            }
        }
        Ok(Expr::DirectEval(Box::new(DirectEval {
            callee,
            args,
            context: Rc::new(EvalContext {
                scopes: scopes.into_boxed_slice(),
                privates,
                param_names: param_names.into_boxed_slice(),
            }),
            span,
        })))
    }

    /// `with (object) body`.
    pub(super) fn with_stmt(
        &mut self,
        object: &ast::Expr,
        body: &ast::Stmt,
        span: Span,
    ) -> R<Stmt> {
        let object = self.expr(object)?;
        let scope = self.scope_for(span, Role::With);
        self.stack.push(scope);
        let body = self.substatement(body);
        self.stack.pop();
        let Some(env) = self.env_shape(scope) else {
            return unsupported("with", span);
        };
        Ok(Stmt::With {
            object,
            env,
            body: Box::new(body?),
        })
    }
}
