//! `Function`: the constructor (CreateDynamicFunction: parse + lower at run time as a sloppy
//! global function), `Function.prototype.apply/bind/call/toString/[Symbol.hasInstance]`, the
//! poisoned `caller`/`arguments` accessors (%ThrowTypeError%), and the `instanceof` operator
//! (InstanceofOperator, OrdinaryHasInstance).
//!
//! CreateDynamicFunction (`create_dynamic`) also serves the generator/async function constructors.

use super::{arg, native};
use crate::interp::function::{callable, is_callable, FunctionData};
use crate::interp::props::{self, PropertyDescriptor};
use crate::interp::{ops, Interp, JsResult};
use crate::value::object::ObjectKind;
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, JsObject, JsString, PropertyKey, Symbol, Value, WellKnown};

/// The source text of a function object: the exact slice of the script for JS functions,
/// `function name() { [native code] }` for natives and bound functions.
pub fn source_text(obj: &JsObject) -> String {
    let data = obj.borrow();
    if let Some(code) = crate::interp::function::closure_code(&data.kind) {
        let (s, e) = (code.span.start as usize, code.span.end as usize);
        if let Some(text) = code.source.get(s..e) {
            return text.to_string();
        }
    }
    if matches!(
        &data.kind,
        ObjectKind::Function(_) | ObjectKind::Closure(_) | ObjectKind::NativeClosureObj(..)
    ) {
        let bound =
            matches!(&data.kind, ObjectKind::Function(p) if matches!(&**p, FunctionData::Bound(_)));
        let name = match data.properties.get(&PropertyKey::String(atoms::NAME)) {
            Some(crate::value::property::PropertyRef::Data(Value::String(n), _)) if !bound => {
                n.to_std_string_lossy()
            }
            _ => String::new(),
        };
        return format!("function {name}() {{ [native code] }}");
    }
    if data.kind.is_callable() {
        // A callable proxy: NativeFunction syntax without a name (as V8 prints it).
        return "function () { [native code] }".to_string();
    }
    String::new()
}

fn to_string(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    match this {
        Value::Object(o) if o.borrow().kind.is_callable() => {
            Ok(Value::from(source_text(o).as_str()))
        }
        _ => Err(interp
            .throw_type_error("Function.prototype.toString requires that 'this' be a Function")),
    }
}

fn call(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if !is_callable(this) {
        return Err(interp.throw_type_error("Function.prototype.call called on non-function"));
    }
    let rest = args.get(1..).unwrap_or(&[]);
    interp.call(this, arg(args, 0), rest)
}

/// CreateListFromArrayLike (no element-type restriction).
pub fn create_list_from_array_like(interp: &mut Interp, v: &Value) -> JsResult<Vec<Value>> {
    let Value::Object(o) = v else {
        return Err(interp.throw_type_error("CreateListFromArrayLike called on non-object"));
    };
    let len = length_of_array_like(interp, &Value::Object(o.clone()))?;
    if len > 10_000_000.0 {
        return Err(interp.throw_range_error("Too many arguments in function call"));
    }
    let mut out = Vec::with_capacity(len as usize);
    for i in 0..len as u32 {
        out.push(props::get(interp, v, &PropertyKey::from(i))?);
    }
    Ok(out)
}

/// LengthOfArrayLike: ToLength(Get(obj, "length")).
pub fn length_of_array_like(interp: &mut Interp, v: &Value) -> JsResult<f64> {
    let len = props::get(interp, v, &PropertyKey::String(atoms::LENGTH))?;
    let n = crate::value::number::to_integer_or_infinity(ops::to_number(interp, &len)?);
    Ok(n.clamp(0.0, 9_007_199_254_740_991.0))
}

fn apply(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if !is_callable(this) {
        let s = super::console::inspect_short(this);
        let t = this.type_of().to_js_string();
        return Err(interp.throw_type_error(&format!(
            "Function.prototype.apply was called on {s}, which is a {t} and not a function"
        )));
    }
    let list = match arg(args, 1) {
        Value::Undefined | Value::Null => Vec::new(),
        v => create_list_from_array_like(interp, &v)?,
    };
    interp.call(this, arg(args, 0), &list)
}

