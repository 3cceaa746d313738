//! The callee text of V8's "x is not a function" / "x is not a constructor" messages
//! (V8's CallPrinter): `o.m`, `o[k]`, `this.q`, `f(...)`, `(1 , 2)`, `"str".x`,
//! `(intermediate value).foo`.
//!
//! The executable tree keeps no names for registers, so the text is recovered only on the
//! error path: the call site's source is parsed again on its own and its callee printed from
//! the AST. No cost on calls that succeed. When the snippet does not parse alone (a private
//! name, `super` outside its class) the caller falls back to a generic wording.
//!
//! Not here: V8's constant folding (it prints `3` for `(1 + 2)()`; we print `(1 + 2)`).

use crate::parser::ast::{self, ExprKind, MemberProp, StmtKind};
use crate::parser::{parse, ParseOptions};

/// The callee of the call or `new` expression that `call_text` (its source) holds, printed as
/// V8 does; `None` when the text is not a call or `new` expression on its own.
pub(crate) fn callee_text(call_text: &str) -> Option<String> {
    // Parenthesised so an object or function literal at the start reads as an expression.
    let wrapped = format!("({call_text}\n)");
    let program = parse(&wrapped, &ParseOptions::default()).ok()?;
    let [stmt] = program.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr { expr, .. } = &stmt.kind else {
        return None;
    };
    let mut e = &**expr;
    while let ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    if let ExprKind::OptChain(inner) = &e.kind {
        e = inner;
    }
    let callee = match &e.kind {
        ExprKind::Call { callee, .. } | ExprKind::New { callee, .. } => callee,
        _ => return None,
    };
    let mut out = String::new();
    print(callee, &mut out);
    Some(out)
}

fn print(e: &ast::Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Ident(id) => out.push_str(&id.name),
        ExprKind::This => out.push_str("this"),
        ExprKind::Null => out.push_str("null"),
        ExprKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ExprKind::Num(n) => crate::value::number::write_number(out, *n),
        ExprKind::Str(s) => {
            out.push('"');
            out.push_str(&String::from_utf16_lossy(s));
            out.push('"');
        }
        ExprKind::Template(t) if t.exprs.is_empty() && t.quasis.len() == 1 => {
            out.push('"');
            if let Some(cooked) = &t.quasis[0].cooked {
                out.push_str(&String::from_utf16_lossy(cooked));
            }
            out.push('"');
        }
        ExprKind::Regex(r) => {
            out.push('/');
            out.push_str(&r.pattern);
            out.push('/');
            out.push_str(&r.flags);
        }
        ExprKind::Paren(inner) | ExprKind::OptChain(inner) => print(inner, out),
        ExprKind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(item) = item {
                    if item.spread {
                        out.push_str("...");
                    }
                    print(&item.expr, out);
                }
            }
            out.push(']');
        }
        ExprKind::Object(_) => out.push_str("{}"),
        ExprKind::Member {
            object,
            prop,
            optional,
        } => {
            print(object, out);
            match prop {
                MemberProp::Ident(id) => {
                    out.push_str(if *optional { "?." } else { "." });
                    out.push_str(&id.name);
                }
                MemberProp::Private(id) => {
                    out.push_str(if *optional { "?.#" } else { ".#" });
                    out.push_str(&id.name);
                }
                // A string key prints as a name, as V8 does (even `o.a b`).
                MemberProp::Computed(key) => match &key.kind {
                    ExprKind::Str(s) => {
                        out.push_str(if *optional { "?." } else { "." });
                        out.push_str(&String::from_utf16_lossy(s));
                    }
                    _ => {
                        if *optional {
                            out.push_str("?.");
                        }
                        out.push('[');
                        print(key, out);
                        out.push(']');
                    }
                },
            }
        }
        ExprKind::Call { callee, .. } => {
            print(callee, out);
            out.push_str("(...)");
        }
        ExprKind::Unary { op, arg } => {
            out.push('(');
            out.push_str(unary_text(*op));
            print(arg, out);
            out.push(')');
        }
        ExprKind::Binary { op, left, right } => infix(left, binary_text(*op), right, out),
        ExprKind::Logical { op, left, right } => {
            let op = match op {
                ast::LogicalOp::And => "&&",
                ast::LogicalOp::Or => "||",
                ast::LogicalOp::Nullish => "??",
            };
            infix(left, op, right, out)
        }
        ExprKind::Seq(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(" , ");
                }
                print(item, out);
            }
            out.push(')');
        }
        _ => out.push_str("(intermediate value)"),
    }
}

/// `(left op right)`, as V8 prints binary and logical operations.
fn infix(left: &ast::Expr, op: &str, right: &ast::Expr, out: &mut String) {
    out.push('(');
    print(left, out);
    out.push(' ');
    out.push_str(op);
    out.push(' ');
    print(right, out);
    out.push(')');
}

fn binary_text(op: ast::BinaryOp) -> &'static str {
    use ast::BinaryOp::*;
    match op {
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        Mod => "%",
        Exp => "**",
        Shl => "<<",
        Shr => ">>",
        UShr => ">>>",
        BitAnd => "&",
        BitOr => "|",
        BitXor => "^",
        Eq => "==",
        NotEq => "!=",
        StrictEq => "===",
        StrictNotEq => "!==",
        Lt => "<",
        LtEq => "<=",
        Gt => ">",
        GtEq => ">=",
        In => "in",
        InstanceOf => "instanceof",
    }
}

fn unary_text(op: ast::UnaryOp) -> &'static str {
    match op {
        ast::UnaryOp::Minus => "-",
        ast::UnaryOp::Plus => "+",
        ast::UnaryOp::Not => "!",
        ast::UnaryOp::BitNot => "~",
        ast::UnaryOp::TypeOf => "typeof ",
        ast::UnaryOp::Void => "void ",
        ast::UnaryOp::Delete => "delete ",
    }
}

#[cfg(test)]
mod tests {
    use super::callee_text;

    // Expected texts are node 20's messages for the same callees.
    #[test]
    fn prints_callees_as_v8() {
        let cases = [
            ("f()", "f"),
            ("o.m()", "o.m"),
            ("o.a.b()", "o.a.b"),
            ("o['x']()", "o.x"),
            ("o[k]()", "o[k]"),
            ("this.q()", "this.q"),
            ("(1, 2)()", "(1 , 2)"),
            ("[1][0]()", "[1][0]"),
            ("(function(){ return 1; })()()", "(intermediate value)(...)"),
            ("o.m()()", "o.m(...)"),
            ("new (class A {})().foo()", "(intermediate value).foo"),
            ("o?.m()", "o?.m"),
            ("'str'.nope()", "\"str\".nope"),
            ("(5).x()", "5.x"),
            ("o[1.5]()", "o[1.5]"),
            ("o[null]()", "o[null]"),
            ("(void 0)()", "(void 0)"),
            ("`t`()", "\"t\""),
            ("({}).x()", "{}.x"),
            ("[].x()", "[].x"),
            ("new o.m()", "o.m"),
            ("new o.m", "o.m"),
            ("arr[arr.length - 1]()", "arr[(arr.length - 1)]"),
            ("1n()", "(intermediate value)"),
            ("/x/()", "/x/"),
            ("(typeof 1)()", "(typeof 1)"),
        ];
        for (src, want) in cases {
            assert_eq!(callee_text(src).as_deref(), Some(want), "{src}");
        }
        assert_eq!(callee_text("a + b"), None);
    }
}
