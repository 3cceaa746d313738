//! Grammar actions: every AST-building step of `grammar/js.lalrpop` is a function here, so the
//! grammar stays a readable list of productions and this code is ordinary, testable Rust.
//!
//! Also here: the cover-grammar reinterpretations (parenthesised expressions → arrow parameters,
//! object/array literals → destructuring patterns) and the errors they report.
//!
//! Not here: early errors that need scope or strictness knowledge (duplicate `let`, `await` in
//! the wrong place, strict-mode reserved words, legacy octal in strict code): `early.rs`.

// The grammar hands big values over boxed (LR stack entries are the size of the largest
// grammar value, and parse speed depends on it), so actions take `Box<…>` by value.
#![allow(clippy::boxed_local)]

use crate::error::SyntaxError;
use crate::lexer::Tok;
use crate::parser::ast::*;
use crate::span::Span;
use lalrpop_util::ParseError;

/// The result type of fallible actions.
pub type R<T> = Result<T, ParseError<u32, Tok, SyntaxError>>;

fn fail<T>(msg: &str, span: Span) -> R<T> {
    Err(ParseError::User {
        error: SyntaxError::new(msg, span),
    })
}

/// A parenthesised form that is either an expression or arrow parameters.
pub enum Cover {
    /// `( Expr )`.
    Paren(Expr, Span),
    /// `()`, `(a,)`, `(...r)`, `(a, ...r)`: only valid before `=>`. The first span is the token
    /// to blame when no `=>` follows.
    Params(Vec<Expr>, Option<Pat>, Span, Span),
}

/// The head of a statement whose body is a statement (open/closed split of the grammar).
pub enum Head {
    While(Expr),
    With(Expr),
    Label(Ident),
    For(Option<ForInit>, Option<Expr>, Option<Expr>),
    ForIn(ForHead, Expr),
    ForOf(ForHead, Expr, bool),
}

#[inline]
pub fn span(l: u32, r: u32) -> Span {
    Span::new(l, r)
}

// ───────────────────────────── statements ─────────────────────────────

#[inline]
pub fn stmt(kind: StmtKind, l: u32, r: u32) -> Stmt {
    Stmt {
        kind,
        span: span(l, r),
    }
}

/// Mark the directive prologue: the leading expression statements that are a lone string
/// literal (not parenthesised). The directive text is the raw source between the quotes.
pub fn directives(src: &str, mut body: Vec<Stmt>) -> Vec<Stmt> {
    for s in body.iter_mut() {
        let StmtKind::Expr { expr, directive } = &mut s.kind else {
            break;
        };
        if !matches!(expr.kind, ExprKind::Str(_)) {
            break;
        }
        let (a, b) = (expr.span.start as usize + 1, expr.span.end as usize - 1);
        *directive = Some(src.get(a..b).unwrap_or("").into());
    }
    body
}

/// Whether a body's directive prologue contains `"use strict"`.
pub fn has_use_strict(body: &[Stmt]) -> bool {
    body.iter()
        .map_while(|s| match &s.kind {
            StmtKind::Expr {
                directive: Some(d), ..
            } => Some(d),
            _ => None,
        })
        .any(|d| &**d == "use strict")
}

pub fn if_stmt(test: Expr, cons: Stmt, alt: Option<Stmt>, l: u32, r: u32) -> Stmt {
    stmt(
        StmtKind::If {
            test: Box::new(test),
            cons: Box::new(cons),
            alt: alt.map(Box::new),
        },
        l,
        r,
    )
}

pub fn head_stmt(h: Box<Head>, body: Stmt, l: u32, r: u32) -> R<Stmt> {
    let kind = match *h {
        Head::While(test) => StmtKind::While {
            test: Box::new(test),
            body: Box::new(body),
        },
        Head::With(object) => StmtKind::With {
            object: Box::new(object),
            body: Box::new(body),
        },
        Head::Label(label) => StmtKind::Labeled {
            label,
            body: Box::new(body),
        },
        Head::For(init, test, update) => StmtKind::For(Box::new(ForStmt {
            init,
            test,
            update,
            body,
        })),
        Head::ForIn(left, right) => StmtKind::ForIn(Box::new(ForInOf {
            left,
            right,
            body,
            is_await: false,
        })),
        Head::ForOf(left, right, is_await) => StmtKind::ForOf(Box::new(ForInOf {
            left,
            right,
            body,
            is_await,
        })),
    };
    Ok(stmt(kind, l, r))
}

