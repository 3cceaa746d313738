//! Host functions: Rust closures callable from JS. A closure with typed parameters
//! (`|a: f64, b: f64| a + b`) becomes a JS function whose arguments are converted with
//! [`FromJs`] (a wrong type throws a `TypeError` naming the function and the argument) and whose
//! result goes back through [`IntoJs`] (`Err` throws an `Error`). Async closures return a
//! promise settled from the runtime's host-completion queue. Host classes wrap a Rust value in
//! a JS object whose methods borrow it mutably.
//!
//! How a call reaches the closure: the JS function is a native closure (`builtins::native_closure`)
//! whose slot 0 holds a small host object carrying the type-erased closure (`Rc<RawFn>`); the
//! trampoline fetches it, runs it, and turns an [`Error`] into a JS exception. Nothing here
//! holds a GC value outside the heap except what the closure itself captures.
//!
//! Not here: registering names on the global object (`Runtime`), polling futures (`Runtime`).

use super::convert::{FromJs, IntoJs};
use super::error::Error;
use crate::interp::function::{closure_slot, FunctionData};
use crate::interp::{Interp, JsResult, Throw};
use crate::value::gc::{empty_trace, Finalize, Trace};
use crate::value::object::{ObjectKind, ObjectPayload};
use crate::value::{JsObject, Value};
use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A type-erased host function: the engine, `this`, the arguments.
pub type RawFn = dyn Fn(&mut Interp, &Value, &[Value]) -> Result<Value, Error>;

/// What an async host function's future yields: a conversion to run on the engine thread.
pub(crate) type Settle = Box<dyn FnOnce(&mut Interp) -> Result<Value, Error>>;
/// An async host function's future, boxed.
pub(crate) type HostFuture = Pin<Box<dyn Future<Output = Settle>>>;
/// A type-erased host class constructor: the engine and the arguments, to the Rust value.
pub type RawCtor<T> = dyn Fn(&mut Interp, &[Value]) -> Result<T, Error>;

/// A type-erased async host function: converts the arguments and starts the future.
pub(crate) type RawAsyncFn = dyn Fn(&mut Interp, &[Value]) -> Result<HostFuture, Error>;

/// The payload carrying a host closure (no GC content: a closure capturing JS values keeps
/// them alive as roots, it never makes them dangle).
struct HostFnData(Rc<RawFn>);

impl Finalize for HostFnData {}
// SAFETY: holds no GC pointer the collector must see (see the type's docs).
unsafe impl Trace for HostFnData {
    empty_trace!();
}

impl ObjectPayload for HostFnData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// A Rust value carried inside a JS object (a host class instance, `Runtime::wrap`).
pub(crate) struct HostValue {
    pub(crate) value: Rc<dyn Any>,
}

impl Finalize for HostValue {}
// SAFETY: as for `HostFnData`.
unsafe impl Trace for HostValue {
    empty_trace!();
}

