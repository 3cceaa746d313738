//! Lowering of classes: the class scope (inner name binding), heritage, the constructor
//! (explicit, or synthesized for `class A {}` / `class B extends A {}`), methods and accessors
//! (static or not, computed or private keys), fields with their initialisers as method-like
//! functions, static blocks, private names, `super.x`, `super(...)` and `new.target`.
//!
//! Private names are symbols made once per class *definition site* here (not per evaluation):
//! a class expression evaluated several times shares its private names across those
//! evaluations, so brand checks between such sibling classes are weaker than the spec's.
//!
//! Not here: ClassDefinitionEvaluation itself (`interp::class`).

use super::{unsupported, Builder, Resolved, R};
use crate::lower::scope::{BindingKind, Role, ScopeKind};
use crate::lower::tree::*;
use crate::parser::ast::{self, ClassMemberKind, PropKey};
use crate::span::Span;
use crate::value::{Atom, JsString, Symbol, Value};
use std::rc::Rc;

impl Builder<'_> {
    /// `class … {}` as an expression; `name` is the NamedEvaluation name for anonymous ones.
    pub(super) fn class(&mut self, c: &ast::Class, name: Option<&str>) -> R<ClassDef> {
        let pre = self.class_pre.take();
        let scope = self.scope_for(c.span, Role::Class);
        let mut names: Vec<(Box<str>, Symbol)> = Vec::new();
        for m in &c.members {
            let key = match &m.kind {
                ClassMemberKind::Method { key, .. } | ClassMemberKind::Field { key, .. } => key,
                _ => continue,
            };
            if let PropKey::Private(id) = key {
                if !names.iter().any(|(n, _)| **n == *id.name) {
                    let desc = JsString::from(format!("#{}", id.name).as_str());
                    names.push((id.name.clone(), Symbol::new_private(desc)));
                }
            }
        }
        self.private_names.push(names);
        self.stack.push(scope);
        let r = self.class_inner(c, scope, name, pre);
        self.stack.pop();
        self.private_names.pop();
        r
    }

    fn class_inner(
        &mut self,
        c: &ast::Class,
        scope: crate::lower::scope::ScopeId,
        name: Option<&str>,
        pre: Option<ClassPre>,
    ) -> R<ClassDef> {
        let mut pre = pre.unwrap_or_default();
        let class_name = c.id.as_ref().map(|i| &*i.name).or(name).unwrap_or("");
        let binding = c.id.as_ref().and_then(|id| {
            let b = self.scopes.scopes[scope as usize]
                .bindings
                .iter()
                .copied()
                .find(|&b| *self.scopes.binding(b).name == *id.name)?;
            self.place_of(b)
        });
        let heritage = match pre.heritage.take() {
            Some(h) => Some(h),
            None => c.super_class.as_ref().map(|h| self.expr(h)).transpose()?,
        };
        let derived = heritage.is_some();
        let explicit = c.members.iter().find_map(|m| match &m.kind {
            ClassMemberKind::Constructor(f) => Some(f),
            _ => None,
        });
        let constructor = match explicit {
            Some(f) => {
                self.next_ctor = Some(derived);
                let code = self.function(f)?;
                let mut code = Rc::try_unwrap(code).expect("fresh code is unshared");
                code.name = Atom::intern_str(class_name);
                code.is_constructor = true;
                Rc::new(code)
            }
            None => Rc::new(synthesized_constructor(
                class_name,
                derived,
                c.span,
                self.source.clone(),
            )),
        };
        let mut elements = Vec::new();
        for (i, m) in c.members.iter().enumerate() {
            let pre_key = pre
                .keys
                .get_mut(i)
                .and_then(Option::take)
                .map(Key::Computed);
            match &m.kind {
                ClassMemberKind::Constructor(_) | ClassMemberKind::Empty => {}
                ClassMemberKind::Method {
                    key,
                    kind,
                    is_static,
                    func,
                } => {
                    let k = match pre_key {
                        Some(k) => k,
                        None => self.prop_key(key)?,
                    };
                    let code = self.function(func)?;
                    let mut code = Rc::try_unwrap(code).expect("fresh code is unshared");
                    code.is_constructor = false;
                    // A method named by an identifier has that name statically (the class
                    // body's SetFunctionName gives the same): its frames need no function
                    // object, so method calls can take it apart (`props::MethodHit::Lean`).
                    if let (ast::PropKey::Ident(id), ast::MethodKind::Method) = (key, kind) {
                        code.name = Atom::intern_str(&id.name);
                    }
                    elements.push(ClassElement::Method {
                        key: k,
                        func: Rc::new(code),
                        kind: *kind,
                        is_static: *is_static,
                    });
                }
                ClassMemberKind::Field {
                    key,
                    value,
                    is_static,
                } => {
                    let k = match pre_key {
                        Some(k) => k,
                        None => self.prop_key(key)?,
                    };
                    let field_name = match key {
                        PropKey::Ident(id) => Some(id.name.to_string()),
                        PropKey::Private(id) => Some(format!("#{}", id.name)),
                        PropKey::Str(s, _) => Some(JsString::from_utf16(s).to_string()),
                        _ => None,
                    };
                    let init = match value {
                        Some(v) => Some(self.initializer(m.span, |b| {
                            let e = match &field_name {
                                Some(n) => b.named_expr(v, n)?,
                                None => b.expr(v)?,
                            };
                            Ok((None, Some(e)))
                        })?),
                        None => None,
                    };
                    elements.push(ClassElement::Field {
                        key: k,
                        init,
                        is_static: *is_static,
                    });
                }
                ClassMemberKind::StaticBlock(body) => {
                    let code =
                        self.initializer(m.span, |b| Ok((Some(b.block_body(body, None)?), None)))?;
                    elements.push(ClassElement::StaticBlock(code));
                }
            }
        }
        Ok(ClassDef {
            name: Atom::intern_str(class_name),
            env: self.env_shape(scope),
            tdz_regs: self.tdz_regs(scope),
            binding,
            heritage,
            constructor,
            elements: elements.into_boxed_slice(),
        })
    }

    /// A field initialiser or static block: a method-like function with its own `this`.
    fn initializer(
        &mut self,
        span: Span,
        body: impl FnOnce(&mut Self) -> R<(Option<Block>, Option<Expr>)>,
    ) -> R<Rc<Code>> {
        let scope = self.scope_for(span, Role::Initializer);
        let saved_labels = std::mem::take(&mut self.labels);
        self.stack.push(scope);
        self.fn_super.push((false, false));
        let r = body(self);
        let (_, uses_super) = self.fn_super.pop().expect("pushed");
        let this_place = self.implicit_place(scope, BindingKind::This);
        let new_target_place = self.implicit_place(scope, BindingKind::NewTarget);
        self.stack.pop();
        self.labels = saved_labels;
        let (block, expr_body) = r?;
        Ok(Rc::new(Code {
            name: Atom::intern_str(""),
            length: 0,
            fn_props: Default::default(),
            this_mode: ThisMode::Strict,
            strict: true,
            source: self.source.clone(),
            is_constructor: false,
            registers: self.layout.registers[scope as usize],
            params: Box::new([]),
            param_init: None,
            tdz_regs: Box::new([]),
            params_in_place: true,
            env: self.env_shape(scope),
            name_env: None,
            class_ctor: None,
            default_derived: false,
            lean: false,
            lean_ctor: false,
            uses_super,
            new_target_place,
            this_place,
            arguments_place: None,
            body: block.unwrap_or_else(empty_block),
            expr_body,
            machine: None,
            span,
        }))
    }

    /// The place of a function scope's implicit `this`/`new.target` binding, if used.
    pub(super) fn implicit_place(
        &self,
        scope: crate::lower::scope::ScopeId,
        kind: BindingKind,
    ) -> Option<Place> {
        let b = self.scopes.scopes[scope as usize]
            .bindings
            .iter()
            .copied()
            .find(|&b| self.scopes.binding(b).kind == kind)
            .filter(|&b| self.scopes.binding(b).used)?;
        self.place_of(b)
    }

    /// The private name `#name` in scope (innermost class first).
    pub(super) fn private_name(&self, id: &ast::Ident) -> R<Symbol> {
        for names in self.private_names.iter().rev() {
            if let Some((_, s)) = names.iter().find(|(n, _)| **n == *id.name) {
                return Ok(s.clone());
            }
        }
        unsupported("an undeclared private name", id.span)
    }

    /// Record that `super` is used here: the current function and every arrow up to the
    /// nearest non-arrow function need their home object / active function.
    pub(super) fn mark_super(&mut self) {
        for entry in self.fn_super.iter_mut().rev() {
            entry.1 = true;
            if !entry.0 {
                break;
            }
        }
    }

    /// The nearest non-arrow function scope.
    pub(super) fn this_function_scope(&self) -> Option<crate::lower::scope::ScopeId> {
        self.stack.iter().rev().copied().find(|&s| {
            matches!(
                self.scopes.scopes[s as usize].kind,
                ScopeKind::Function { is_arrow: false } | ScopeKind::Script
            )
        })
    }

    /// `this` as an expression (with the derived-constructor TDZ check where needed).
    pub(super) fn this_expr(&self) -> Expr {
        match self.this_place() {
            Some(place) => {
                let derived = self
                    .this_function_scope()
                    .is_some_and(|s| self.derived_scopes.contains(&s));
                Expr::Get {
                    place,
                    tdz: derived.then(|| Atom::intern_str("this")),
                }
            }
            None => Expr::This,
        }
    }

    pub(super) fn super_member(&mut self, prop: &ast::MemberProp, span: Span) -> R<Expr> {
        self.mark_super();
        Ok(Expr::SuperMember {
            this: Box::new(self.this_expr()),
            key: Box::new(self.key(prop, span)?),
        })
    }

    pub(super) fn super_call(&mut self, args: &[ast::ExprOrSpread], span: Span) -> R<Expr> {
        self.mark_super();
        let Some(this_place) = self.this_place() else {
            return unsupported("super() here", span);
        };
        let new_target = self.new_target_expr();
        Ok(Expr::SuperCall {
            args: self.args(args)?,
            this_place,
            new_target: Box::new(new_target),
            span,
        })
    }

    pub(super) fn new_target_expr(&self) -> Expr {
        let Some(f) = self.this_function_scope() else {
            return Expr::Const(Value::Undefined);
        };
        let b = self.scopes.scopes[f as usize]
            .bindings
            .iter()
            .copied()
            .find(|&b| self.scopes.binding(b).kind == BindingKind::NewTarget);
        match b.and_then(|b| self.place_of(b)) {
            Some(place) => Expr::Get { place, tdz: None },
            None => Expr::Const(Value::Undefined),
        }
    }

    /// A class declaration statement: initialise the outer binding with the class.
    pub(super) fn class_decl(&mut self, c: &ast::Class) -> R<Stmt> {
        let id = c.id.as_ref().expect("declarations are named");
        let value = Expr::Class(Box::new(self.class(c, None)?));
        Ok(match self.resolve(id) {
            Resolved::Local { place, .. } => Stmt::Init { place, value },
            Resolved::Global(name) => Stmt::InitGlobalLex { name, value },
            Resolved::Dynamic(g) => Stmt::Bind {
                target: Target::Global(g),
                value,
            },
        })
    }
}