pub fn for_decl_head(kind: VarKind, target: Pat, l: u32, r: u32) -> ForHead {
    let d = Box::new(VarDeclarator {
        span: target.span,
        target,
        init: None,
    });
    ForHead::Var(var_decl(kind, vec![d], l, r))
}

pub fn for_pat_head(src: &str, e: Expr) -> R<ForHead> {
    let span = e.span;
    if let Some(s) = rest_with_trailing_comma(src, &e) {
        return fail("Rest element must be last element", s);
    }
    match to_assign_pat(e, true) {
        Ok(p) => Ok(ForHead::Pat(p)),
        Err(_) => fail("Invalid left-hand side in for-loop", span),
    }
}

pub fn var_decl(kind: VarKind, decls: Vec<Box<VarDeclarator>>, l: u32, r: u32) -> VarDecl {
    VarDecl {
        kind,
        decls: decls.into_iter().map(|d| *d).collect(),
        span: span(l, r),
    }
}

pub fn declarator(target: Pat, init: Option<Expr>, l: u32, r: u32) -> Box<VarDeclarator> {
    Box::new(VarDeclarator {
        target,
        init,
        span: span(l, r),
    })
}

pub fn var_stmt(d: Vec<Box<VarDeclarator>>, l: u32, r: u32) -> Stmt {
    stmt(
        StmtKind::Var(Box::new(var_decl(VarKind::Var, d, l, r))),
        l,
        r,
    )
}

pub fn expr_stmt(e: Expr, l: u32, r: u32) -> Stmt {
    stmt(
        StmtKind::Expr {
            expr: Box::new(e),
            directive: None,
        },
        l,
        r,
    )
}

pub fn do_while(body: Stmt, test: Expr, l: u32, r: u32) -> Stmt {
    stmt(
        StmtKind::DoWhile {
            body: Box::new(body),
            test: Box::new(test),
        },
        l,
        r,
    )
}

pub fn return_stmt(e: Option<Expr>, l: u32, r: u32) -> Stmt {
    stmt(StmtKind::Return(e.map(Box::new)), l, r)
}

pub fn try_stmt(
    block: Vec<Stmt>,
    handler: Option<Box<CatchClause>>,
    finalizer: Option<Vec<Stmt>>,
    l: u32,
    r: u32,
) -> Stmt {
    stmt(
        StmtKind::Try(Box::new(TryStmt {
            block,
            handler: handler.map(|h| *h),
            finalizer,
        })),
        l,
        r,
    )
}

pub fn switch(e: Expr, cases: Vec<SwitchCase>, l: u32, r: u32) -> R<Stmt> {
    if let Some(second) = cases.iter().filter(|c| c.test.is_none()).nth(1) {
        let s = second.span;
        return fail(
            "More than one default clause in switch statement",
            Span::new(s.start, s.start + 7),
        );
    }
    Ok(stmt(
        StmtKind::Switch {
            discriminant: Box::new(e),
            cases,
        },
        l,
        r,
    ))
}

/// `let`/`const` declaration list (not a for-in/of head): `const` needs initialisers.
pub fn lexical_decl(kind: VarKind, d: Vec<Box<VarDeclarator>>, l: u32, r: u32) -> R<VarDecl> {
    if kind == VarKind::Const {
        if let Some(bad) = d.iter().find(|d| d.init.is_none()) {
            return fail("Missing initializer in const declaration", bad.target.span);
        }
    }
    Ok(var_decl(kind, d, l, r))
}

pub fn labeled_fn(label: Ident, f: Box<Function>, l: u32, r: u32) -> Stmt {
    let fs = f.span;
    stmt(
        StmtKind::Labeled {
            label,
            body: Box::new(Stmt {
                kind: StmtKind::Function(f),
                span: fs,
            }),
        },
        l,
        r,
    )
}

pub fn catch(param: Option<Pat>, body: Vec<Stmt>, l: u32, r: u32) -> Box<CatchClause> {
    Box::new(CatchClause {
        param,
        body,
        span: span(l, r),
    })
}