impl ObjectPayload for HostValue {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// Turn a host error into a JS exception (a termination in progress passes through).
pub(crate) fn throw(cx: &mut Interp, e: Error) -> Throw {
    if cx.interrupted() {
        return Throw;
    }
    match e {
        Error::Type(m) => cx.throw_type_error(&m),
        Error::Host(m) => {
            let p = cx.intrinsics.error_proto.clone();
            cx.throw_error(p, &m)
        }
        Error::Uncaught(js) | Error::Syntax(js) | Error::UnhandledRejection(js) => {
            // The very value the error reports, while the runtime holds it.
            if let Some(t) = js.exception.and_then(|r| super::runtime::rethrow(cx, r)) {
                return t;
            }
            let i = &cx.intrinsics;
            let p = match js.name.as_str() {
                "TypeError" => i.type_error_proto.clone(),
                "RangeError" => i.range_error_proto.clone(),
                "SyntaxError" => i.syntax_error_proto.clone(),
                "ReferenceError" => i.reference_error_proto.clone(),
                _ => i.error_proto.clone(),
            };
            cx.throw_error(p, &js.message)
        }
        Error::Limit(_) => {
            // A limit reported by a nested runtime call: keep ending the script.
            cx.terminate(crate::interp::limits::LimitKind::Interrupted)
        }
    }
}

/// An `Error` value for a host error (the rejection reason of an async host function).
pub(crate) fn error_value(cx: &mut Interp, e: Error) -> Value {
    let _ = throw(cx, e);
    std::mem::take(&mut cx.exception)
}

fn host_trampoline(
    cx: &mut Interp,
    callee: &JsObject,
    this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let Some(f) = raw_of(callee) else {
        return Err(cx.throw_type_error("not a host function"));
    };
    f(cx, this, args).map_err(|e| throw(cx, e))
}

fn raw_of(callee: &JsObject) -> Option<Rc<RawFn>> {
    let Value::Object(holder) = closure_slot(callee, 0) else {
        return None;
    };
    let data = holder.borrow();
    match &data.kind {
        ObjectKind::Host(p) => p.as_any().downcast_ref::<HostFnData>().map(|h| h.0.clone()),
        _ => None,
    }
}

/// A JS function object calling `f`.
pub(crate) fn make_function(
    cx: &Interp,
    name: &str,
    length: u32,
    f: Rc<RawFn>,
    ctor: bool,
) -> JsObject {
    let holder = JsObject::new(
        None,
        ObjectKind::Host(crate::value::object::PayloadBox::new(HostFnData(f))),
    );
    let func = crate::builtins::native_closure(
        cx,
        name,
        length,
        host_trampoline,
        vec![Value::Object(holder)],
    );
    if ctor {
        let mut data = func.borrow_mut();
        // A one-slot native closure is never a constructor: give it a slot vector.
        if let ObjectKind::NativeClosureObj(f, slot) = &data.kind {
            let slot = slot.clone().map_or(Value::Undefined, Value::Object);
            data.kind = ObjectKind::Function(Box::new(FunctionData::NativeClosure {
                f: *f,
                slots: vec![slot].into_boxed_slice(),
                is_constructor: true,
            }));
        }
        if let ObjectKind::Function(p) = &mut data.kind {
            // A one-slot native closure is never a constructor: give it a slot vector.
            if let FunctionData::NativeClosure1 { f, slot } = &**p {
                let slots = vec![slot.clone()].into_boxed_slice();
                **p = FunctionData::NativeClosure {
                    f: *f,
                    slots,
                    is_constructor: true,
                };
            } else if let FunctionData::NativeClosure { is_constructor, .. } = &mut **p {
                *is_constructor = true;
            }
        }
    }
    func
}

#[inline]
fn arg<T: FromJs>(cx: &mut Interp, args: &[Value], i: usize, name: &str) -> Result<T, Error> {
    const UNDEFINED: Value = Value::Undefined;
    let v = args.get(i).unwrap_or(&UNDEFINED);
    T::from_js(cx, v).map_err(|e| match e {
        Error::Type(m) => Error::Type(format!("{name}: argument {}: {m}", i + 1)),
        other => other,
    })
}

/// Closures usable as host functions: `Fn(A1, …, An) -> R` for up to 6 parameters, each
/// `FromJs`, `R: IntoJs`. Implemented for you; see `Runtime::register_fn`.
pub trait IntoHostFn<Args>: 'static {
    /// The function's `length`.
    const LENGTH: u32;
    /// The type-erased form (`name` is used in argument errors).
    fn into_raw(self, name: Rc<str>) -> Rc<RawFn>;
}

/// Closures usable as async host functions: `Fn(A1, …, An) -> Fut` with
/// `Fut: Future<Output = R>`, `R: IntoJs` (an `Err` rejects). See `Runtime::register_async_fn`.
pub trait IntoAsyncHostFn<Args>: 'static {
    /// The function's `length`.
    const LENGTH: u32;
    #[doc(hidden)]
    fn into_raw_async(self, name: Rc<str>) -> Rc<RawAsyncFn>;
}

/// Methods of a host class over `T`: `Fn(&mut T, A1, …, An) -> R` for up to 5 parameters.
/// See `ClassBuilder::method`.
pub trait IntoHostMethod<T, Args>: 'static {
    /// The method's `length`.
    const LENGTH: u32;
    #[doc(hidden)]
    fn into_raw_method(self, name: Rc<str>) -> Rc<RawFn>;
}

/// Constructors of a host class producing `T`: `Fn(A1, …, An) -> T`. See
/// `ClassBuilder::constructor`.
pub trait IntoHostCtor<T, Args>: 'static {
    /// The constructor's `length`.
    const LENGTH: u32;
    #[doc(hidden)]
    fn into_raw_ctor(self, name: Rc<str>) -> Rc<RawCtor<T>>;
}

/// The Rust value inside a host object, shared: `HostRef<T>` as a host function parameter
/// accepts only objects carrying a `T` (from a host class or `Runtime::wrap`).
pub struct HostRef<T: 'static>(pub Rc<RefCell<T>>);

impl<T: 'static> Clone for HostRef<T> {
    fn clone(&self) -> Self {
        HostRef(self.0.clone())
    }
}

impl<T: 'static> FromJs for HostRef<T> {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        host_value::<T>(v).map(HostRef).ok_or_else(|| {
            Error::Type(format!(
                "expected a {} host object, got {}",
                short_type_name::<T>(),
                super::convert::type_name(v)
            ))
        })
    }
}

pub(crate) fn short_type_name<T>() -> &'static str {
    let n = std::any::type_name::<T>();
    n.rsplit("::").next().unwrap_or(n)
}

