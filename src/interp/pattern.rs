//! Running patterns and targets: destructuring (declarations, parameters, assignment, catch,
//! for-in/of heads) per ECMA-262 BindingInitialization / DestructuringAssignmentEvaluation,
//! including iterator closing when an array pattern completes early or abruptly, and the
//! parameter prologue of functions with defaults/rest/destructuring.
//!
//! Not here: lowering (`lower::build::pattern`), the iteration protocol itself (`iter`).

use super::iter::{self, IteratorRecord};
use super::{ops, props, Interp, JsResult, Throw};
use crate::lower::tree::*;
use crate::value::{JsObject, PropertyKey, Value};

/// A target whose reference (object and key) has been evaluated, waiting for its value.
/// A computed key's value is converted by ToPropertyKey only when the value is put (the
/// order test262's `*-property-reference-target-evaluation-order` tests check).
enum Ref<'t> {
    Target(&'t Target),
    Member(Value, Result<PropertyKey, Value>),
    /// A name reached through `with`/eval scopes, resolved before the value is read
    /// (ResolveBinding precedes GetV in KeyedBindingInitialization).
    Dynamic(&'t GlobalRef, super::dynamic_scope::DynTarget),
}

impl Interp {
    /// Evaluate a target's reference part (for member targets: object, then key).
    fn target_ref<'t>(&mut self, t: &'t Target) -> JsResult<Ref<'t>> {
        match t {
            Target::Member { object, key } => {
                let o = self.expr(object)?;
                let k = match key {
                    Key::Computed(e) => Err(self.expr(e)?),
                    k => Ok(self.key(k)?),
                };
                Ok(Ref::Member(o, k))
            }
            Target::Global(g) => match &g.dynamic {
                Some(d) => Ok(Ref::Dynamic(g, self.dyn_resolve(g, d)?)),
                None => Ok(Ref::Target(t)),
            },
            _ => Ok(Ref::Target(t)),
        }
    }

    fn put_ref(&mut self, r: Ref<'_>, v: Value) -> JsResult<()> {
        match r {
            Ref::Member(o, k) => {
                let k = match k {
                    Ok(k) => k,
                    Err(kv) => ops::to_property_key(self, &kv)?,
                };
                self.put_member(&o, k, v)
            }
            Ref::Target(t) => self.bind_target(t, v),
            Ref::Dynamic(g, target) => self.dyn_put(target, g, v),
        }
    }

    /// Assign or initialise `t` with `v`.
    pub(crate) fn bind_target(&mut self, t: &Target, v: Value) -> JsResult<()> {
        match t {
            Target::Place { place, check, tdz } => {
                if let Some(name) = tdz {
                    let current = self.read_place(*place, None)?;
                    if self.is_uninit(&current) {
                        let msg = format!(
                            "Cannot access '{}' before initialization",
                            name.to_js_string()
                        );
                        return Err(self.throw_reference_error(&msg));
                    }
                }
                match check {
                    Some(ConstCheck::Throw | ConstCheck::ThrowAfterTdz(_)) => {
                        return Err(self.throw_type_error("Assignment to constant variable."))
                    }
                    Some(ConstCheck::Ignore) => return Ok(()),
                    Some(ConstCheck::Initialized | ConstCheck::Tdz(_)) | None => {}
                }
                self.write_place(*place, v);
                Ok(())
            }
            Target::Global(g) => self.set_global(g, v),
            Target::GlobalLexInit(name) => {
                self.init_global_lex(*name, v);
                Ok(())
            }
            Target::Member { .. } => {
                let r = self.target_ref(t)?;
                self.put_ref(r, v)
            }
            Target::Pattern(p) => self.destructure(p, v),
        }
    }

    /// A pattern element: reference first, then the value (default when undefined).
    fn bind_elem_value(&mut self, r: Ref<'_>, elem: &PatElem, v: Value) -> JsResult<()> {
        let v = match (&elem.default, v) {
            (Some(d), Value::Undefined) => self.expr(d)?,
            (_, v) => v,
        };
        self.put_ref(r, v)
    }

    pub(crate) fn destructure(&mut self, p: &Pattern, v: Value) -> JsResult<()> {
        match p {
            Pattern::Object { props: ps, rest } => {
                if v.is_nullish() {
                    let what = if v.is_undefined() {
                        "undefined"
                    } else {
                        "null"
                    };
                    let msg = format!("Cannot destructure '{what}' as it is {what}.");
                    return Err(self.throw_type_error(&msg));
                }
                let mut used: Vec<PropertyKey> = Vec::new();
                for (key, elem) in ps.iter() {
                    let k = self.key(key)?;
                    let r = self.target_ref(&elem.target)?;
                    let x = self.get_member(&v, &k)?;
                    if rest.is_some() {
                        used.push(k);
                    }
                    self.bind_elem_value(r, elem, x)?;
                }
                if let Some(rest) = rest {
                    let r = self.target_ref(rest)?;
                    let obj = JsObject::ordinary(Some(self.intrinsics.object_proto.clone()));
                    copy_except(self, &obj, &v, &used)?;
                    self.put_ref(r, Value::Object(obj))?;
                }
                Ok(())
            }
            Pattern::Array { elems, rest } => {
                let mut rec = iter::get_iterator(self, &v)?;
                let result = self.array_pattern(&mut rec, elems, rest.as_ref());
                match result {
                    Ok(()) if !rec.done => iter::close(self, &rec, false),
                    Ok(()) => Ok(()),
                    Err(Throw) if !rec.done => iter::close(self, &rec, true),
                    Err(t) => Err(t),
                }
            }
        }
    }

    fn array_pattern(
        &mut self,
        rec: &mut IteratorRecord,
        elems: &[Option<PatElem>],
        rest: Option<&Target>,
    ) -> JsResult<()> {
        for e in elems.iter() {
            match e {
                None => {
                    iter::step_value(self, rec)?;
                }
                Some(elem) => {
                    let r = self.target_ref(&elem.target)?;
                    let x = iter::step_value(self, rec)?.unwrap_or_default();
                    self.bind_elem_value(r, elem, x)?;
                }
            }
        }
        if let Some(rest) = rest {
            let r = self.target_ref(rest)?;
            let mut items = Vec::new();
            while let Some(x) = iter::step_value(self, rec)? {
                items.push(x);
            }
            let arr = self.new_array(items);
            self.put_ref(r, Value::Object(arr))?;
        }
        Ok(())
    }

    /// The prologue of a function with a non-simple parameter list.
    pub(crate) fn bind_params(&mut self, init: &ParamInit, args: Vec<Value>) -> JsResult<()> {
        let n = init.params.len();
        let mut args = args.into_iter();
        for elem in init.params.iter() {
            let v = args.next().unwrap_or_default();
            self.bind_elem_value(Ref::Target(&elem.target), elem, v)?;
        }
        if let Some(rest) = &init.rest {
            let _ = n;
            let arr = self.new_array(args.collect());
            self.bind_target(rest, Value::Object(arr))?;
        }
        Ok(())
    }
}

/// CopyDataProperties(target, source, excluded): the object rest element.
pub(crate) fn copy_except(
    interp: &mut Interp,
    target: &JsObject,
    src: &Value,
    excluded: &[PropertyKey],
) -> JsResult<()> {
    let src_obj = match src {
        Value::Object(o) => o.clone(),
        v => ops::to_object(interp, v)?,
    };
    let keys = props::own_property_keys(interp, &src_obj)?;
    for key in keys {
        if excluded.contains(&key) {
            continue;
        }
        let enumerable =
            props::get_own_property(interp, &src_obj, &key)?.is_some_and(|p| p.attrs.enumerable());
        if enumerable {
            let v = props::get(interp, &Value::Object(src_obj.clone()), &key)?;
            props::define_data(target, key, v);
        }
    }
    Ok(())
}