pub fn case(test: Option<Expr>, body: Vec<Stmt>, l: u32, r: u32) -> SwitchCase {
    SwitchCase {
        test,
        body,
        span: span(l, r),
    }
}

// ───────────────────────────── functions and classes ─────────────────────────────

#[allow(clippy::too_many_arguments)]
fn make_fn(
    id: Option<Ident>,
    kind: FunctionKind,
    is_async: bool,
    is_generator: bool,
    p: Box<(Vec<Pat>, Option<Pat>)>,
    body: FunctionBody,
    l: u32,
    r: u32,
) -> Box<Function> {
    let (params, rest) = *p;
    let has_use_strict = match &body {
        FunctionBody::Block(b) => has_use_strict(b),
        FunctionBody::Expr(_) => false,
    };
    Box::new(Function {
        id,
        kind,
        is_async,
        is_generator,
        params,
        rest,
        body,
        has_use_strict,
        span: span(l, r),
    })
}

pub fn function(
    id: Option<Ident>,
    is_async: bool,
    is_gen: bool,
    p: Box<(Vec<Pat>, Option<Pat>)>,
    body: Vec<Stmt>,
    l: u32,
    r: u32,
) -> Box<Function> {
    make_fn(
        id,
        FunctionKind::Normal,
        is_async,
        is_gen,
        p,
        FunctionBody::Block(body),
        l,
        r,
    )
}

pub fn function_expr(
    id: Option<Ident>,
    is_async: bool,
    is_gen: bool,
    p: Box<(Vec<Pat>, Option<Pat>)>,
    body: Vec<Stmt>,
    l: u32,
    r: u32,
) -> Expr {
    let f = function(id, is_async, is_gen, p, body, l, r);
    expr(ExprKind::Function(f), l, r)
}

pub fn params(
    mut v: Vec<Pat>,
    last: Option<Pat>,
    rest: Option<Pat>,
) -> Box<(Vec<Pat>, Option<Pat>)> {
    v.extend(last);
    Box::new((v, rest))
}

fn is_constructor_key(k: &PropKey) -> bool {
    match k {
        PropKey::Ident(i) => &*i.name == "constructor",
        PropKey::Str(s, _) => **s == *js_str("constructor"),
        _ => false,
    }
}

pub fn class(
    id: Option<Ident>,
    (super_class, mut members): (Option<Expr>, Vec<ClassMember>),
    l: u32,
    r: u32,
) -> R<Box<Class>> {
    let derived = super_class.is_some();
    for m in members.iter_mut() {
        if let ClassMemberKind::Constructor(f) = &mut m.kind {
            f.kind = FunctionKind::ClassConstructor { derived };
        }
    }
    Ok(Box::new(Class {
        id,
        super_class: super_class.map(Box::new),
        members,
        span: span(l, r),
    }))
}

pub fn class_expr(
    id: Option<Ident>,
    t: (Option<Expr>, Vec<ClassMember>),
    l: u32,
    r: u32,
) -> R<Expr> {
    Ok(expr(ExprKind::Class(class(id, t, l, r)?), l, r))
}

pub fn class_method(
    is_static: bool,
    (key, kind, func): (PropKey, MethodKind, Box<Function>),
    l: u32,
    r: u32,
) -> ClassMember {
    if !is_static && kind == MethodKind::Method && is_constructor_key(&key) {
        let mut func = func;
        func.kind = FunctionKind::ClassConstructor { derived: false };
        return class_member(ClassMemberKind::Constructor(func), l, r);
    }
    class_member(
        ClassMemberKind::Method {
            key,
            kind,
            is_static,
            func,
        },
        l,
        r,
    )
}

pub fn field(is_static: bool, key: PropKey, value: Option<Expr>, l: u32, r: u32) -> ClassMember {
    class_member(
        ClassMemberKind::Field {
            key,
            value: value.map(Box::new),
            is_static,
        },
        l,
        r,
    )
}

pub fn static_block(body: Vec<Stmt>, l: u32, r: u32) -> ClassMember {
    class_member(ClassMemberKind::StaticBlock(body), l, r)
}

