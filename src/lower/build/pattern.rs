//! Lowering of binding and assignment patterns: declarations with destructuring, parameters
//! with defaults/rest/destructuring, catch parameters, for-in/of heads and destructuring
//! assignment all become `Target`s and `Pattern`s of the executable tree.
//!
//! Not here: running them (`interp::pattern`), or the scope analysis that decided each name's
//! binding (`lower::scope`).

use super::{unsupported, Builder, Resolved, R};
use crate::lower::scope::BindingKind;
use crate::lower::tree::*;
use crate::parser::ast::{self, PatKind};

impl Builder<'_> {
    /// The target a pattern denotes. `init`: binding initialisation (declarations, parameters,
    /// catch) — no const or TDZ checks; otherwise an assignment.
    pub(super) fn target(&mut self, pat: &ast::Pat, init: bool) -> R<Target> {
        Ok(match &pat.kind {
            PatKind::Ident(id) => match self.resolve(id) {
                Resolved::Global(name) if init && self.lex_init => Target::GlobalLexInit(name),
                Resolved::Global(name) => Target::Global(Self::global(name)),
                Resolved::Dynamic(g) => Target::Global(g),
                Resolved::Local { place, tdz, kind } => {
                    if init {
                        Target::Place {
                            place,
                            check: None,
                            tdz: None,
                        }
                    } else {
                        let check = match kind {
                            BindingKind::Const => Some(ConstCheck::Throw),
                            BindingKind::FunctionName => Some(if self.is_strict() {
                                ConstCheck::Throw
                            } else {
                                ConstCheck::Ignore
                            }),
                            _ => None,
                        };
                        Target::Place { place, check, tdz }
                    }
                }
            },
            PatKind::Expr(e) => match &super::strip_parens(e).kind {
                ast::ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => Target::Member {
                    object: self.expr(object)?,
                    key: self.key(prop, e.span)?,
                },
                ast::ExprKind::Ident(id) => {
                    let p = ast::Pat {
                        kind: PatKind::Ident(id.clone()),
                        span: e.span,
                    };
                    return self.target(&p, init);
                }
                _ => return unsupported("this assignment target", e.span),
            },
            PatKind::Array { .. } | PatKind::Object { .. } => {
                Target::Pattern(Box::new(self.pattern(pat, init)?))
            }
            PatKind::Default { .. } => return unsupported("a default here", pat.span),
        })
    }

    /// An element/property/parameter: its target and default (anonymous functions in the
    /// default take the target's name).
    pub(super) fn pat_elem(&mut self, pat: &ast::Pat, init: bool) -> R<PatElem> {
        match &pat.kind {
            PatKind::Default { target, default } => {
                let default = match &target.kind {
                    PatKind::Ident(id) => self.named_expr(default, &id.name)?,
                    _ => self.expr(default)?,
                };
                Ok(PatElem {
                    target: self.target(target, init)?,
                    default: Some(default),
                })
            }
            _ => Ok(PatElem {
                target: self.target(pat, init)?,
                default: None,
            }),
        }
    }

    pub(super) fn pattern(&mut self, pat: &ast::Pat, init: bool) -> R<Pattern> {
        Ok(match &pat.kind {
            PatKind::Array { elems, rest } => Pattern::Array {
                elems: elems
                    .iter()
                    .map(|e| e.as_ref().map(|p| self.pat_elem(p, init)).transpose())
                    .collect::<R<_>>()?,
                rest: rest.as_ref().map(|r| self.target(r, init)).transpose()?,
            },
            PatKind::Object { props, rest } => Pattern::Object {
                props: props
                    .iter()
                    .map(|p| Ok((self.prop_key(&p.key)?, self.pat_elem(&p.value, init)?)))
                    .collect::<R<_>>()?,
                rest: rest.as_ref().map(|r| self.target(r, init)).transpose()?,
            },
            _ => return unsupported("this pattern", pat.span),
        })
    }

    /// A parameter list that is not all plain identifiers.
    pub(super) fn param_init(&mut self, f: &ast::Function) -> R<ParamInit> {
        Ok(ParamInit {
            params: f
                .params
                .iter()
                .map(|p| self.pat_elem(p, true))
                .collect::<R<_>>()?,
            rest: f.rest.as_ref().map(|r| self.target(r, true)).transpose()?,
        })
    }
}
