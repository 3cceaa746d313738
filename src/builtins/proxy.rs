//! The `Proxy` constructor (ECMA-262 §28.2.1: requires `new`, `length` 2, no `prototype`
//! property) and `Proxy.revocable` (§28.2.2: a `{ proxy, revoke }` object whose revoke
//! function, `length` 0 and `name` "", clears both internal slots once).
//!
//! Not here: the proxy internal methods (`interp::proxy`).

use super::{arg, native, native_closure};
use crate::interp::function::{closure_slot, set_closure_slot};
use crate::interp::{props, proxy, Interp, JsResult};
use crate::value::{Atom, JsObject, PropertyKey, Value};

fn proxy_ctor(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    if interp.new_target.take().is_none() {
        return Err(interp.throw_type_error("Constructor Proxy requires 'new'"));
    }
    Ok(Value::Object(proxy::create(
        interp,
        &arg(args, 0),
        &arg(args, 1),
    )?))
}

/// The revoke function: slot 0 holds [[RevocableProxy]] (undefined once used).
fn revoker(interp: &mut Interp, callee: &JsObject, _: &Value, _: &[Value]) -> JsResult<Value> {
    let _ = interp;
    if let Value::Object(p) = closure_slot(callee, 0) {
        set_closure_slot(callee, 0, Value::Undefined);
        proxy::revoke(&p);
    }
    Ok(Value::Undefined)
}

fn revocable(interp: &mut Interp, _: &Value, args: &[Value]) -> JsResult<Value> {
    let p = proxy::create(interp, &arg(args, 0), &arg(args, 1))?;
    let revoke = native_closure(interp, "", 0, revoker, vec![Value::Object(p.clone())]);
    let result = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    props::create_data_property_or_throw(
        interp,
        &result,
        PropertyKey::String(Atom::intern_str("proxy")),
        Value::Object(p),
    )?;
    props::create_data_property_or_throw(
        interp,
        &result,
        PropertyKey::String(Atom::intern_str("revoke")),
        Value::Object(revoke),
    )?;
    Ok(Value::Object(result))
}

pub fn install(interp: &mut Interp) {
    let ctor = native(interp, "Proxy", 2, proxy_ctor, true);
    super::method(interp, &ctor, "revocable", 2, revocable);
    super::global_value(interp, "Proxy", Value::Object(ctor));
}