pub fn class_member(kind: ClassMemberKind, l: u32, r: u32) -> ClassMember {
    ClassMember {
        kind,
        span: span(l, r),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn method(
    key: PropKey,
    kind: MethodKind,
    is_async: bool,
    is_gen: bool,
    p: Box<(Vec<Pat>, Option<Pat>)>,
    body: Vec<Stmt>,
    l: u32,
    r: u32,
) -> (PropKey, MethodKind, Box<Function>) {
    let fk = match kind {
        MethodKind::Method => FunctionKind::Method,
        MethodKind::Get => FunctionKind::Getter,
        MethodKind::Set => FunctionKind::Setter,
    };
    let f = make_fn(
        None,
        fk,
        is_async,
        is_gen,
        p,
        FunctionBody::Block(body),
        l,
        r,
    );
    (key, kind, f)
}

// ───────────────────────────── patterns ─────────────────────────────

pub fn with_default(t: Pat, d: Option<Expr>, l: u32, r: u32) -> Pat {
    match d {
        None => t,
        Some(d) => Pat {
            kind: PatKind::Default {
                target: Box::new(t),
                default: Box::new(d),
            },
            span: span(l, r),
        },
    }
}

pub fn ident_pat(i: Ident) -> Pat {
    Pat {
        span: i.span,
        kind: PatKind::Ident(i),
    }
}

pub fn obj_pat(
    v: Vec<Box<ObjectPatProp>>,
    last: Option<Box<ObjectPatProp>>,
    rest: Option<Pat>,
    l: u32,
    r: u32,
) -> Pat {
    let props = v.into_iter().chain(last).map(|p| *p).collect();
    Pat {
        kind: PatKind::Object {
            props,
            rest: rest.map(Box::new),
        },
        span: span(l, r),
    }
}

pub fn arr_pat(
    mut v: Vec<Option<Pat>>,
    last: Option<Pat>,
    rest: Option<Pat>,
    l: u32,
    r: u32,
) -> Pat {
    if let Some(p) = last {
        v.push(Some(p));
    }
    Pat {
        kind: PatKind::Array {
            elems: v,
            rest: rest.map(Box::new),
        },
        span: span(l, r),
    }
}

pub fn obj_pat_prop(key: PropKey, value: Pat, l: u32, r: u32) -> Box<ObjectPatProp> {
    Box::new(ObjectPatProp {
        key,
        value,
        shorthand: false,
        span: span(l, r),
    })
}

pub fn obj_pat_short(i: Ident, d: Option<Expr>, l: u32, r: u32) -> Box<ObjectPatProp> {
    let key = PropKey::Ident(i.clone());
    let value = with_default(ident_pat(i), d, l, r);
    Box::new(ObjectPatProp {
        key,
        value,
        shorthand: true,
        span: span(l, r),
    })
}

/// Reinterpret an expression as an assignment target (`=` and for-in/of heads). `top` selects
/// the message node uses for the outermost target.
pub fn to_assign_pat(e: Expr, top: bool) -> Result<Pat, SyntaxError> {
    let span = e.span;
    let bad = || {
        SyntaxError::new(
            if top {
                "Invalid left-hand side in assignment"
            } else {
                "Invalid destructuring assignment target"
            },
            span,
        )
    };
    let kind = match e.kind {
        ExprKind::Ident(i) => PatKind::Ident(i),
        ExprKind::Member { .. } | ExprKind::SuperMember(_) => PatKind::Expr(Box::new(e)),
        ExprKind::Paren(inner) => {
            // `(a) = 1` and `(a.b) = 1` are fine; `({a}) = 1` and `([a]) = 1` are not.
            let mut inner = *inner;
            while let ExprKind::Paren(i) = inner.kind {
                inner = *i;
            }
            return match inner.kind {
                ExprKind::Ident(_) | ExprKind::Member { .. } | ExprKind::SuperMember(_) => {
                    to_assign_pat(inner, top)
                }
                _ => Err(bad()),
            };
        }
        ExprKind::Object(props) => {
            let n = props.len();
            let mut out = Vec::with_capacity(n);
            let mut rest = None;
            for (idx, p) in props.into_iter().enumerate() {
                let pspan = p.span;
                match p.kind {
                    PropKind::KeyValue { key, value } => out.push(ObjectPatProp {
                        key,
                        value: to_assign_pat(*value, false)?,
                        shorthand: false,
                        span: pspan,
                    }),
                    PropKind::Shorthand(i) => out.push(ObjectPatProp {
                        key: PropKey::Ident(i.clone()),
                        value: ident_pat(i),
                        shorthand: true,
                        span: pspan,
                    }),
                    PropKind::CoverInit { name, default } => out.push(ObjectPatProp {
                        key: PropKey::Ident(name.clone()),
                        value: Pat {
                            kind: PatKind::Default {
                                target: Box::new(ident_pat(name)),
                                default,
                            },
                            span: pspan,
                        },
                        shorthand: true,
                        span: pspan,
                    }),
                    PropKind::Spread(e) => {
                        if idx + 1 != n {
                            return Err(SyntaxError::new(
                                "Rest element must be last element",
                                pspan,
                            ));
                        }
                        let p = to_assign_pat(*e, false)?;
                        if !matches!(p.kind, PatKind::Ident(_) | PatKind::Expr(_)) {
                            return Err(SyntaxError::new(
                                "`...` must be followed by an assignable reference in assignment contexts",
                                p.span,
                            ));
                        }
                        rest = Some(Box::new(p));
                    }
                    PropKind::Method { .. } => {
                        return Err(SyntaxError::new(
                            "Invalid destructuring assignment target",
                            pspan,
                        ))
                    }
                }
            }
            PatKind::Object { props: out, rest }
        }
        ExprKind::Array(elems) => {
            let n = elems.len();
            let mut out = Vec::with_capacity(n);
            let mut rest = None;
            for (idx, el) in elems.into_iter().enumerate() {
                match el {
                    None => out.push(None),
                    Some(ExprOrSpread { expr, spread: true }) => {
                        if idx + 1 != n {
                            return Err(SyntaxError::new(
                                "Rest element must be last element",
                                expr.span,
                            ));
                        }
                        if let ExprKind::Assign { .. } = expr.kind {
                            return Err(SyntaxError::new(
                                "Invalid destructuring assignment target",
                                expr.span,
                            ));
                        }
                        rest = Some(Box::new(to_assign_pat(expr, false)?));
                    }
                    Some(ExprOrSpread { expr, .. }) => out.push(Some(to_assign_pat(expr, false)?)),
                }
            }
            PatKind::Array { elems: out, rest }
        }
        ExprKind::Assign {
            op: AssignOp::Assign,
            target,
            value,
        } if !top => PatKind::Default {
            target,
            default: value,
        },
        _ => return Err(bad()),
    };
    Ok(Pat { kind, span })
}

/// `[...x,] = y` and `({...x,} = y)`: a literal may end in a comma after a spread, a pattern may
/// not. The AST does not keep the comma, so look at the source between the spread and the
/// closing bracket.
fn rest_with_trailing_comma(src: &str, e: &Expr) -> Option<Span> {
    let gap_has_comma = |from: u32, to: u32| {
        src.get(from as usize..to.saturating_sub(1) as usize)
            .is_some_and(|g| g.contains(','))
    };
    match &e.kind {
        ExprKind::Array(elems) => {
            if let Some(Some(last)) = elems.last() {
                if last.spread && gap_has_comma(last.expr.span.end, e.span.end) {
                    // Blame `...x` (the spread token sits right before its operand).
                    let s = last.expr.span;
                    return Some(Span::new(s.start.saturating_sub(3), s.end));
                }
            }
            elems
                .iter()
                .flatten()
                .find_map(|el| rest_with_trailing_comma(src, &el.expr))
        }
        ExprKind::Object(props) => {
            if let Some(last) = props.last() {
                if matches!(last.kind, PropKind::Spread(_))
                    && gap_has_comma(last.span.end, e.span.end)
                {
                    // Blame the comma, as V8 does.
                    let at = src[last.span.end as usize..].find(',').unwrap_or(0) as u32;
                    let c = last.span.end + at;
                    return Some(Span::new(c, c + 1));
                }
            }
            props.iter().find_map(|p| match &p.kind {
                PropKind::KeyValue { value, .. } => rest_with_trailing_comma(src, value),
                _ => None,
            })
        }
        _ => None,
    }
}

/// A binding pattern may not contain member expressions.
fn check_binding(p: &Pat) -> Result<(), SyntaxError> {
    match &p.kind {
        PatKind::Ident(_) => Ok(()),
        PatKind::Expr(_) => Err(SyntaxError::new(
            "Invalid destructuring assignment target",
            p.span,
        )),
        PatKind::Default { target, .. } => check_binding(target),
        PatKind::Array { elems, rest } => {
            for e in elems.iter().flatten() {
                check_binding(e)?;
            }
            rest.as_deref().map_or(Ok(()), check_binding)
        }
        PatKind::Object { props, rest } => {
            for pp in props {
                check_binding(&pp.value)?;
            }
            rest.as_deref().map_or(Ok(()), check_binding)
        }
    }
}

/// Reinterpret an expression from a parenthesised cover as a formal parameter.
fn to_param(e: Expr) -> Result<Pat, SyntaxError> {
    let span = e.span;
    let p = match e.kind {
        ExprKind::Ident(i) => ident_pat(i),
        ExprKind::Object(_) | ExprKind::Array(_) => to_assign_pat(e, false)?,
        ExprKind::Assign {
            op: AssignOp::Assign,
            target,
            value,
        } => Pat {
            kind: PatKind::Default {
                target,
                default: value,
            },
            span,
        },
        _ => {
            return Err(SyntaxError::new(
                "Invalid destructuring assignment target",
                span,
            ))
        }
    };
    check_binding(&p)?;
    Ok(p)
}

fn to_params(items: Vec<Expr>) -> Result<Vec<Pat>, SyntaxError> {
    items.into_iter().map(to_param).collect()
}

// ───────────────────────────── expressions ─────────────────────────────

#[inline]
pub fn expr(kind: ExprKind, l: u32, r: u32) -> Expr {
    Expr {
        kind,
        span: span(l, r),
    }
}

#[inline]
pub fn ident(name: Box<str>, l: u32, r: u32) -> Ident {
    Ident {
        name,
        span: span(l, r),
    }
}

/// An identifier whose token carries no text (keywords, contextual words): take it from source.
pub fn ident_src(src: &str, l: u32, r: u32) -> Ident {
    ident(src.get(l as usize..r as usize).unwrap_or("").into(), l, r)
}

pub fn ident_expr(i: Ident) -> Expr {
    Expr {
        span: i.span,
        kind: ExprKind::Ident(i),
    }
}

pub fn ident_expr_src(src: &str, l: u32, r: u32) -> Expr {
    ident_expr(ident_src(src, l, r))
}

pub fn seq(l: Expr, r: Expr) -> Expr {
    let span = l.span.to(r.span);
    match l.kind {
        ExprKind::Seq(mut v) => {
            v.push(r);
            Expr {
                kind: ExprKind::Seq(v),
                span,
            }
        }
        kind => Expr {
            kind: ExprKind::Seq(vec![Expr { kind, span: l.span }, r]),
            span,
        },
    }
}

/// The items of a parenthesised list: `a, b` → [a, b] (a parenthesised sequence stays one item).
pub fn flatten(e: Expr) -> Vec<Expr> {
    match e.kind {
        ExprKind::Seq(v) => v,
        _ => vec![e],
    }
}

pub fn yield_(arg: Option<Expr>, delegate: bool, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::Yield {
            arg: arg.map(Box::new),
            delegate,
        },
        l,
        r,
    )
}

pub fn assign(src: &str, t: Expr, op: AssignOp, v: Expr, l: u32, r: u32) -> R<Expr> {
    let target = if op == AssignOp::Assign {
        if let Some(s) = rest_with_trailing_comma(src, &t) {
            return fail("Rest element must be last element", s);
        }
        to_assign_pat(t, true).map_err(|error| ParseError::User { error })?
    } else {
        let span = t.span;
        let mut inner = t;
        while let ExprKind::Paren(i) = inner.kind {
            inner = *i;
        }
        match inner.kind {
            ExprKind::Ident(i) => Pat {
                kind: PatKind::Ident(i),
                span,
            },
            ExprKind::Member { .. } | ExprKind::SuperMember(_) => Pat {
                kind: PatKind::Expr(Box::new(inner)),
                span,
            },
            _ => return fail("Invalid left-hand side in assignment", span),
        }
    };
    Ok(expr(
        ExprKind::Assign {
            op,
            target: Box::new(target),
            value: Box::new(v),
        },
        l,
        r,
    ))
}

fn arrow(
    params: Box<(Vec<Pat>, Option<Pat>)>,
    is_async: bool,
    body: FunctionBody,
    l: u32,
    r: u32,
) -> Expr {
    let f = make_fn(
        None,
        FunctionKind::Arrow,
        is_async,
        false,
        params,
        body,
        l,
        r,
    );
    expr(ExprKind::Arrow(f), l, r)
}

pub fn arrow_ident(p: Ident, is_async: bool, body: FunctionBody, l: u32, r: u32) -> Expr {
    arrow(Box::new((vec![ident_pat(p)], None)), is_async, body, l, r)
}

pub fn arrow_cover(c: Box<Cover>, body: FunctionBody, l: u32, r: u32) -> R<Expr> {
    let params = match *c {
        Cover::Paren(e, _) => (flatten(e), None),
        Cover::Params(items, rest, _, _) => (items, rest),
    };
    let ps = to_params(params.0).map_err(|error| ParseError::User { error })?;
    if let Some(rest) = &params.1 {
        check_binding(rest).map_err(|error| ParseError::User { error })?;
    }
    Ok(arrow(Box::new((ps, params.1)), false, body, l, r))
}

pub fn arrow_async(args: Vec<ExprOrSpread>, body: FunctionBody, l: u32, r: u32) -> R<Expr> {
    let n = args.len();
    let mut items = Vec::with_capacity(n);
    let mut rest = None;
    for (i, a) in args.into_iter().enumerate() {
        if a.spread {
            if i + 1 != n {
                return fail("Rest parameter must be last formal parameter", a.expr.span);
            }
            if matches!(a.expr.kind, ExprKind::Assign { .. }) {
                return fail(
                    "Rest parameter may not have a default initializer",
                    a.expr.span,
                );
            }
            rest = Some(to_param(a.expr).map_err(|error| ParseError::User { error })?);
        } else {
            items.push(a.expr);
        }
    }
    let ps = to_params(items).map_err(|error| ParseError::User { error })?;
    Ok(arrow(Box::new((ps, rest)), true, body, l, r))
}

pub fn cond(test: Expr, cons: Expr, alt: Expr, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::Cond {
            test: Box::new(test),
            cons: Box::new(cons),
            alt: Box::new(alt),
        },
        l,
        r,
    )
}

