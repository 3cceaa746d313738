//! The `arguments` object made at function entry: CreateUnmappedArgumentsObject and
//! CreateMappedArgumentsObject (ECMA-262 §10.4.4).
//!
//! A sloppy function with a simple parameter list that uses `arguments` has its parameters in
//! its own environment record (scope analysis marks them captured), so the object's
//! [[ParameterMap]] is that record plus, per mapped index, the parameter's slot
//! ([`MappedParams`]). The exotic internal methods consult the map in `interp::props`
//! (`own`/`set_impl`/`define_own_property`/`delete`) and `ObjectData::get_own_property`.
//! Functions that do not use `arguments` pay nothing: no object, parameters stay in registers.
//!
//! Not here: the `arguments` binding itself (lowering), `Function.prototype.arguments`.

use super::function::Env;
use super::{props, Interp};
use crate::lower::tree::{Code, Place};
use crate::value::gc::{custom_trace, Finalize, Gc, Trace};
use crate::value::object::{ObjectKind, ParameterMap};
use crate::value::{atoms, Attributes, JsObject, Property, PropertyKey, Symbol, Value, WellKnown};

/// [[ParameterMap]]: index `i` aliases slot `slots[i]` of the callee's own record while `Some`.
pub struct MappedParams {
    env: Gc<Env>,
    slots: Box<[Option<u32>]>,
}

impl MappedParams {
    fn slot(&self, index: u32) -> Option<usize> {
        self.slots
            .get(index as usize)
            .copied()
            .flatten()
            .map(|s| s as usize)
    }
}

impl ParameterMap for MappedParams {
    fn get(&self, index: u32) -> Option<Value> {
        let s = self.slot(index)?;
        self.env.try_get(s)
    }

    fn set(&self, index: u32, v: Value) -> bool {
        let Some(s) = self.slot(index) else {
            return false;
        };
        self.env.try_set(s, v);
        true
    }

    fn unmap(&mut self, index: u32) {
        if let Some(s) = self.slots.get_mut(index as usize) {
            *s = None;
        }
    }

    fn is_mapped(&self, index: u32) -> bool {
        self.slot(index).is_some()
    }
}

impl Finalize for MappedParams {}
// SAFETY: the record is the only GC pointer held.
unsafe impl Trace for MappedParams {
    custom_trace!(this, mark, mark(&this.env));
}

/// The parameter map of a call of `code` with `argc` arguments, when it has one: sloppy code
/// with simple parameters, each parameter in a slot of the function's own record (`env`).
/// Of duplicate parameter names only the last is mapped (§10.4.4.7 step 15 walks backwards),
/// and only indices below `argc`.
fn parameter_map(code: &Code, env: Option<&Gc<Env>>, argc: usize) -> Option<MappedParams> {
    if code.strict || code.param_init.is_some() {
        return None;
    }
    let env = env?;
    let n = argc.min(code.params.len());
    let mut any = false;
    let slots: Box<[Option<u32>]> = (0..n)
        .map(|i| match code.params[i] {
            Place::Env { hops: 0, slot } if !code.params[i + 1..].contains(&code.params[i]) => {
                any = true;
                Some(slot)
            }
            _ => None,
        })
        .collect();
    any.then(|| MappedParams {
        env: env.clone(),
        slots,
    })
}

/// Create the arguments object of the running call of `code` (the callee `me`), after its
/// parameters are bound.
pub(super) fn create(
    interp: &mut Interp,
    code: &Code,
    args: &[Value],
    me: Option<&JsObject>,
) -> JsObject {
    let map = parameter_map(code, interp.env.as_ref(), args.len());
    let obj = interp.new_array(args.to_vec());
    {
        let mut data = obj.borrow_mut();
        data.kind =
            ObjectKind::Arguments(map.map(|m| Box::new(Box::new(m) as Box<dyn ParameterMap>)));
        data.prototype = Some(interp.intrinsics.object_proto.clone());
    }
    props::define_hidden(
        &obj,
        PropertyKey::String(atoms::LENGTH),
        Value::Number(args.len() as f64),
    );
    // Both kinds: @@iterator is %Array.prototype.values% (steps 7 / 21).
    props::define_hidden(
        &obj,
        PropertyKey::Symbol(Symbol::well_known(WellKnown::Iterator)),
        Value::Object(interp.intrinsics.array_proto_values.clone()),
    );
    let callee = PropertyKey::String(atoms::CALLEE);
    if code.strict || code.param_init.is_some() {
        // CreateUnmappedArgumentsObject step 8: `callee` is poisoned.
        let thrower = interp.intrinsics.throw_type_error.clone();
        obj.borrow_mut().properties.insert(
            callee,
            Property::accessor(Some(thrower.clone()), Some(thrower), Attributes::NONE),
        );
    } else if let Some(f) = me {
        // CreateMappedArgumentsObject step 20.
        props::define_hidden(&obj, callee, Value::Object(f.clone()));
    }
    obj
}