/// A class's heritage and computed keys evaluated beforehand by a state machine (temps),
/// indexed like the class members.
#[derive(Default)]
pub(super) struct ClassPre {
    pub heritage: Option<Expr>,
    pub keys: Vec<Option<Expr>>,
}

fn empty_block() -> Block {
    Block {
        env: None,
        functions: Box::new([]),
        global_functions: Box::new([]),
        tdz_regs: Box::new([]),
        body: Box::new([]),
    }
}

/// `constructor() {}` or `constructor(...args) { super(...args) }` (run natively).
fn synthesized_constructor(name: &str, derived: bool, span: Span, source: Rc<str>) -> Code {
    Code {
        name: Atom::intern_str(name),
        length: 0,
        fn_props: Default::default(),
        this_mode: ThisMode::Strict,
        strict: true,
        source,
        is_constructor: true,
        registers: 0,
        params: Box::new([]),
        param_init: None,
        tdz_regs: Box::new([]),
        params_in_place: true,
        env: None,
        name_env: None,
        class_ctor: Some(derived),
        default_derived: derived,
        lean: false,
        lean_ctor: true,
        uses_super: derived,
        new_target_place: None,
        this_place: None,
        arguments_place: None,
        body: empty_block(),
        expr_body: None,
        machine: None,
        span,
    }
}