pub fn logical(op: LogicalOp, a: Expr, b: Expr, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::Logical {
            op,
            left: Box::new(a),
            right: Box::new(b),
        },
        l,
        r,
    )
}

pub fn binary(op: BinaryOp, a: Expr, b: Expr, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::Binary {
            op,
            left: Box::new(a),
            right: Box::new(b),
        },
        l,
        r,
    )
}

pub fn private_in(name: Box<str>, right: Expr, l: u32, m: u32, r: u32) -> Expr {
    expr(
        ExprKind::PrivateIn {
            name: ident(name, l, m),
            right: Box::new(right),
        },
        l,
        r,
    )
}

pub fn unary(op: UnaryOp, e: Expr, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::Unary {
            op,
            arg: Box::new(e),
        },
        l,
        r,
    )
}

pub fn await_(e: Expr, l: u32, r: u32) -> Expr {
    expr(ExprKind::Await(Box::new(e)), l, r)
}

pub fn update(op: UpdateOp, prefix: bool, e: Expr, l: u32, r: u32) -> R<Expr> {
    let mut inner = &e;
    while let ExprKind::Paren(i) = &inner.kind {
        inner = i;
    }
    if !matches!(
        inner.kind,
        ExprKind::Ident(_) | ExprKind::Member { .. } | ExprKind::SuperMember(_)
    ) {
        let msg = if prefix {
            "Invalid left-hand side expression in prefix operation"
        } else {
            "Invalid left-hand side expression in postfix operation"
        };
        return fail(msg, e.span);
    }
    Ok(expr(
        ExprKind::Update {
            op,
            prefix,
            arg: Box::new(e),
        },
        l,
        r,
    ))
}