fn bind(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let Value::Object(target) = this else {
        return Err(interp.throw_type_error("Bind must be called on a function"));
    };
    if callable(target).is_none() {
        return Err(interp.throw_type_error("Bind must be called on a function"));
    }
    let bound_args = args.get(1..).unwrap_or(&[]).to_vec();
    let arg_count = bound_args.len() as f64;
    // BoundFunctionCreate: the bound function's prototype is the target's [[GetPrototypeOf]].
    let proto = props::get_prototype_of(interp, target)?;
    let bound = JsObject::new(
        proto,
        ObjectKind::Function(Box::new(FunctionData::Bound(Box::new(
            crate::interp::function::BoundFunction {
                target: target.clone(),
                this: arg(args, 0),
                args: bound_args,
            },
        )))),
    );
    let tv = Value::Object(target.clone());
    let mut length = 0.0;
    let len_key = PropertyKey::String(atoms::LENGTH);
    if props::get_own_property(interp, target, &len_key)?.is_some() {
        if let Value::Number(n) = props::get(interp, &tv, &len_key)? {
            length = if n == f64::INFINITY {
                n
            } else if n == f64::NEG_INFINITY {
                0.0
            } else {
                (crate::value::number::to_integer_or_infinity(n) - arg_count).max(0.0)
            };
        }
    }
    props::define_builtin_prop(&bound, atoms::LENGTH, Value::Number(length));
    let name = match props::get(interp, &tv, &PropertyKey::String(atoms::NAME))? {
        Value::String(s) => s,
        _ => JsString::empty(),
    };
    let mut full = JsString::from("bound ").as_slice().to_vec();
    full.extend_from_slice(name.as_slice());
    props::define_builtin_prop(&bound, atoms::NAME, Value::String(JsString::from_vec(full)));
    Ok(Value::Object(bound))
}

fn has_instance(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    Ok(Value::Bool(ordinary_has_instance(
        interp,
        this,
        &arg(args, 0),
    )?))
}

/// OrdinaryHasInstance(C, O) (ECMA-262 §7.3.21).
pub fn ordinary_has_instance(interp: &mut Interp, c: &Value, o: &Value) -> JsResult<bool> {
    if !is_callable(c) {
        return Ok(false);
    }
    if let Some((crate::interp::function::Callable::Bound(target, ..), _)) =
        c.as_object().and_then(callable)
    {
        return instance_of(interp, o, &Value::Object(target));
    }
    let Value::Object(mut o) = o.clone() else {
        return Ok(false);
    };
    let proto = props::get(interp, c, &PropertyKey::String(atoms::PROTOTYPE))?;
    let Value::Object(proto) = proto else {
        let s = super::console::inspect_short(&proto);
        return Err(interp.throw_type_error(&format!(
            "Function has non-object prototype '{s}' in instanceof check"
        )));
    };
    loop {
        match props::get_prototype_of(interp, &o)? {
            None => return Ok(false),
            Some(p) if JsObject::ptr_eq(&p, &proto) => return Ok(true),
            Some(p) => o = p,
        }
    }
}

/// InstanceofOperator(V, target) (ECMA-262 §13.10.2).
pub fn instance_of(interp: &mut Interp, v: &Value, target: &Value) -> JsResult<bool> {
    if !matches!(target, Value::Object(_)) {
        return Err(interp.throw_type_error("Right-hand side of 'instanceof' is not an object"));
    }
    let key = PropertyKey::Symbol(Symbol::well_known(WellKnown::HasInstance));
    let handler = props::get(interp, target, &key)?;
    if !handler.is_nullish() {
        if !is_callable(&handler) {
            return Err(interp.throw_type_error("Symbol.hasInstance is not a function"));
        }
        let r = interp.call(&handler, target.clone(), std::slice::from_ref(v))?;
        return Ok(r.to_boolean());
    }
    if !is_callable(target) {
        return Err(interp.throw_type_error("Right-hand side of 'instanceof' is not callable"));
    }
    ordinary_has_instance(interp, target, v)
}

/// The kind of function CreateDynamicFunction makes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DynamicKind {
    Normal,
    Generator,
    Async,
    AsyncGenerator,
}

/// The `Function` constructor: CreateDynamicFunction(constructor, newTarget, normal, args).
fn function_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    create_dynamic(interp, args, DynamicKind::Normal)
}

/// CreateDynamicFunction(constructor, newTarget, kind, args) (ECMA-262 §20.2.1.1.1): the
/// `Function`, `GeneratorFunction`, `AsyncFunction` and `AsyncGeneratorFunction` constructors.
/// Call it first thing from the native (it takes `interp.new_target`).
pub fn create_dynamic(interp: &mut Interp, args: &[Value], kind: DynamicKind) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let mut params = Vec::new();
    // Parameters are converted in order, then the body.
    let (last, ps) = match args.split_last() {
        Some((last, ps)) => (Some(last), ps),
        None => (None, &[][..]),
    };
    for p in ps {
        params.push(ops::to_string(interp, p)?.to_std_string_lossy());
    }
    let body = match last {
        Some(b) => ops::to_string(interp, b)?.to_std_string_lossy(),
        None => String::new(),
    };
    let prefix = match kind {
        DynamicKind::Normal => "function",
        DynamicKind::Generator => "function*",
        DynamicKind::Async => "async function",
        DynamicKind::AsyncGenerator => "async function*",
    };
    let source = format!(
        "{prefix} anonymous({}\n) {{\n{}\n}}",
        params.join(","),
        body
    );
    let f = create_dynamic_function(interp, &source)?;
    if let Some(nt) = nt {
        let default: fn(&crate::builtins::Intrinsics) -> &JsObject = match kind {
            DynamicKind::Normal => |i| &i.function_proto,
            DynamicKind::Generator => |i| &i.generator_function_proto,
            DynamicKind::Async => |i| &i.async_function_proto,
            DynamicKind::AsyncGenerator => |i| &i.async_generator_function_proto,
        };
        let proto = interp.get_prototype_from_constructor(&nt, default)?;
        f.borrow_mut().prototype = Some(proto);
    }
    Ok(Value::Object(f))
}