/// The `T` a host object carries, if it is one.
pub(crate) fn host_value<T: 'static>(v: &Value) -> Option<Rc<RefCell<T>>> {
    let Value::Object(o) = v else {
        return None;
    };
    let data = o.borrow();
    let ObjectKind::Host(p) = &data.kind else {
        return None;
    };
    let hv = p.as_any().downcast_ref::<HostValue>()?;
    hv.value.clone().downcast::<RefCell<T>>().ok()
}

/// A new object carrying `value`, with prototype `proto`.
pub(crate) fn wrap_value<T: 'static>(proto: JsObject, value: T) -> JsObject {
    JsObject::new(
        Some(proto),
        ObjectKind::Host(crate::value::object::PayloadBox::new(HostValue {
            value: Rc::new(RefCell::new(value)),
        })),
    )
}

macro_rules! arities {
    ($n:expr; $($a:ident $i:tt),*) => {
        #[allow(non_snake_case, unused_variables, unused_mut)]
        impl<F, R, $($a,)*> IntoHostFn<($($a,)*)> for F
        where
            F: Fn($($a),*) -> R + 'static,
            R: IntoJs,
            $($a: FromJs,)*
        {
            const LENGTH: u32 = $n;
            fn into_raw(self, name: Rc<str>) -> Rc<RawFn> {
                Rc::new(move |cx: &mut Interp, _this: &Value, args: &[Value]| {
                    $(let $a = arg::<$a>(cx, args, $i, &name)?;)*
                    (self)($($a),*).into_js(cx)
                })
            }
        }

        #[allow(non_snake_case, unused_variables, unused_mut)]
        impl<F, Fut, R, $($a,)*> IntoAsyncHostFn<($($a,)*)> for F
        where
            F: Fn($($a),*) -> Fut + 'static,
            Fut: Future<Output = R> + 'static,
            R: IntoJs + 'static,
            $($a: FromJs,)*
        {
            const LENGTH: u32 = $n;
            fn into_raw_async(self, name: Rc<str>) -> Rc<RawAsyncFn> {
                Rc::new(move |cx: &mut Interp, args: &[Value]| {
                    $(let $a = arg::<$a>(cx, args, $i, &name)?;)*
                    let fut = (self)($($a),*);
                    Ok(Box::pin(async move {
                        let r = fut.await;
                        Box::new(move |cx: &mut Interp| r.into_js(cx)) as Settle
                    }) as HostFuture)
                })
            }
        }

        #[allow(non_snake_case, unused_variables, unused_mut)]
        impl<F, T, $($a,)*> IntoHostCtor<T, ($($a,)*)> for F
        where
            F: Fn($($a),*) -> T + 'static,
            T: 'static,
            $($a: FromJs,)*
        {
            const LENGTH: u32 = $n;
            fn into_raw_ctor(self, name: Rc<str>) -> Rc<RawCtor<T>> {
                Rc::new(move |cx: &mut Interp, args: &[Value]| {
                    $(let $a = arg::<$a>(cx, args, $i, &name)?;)*
                    Ok((self)($($a),*))
                })
            }
        }
    };
}

arities!(0;);
arities!(1; A1 0);
arities!(2; A1 0, A2 1);
arities!(3; A1 0, A2 1, A3 2);
arities!(4; A1 0, A2 1, A3 2, A4 3);
arities!(5; A1 0, A2 1, A3 2, A4 3, A5 4);
arities!(6; A1 0, A2 1, A3 2, A4 3, A5 4, A6 5);

macro_rules! method_arities {
    ($n:expr; $($a:ident $i:tt),*) => {
        #[allow(non_snake_case, unused_variables, unused_mut)]
        impl<F, T, R, $($a,)*> IntoHostMethod<T, ($($a,)*)> for F
        where
            F: Fn(&mut T, $($a),*) -> R + 'static,
            T: 'static,
            R: IntoJs,
            $($a: FromJs,)*
        {
            const LENGTH: u32 = $n;
            fn into_raw_method(self, name: Rc<str>) -> Rc<RawFn> {
                Rc::new(move |cx: &mut Interp, this: &Value, args: &[Value]| {
                    let Some(cell) = host_value::<T>(this) else {
                        return Err(Error::Type(format!(
                            "{name} called on an object that is not a {}",
                            short_type_name::<T>()
                        )));
                    };
                    $(let $a = arg::<$a>(cx, args, $i, &name)?;)*
                    // The method cannot run JS (it gets no engine), so this borrow cannot be
                    // re-entered; conversions ran before it.
                    let r = {
                        let mut t = cell.borrow_mut();
                        (self)(&mut t, $($a),*)
                    };
                    r.into_js(cx)
                })
            }
        }
    };
}

method_arities!(0;);
method_arities!(1; A1 0);
method_arities!(2; A1 0, A2 1);
method_arities!(3; A1 0, A2 1, A3 2);
method_arities!(4; A1 0, A2 1, A3 2, A4 3);
method_arities!(5; A1 0, A2 1, A3 2, A4 3, A5 4);