pub fn new_(callee: Expr, args: Option<Vec<ExprOrSpread>>, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::New {
            callee: Box::new(callee),
            args,
        },
        l,
        r,
    )
}

pub fn member(object: Expr, prop: MemberProp, optional: bool, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::Member {
            object: Box::new(object),
            prop,
            optional,
        },
        l,
        r,
    )
}

pub fn call(callee: Expr, args: Vec<ExprOrSpread>, optional: bool, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::Call {
            callee: Box::new(callee),
            args,
            optional,
        },
        l,
        r,
    )
}

pub fn opt_member(o: Expr, prop: MemberProp, l: u32, r: u32) -> Expr {
    member(o, prop, true, l, r)
}

pub fn opt_call(o: Expr, args: Vec<ExprOrSpread>, l: u32, r: u32) -> Expr {
    call(o, args, true, l, r)
}

pub fn opt_template(t: Box<Template>, _l: u32, _r: u32) -> R<Expr> {
    let s = t.quasis.first().map_or(Span::default(), |q| q.span);
    fail(
        "Invalid tagged template on optional chain",
        Span::new(s.start.saturating_sub(1), s.end + 1),
    )
}

pub fn opt_chain(e: Expr) -> Expr {
    Expr {
        span: e.span,
        kind: ExprKind::OptChain(Box::new(e)),
    }
}