/// Parse `(source)` as a script whose only statement is the function expression, lower it and
/// close it over the global environment.
pub fn create_dynamic_function(interp: &mut Interp, source: &str) -> JsResult<JsObject> {
    let wrapped = format!("({source})");
    let program = match crate::parse(&wrapped, &Default::default()) {
        Ok(p) => p,
        Err(errors) => {
            let msg = errors
                .first()
                .map_or("Invalid function source".to_string(), |e| e.message.clone());
            let p = interp.intrinsics.syntax_error_proto.clone();
            return Err(interp.throw_error(p, &msg));
        }
    };
    // Exactly one expression statement that is the function itself: parameter or body text
    // that closes the function early (`a){}, function(b`) must not slip through.
    let single = program.body.len() == 1
        && matches!(&program.body[0].kind, crate::parser::ast::StmtKind::Expr { expr: e, .. }
            if matches!(&e.kind, crate::parser::ast::ExprKind::Paren(inner)
                if matches!(inner.kind, crate::parser::ast::ExprKind::Function(_))));
    if !single {
        let p = interp.intrinsics.syntax_error_proto.clone();
        return Err(interp.throw_error(p, "Unexpected token in function source"));
    }
    let script = match crate::lower::lower_script(&program) {
        Ok(s) => s,
        Err(e) => {
            let p = interp.intrinsics.syntax_error_proto.clone();
            return Err(interp.throw_error(p, &e.message));
        }
    };
    let Some(code) = find_function(&script.code.body.body) else {
        let p = interp.intrinsics.syntax_error_proto.clone();
        return Err(interp.throw_error(p, "Invalid function source"));
    };
    let f = interp.make_global_closure(&code);
    match f {
        Value::Object(o) => Ok(o),
        _ => unreachable!("make_closure returns a function object"),
    }
}

fn find_function(
    stmts: &[crate::lower::tree::Stmt],
) -> Option<std::rc::Rc<crate::lower::tree::Code>> {
    use crate::lower::tree::{Expr, Stmt};
    stmts.iter().find_map(|s| match s {
        Stmt::Expr(Expr::Function(code)) => Some(code.clone()),
        _ => None,
    })
}

/// %ThrowTypeError%: the poisoned `caller`/`arguments` accessor (frozen, anonymous).
fn throw_type_error_fn(interp: &mut Interp, _: &Value, _: &[Value]) -> JsResult<Value> {
    Err(interp.throw_type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
    ))
}

pub fn install(interp: &mut Interp) {
    let fproto = interp.intrinsics.function_proto.clone();
    props::define_builtin_prop(&fproto, atoms::LENGTH, Value::Number(0.0));
    props::define_builtin_prop(&fproto, atoms::NAME, Value::from(""));
    let fctor = native(interp, "Function", 1, function_ctor, true);
    props::define_prototype(&fctor, Value::Object(fproto.clone()));
    // Function.prototype is non-writable on the constructor.
    fctor.borrow_mut().properties.insert(
        PropertyKey::String(atoms::PROTOTYPE),
        Property::data(Value::Object(fproto.clone()), Attributes::NONE),
    );
    props::define_hidden(
        &fproto,
        PropertyKey::String(atoms::CONSTRUCTOR),
        Value::Object(fctor.clone()),
    );
    super::global_value(interp, "Function", Value::Object(fctor));
    super::method(interp, &fproto, "apply", 2, apply);
    super::method(interp, &fproto, "bind", 1, bind);
    super::method(interp, &fproto, "call", 1, call);
    super::method(interp, &fproto, "toString", 0, to_string);
    let hi = native(interp, "[Symbol.hasInstance]", 1, has_instance, false);
    fproto.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::HasInstance)),
        Property::data(Value::Object(hi), Attributes::NONE),
    );
    let thrower = native(interp, "", 0, throw_type_error_fn, false);
    for name in [atoms::LENGTH, atoms::NAME] {
        let v = thrower
            .get_own_data(&PropertyKey::String(name))
            .unwrap_or_default();
        thrower.borrow_mut().properties.insert(
            PropertyKey::String(name),
            Property::data(v, Attributes::NONE),
        );
    }
    thrower.borrow_mut().set_extensible(false);
    interp.intrinsics.throw_type_error = thrower.clone();
    for name in [atoms::CALLER, atoms::ARGUMENTS] {
        let desc = PropertyDescriptor {
            get: Some(Value::Object(thrower.clone())),
            set: Some(Value::Object(thrower.clone())),
            enumerable: Some(false),
            configurable: Some(true),
            ..Default::default()
        };
        props::validate_and_apply(None, true, &desc)
            .flatten()
            .into_iter()
            .for_each(|p| {
                fproto
                    .borrow_mut()
                    .properties
                    .insert(PropertyKey::String(name), p)
            });
    }
}
