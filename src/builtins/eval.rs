//! The global `eval` function (%eval%, ECMA-262 §19.2.1): called as a function it is an
//! indirect eval (PerformEval with direct = false): global scope, strict only if the eval code
//! says so. Direct eval (`eval(…)` calls whose callee is %eval%) never calls this native: the
//! evaluator recognises the call site (`interp::dynamic_scope`).

use super::{arg, native};
use crate::interp::{Interp, JsResult};
use crate::lower::build::eval::EvalContext;
use crate::value::Value;

fn eval(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    match arg(args, 0) {
        Value::String(s) => interp.perform_eval(&s, &EvalContext::global(), false),
        other => Ok(other),
    }
}

pub fn install(interp: &mut Interp) {
    let f = native(interp, "eval", 1, eval, false);
    interp.intrinsics.eval = f.clone();
    super::global_value(interp, "eval", Value::Object(f));
}