pub fn tagged(tag: Expr, quasi: Box<Template>, l: u32, r: u32) -> Expr {
    expr(
        ExprKind::TaggedTemplate {
            tag: Box::new(tag),
            quasi,
        },
        l,
        r,
    )
}

pub fn untagged(t: Box<Template>, l: u32, r: u32) -> R<Expr> {
    if let Some(q) = t.quasis.iter().find(|q| q.cooked.is_none()) {
        return fail("Invalid escape sequence in template", q.span);
    }
    Ok(expr(ExprKind::Template(t), l, r))
}

pub fn list<T>(mut v: Vec<T>, last: Option<T>) -> Vec<T> {
    v.extend(last);
    v
}

pub fn array(mut v: Vec<Option<ExprOrSpread>>, last: Option<ExprOrSpread>, l: u32, r: u32) -> Expr {
    if let Some(e) = last {
        v.push(Some(e));
    }
    expr(ExprKind::Array(v), l, r)
}

pub fn paren(c: Box<Cover>) -> R<Expr> {
    match *c {
        Cover::Paren(e, s) => Ok(Expr {
            kind: ExprKind::Paren(Box::new(e)),
            span: s,
        }),
        Cover::Params(_, _, bad, _) => {
            let msg = if bad.len() == 3 {
                "Unexpected token '...'"
            } else {
                "Unexpected token ')'"
            };
            fail(msg, bad)
        }
    }
}

pub fn object(mut v: Vec<Prop>, last: Option<Prop>, l: u32, r: u32) -> Expr {
    v.extend(last);
    expr(ExprKind::Object(v), l, r)
}

pub fn template_single(t: Box<TemplateElement>) -> Box<Template> {
    Box::new(Template {
        quasis: vec![*t],
        exprs: vec![],
    })
}

pub fn template(
    head: Box<TemplateElement>,
    first: Expr,
    mid: Vec<(Box<TemplateElement>, Expr)>,
    tail: Box<TemplateElement>,
) -> Box<Template> {
    let mut quasis = Vec::with_capacity(mid.len() + 2);
    let mut exprs = Vec::with_capacity(mid.len() + 1);
    quasis.push(*head);
    exprs.push(first);
    for (q, e) in mid {
        quasis.push(*q);
        exprs.push(e);
    }
    quasis.push(*tail);
    Box::new(Template { quasis, exprs })
}

pub fn prop(kind: PropKind, l: u32, r: u32) -> Prop {
    Prop {
        kind,
        span: span(l, r),
    }
}

pub fn prop_method(
    (key, kind, func): (PropKey, MethodKind, Box<Function>),
    l: u32,
    r: u32,
) -> Prop {
    prop(PropKind::Method { key, kind, func }, l, r)
}
