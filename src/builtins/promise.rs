//! `Promise` (ECMA-262 §27.2) and `AggregateError` (§20.5.7), with the abstract operations by
//! their spec names: CreateResolvingFunctions, NewPromiseCapability, PerformPromiseThen,
//! TriggerPromiseReactions (through the promise core), NewPromiseReactionJob,
//! NewPromiseResolveThenableJob, PromiseResolve, GetPromiseResolve, SpeciesConstructor, and the
//! combinators' PerformPromiseAll/AllSettled/Any/Race (one implementation with a mode).
//!
//! **Engine API** (stable; used by async functions/generators, the event loop and the embedding
//! API): [`new_promise`], [`resolve_promise`], [`reject_promise`], [`promise_resolve`],
//! [`perform_promise_then`], [`await_value`], [`new_promise_capability`],
//! [`run_reaction_job`], [`run_thenable_job`].
//!
//! Speed decisions (the job path is hot): a `then` whose species constructor is the intrinsic
//! %Promise% gets a `ReactionCapability::Intrinsic` — its resolving functions would be
//! unobservable, so none are allocated and the reaction job resolves the derived promise
//! directly. Resolving functions share `[[AlreadyResolved]]` without a record object: each holds
//! the promise and its partner in its slots, and the first call clears the promise slot of both.
//!
//! Not here: running the queues (`crate::event_loop`), `await`'s suspension (the async state
//! machine), console formatting of promises (`console.rs`).

use super::{arg, native, native_closure};
use crate::interp::function::{
    closure_slot, is_callable, set_closure_slot, FunctionData, NativeFn,
};
use crate::interp::{iter, ops, props, Interp, JsResult, Throw};
use crate::jobs::{Job, Origin};
use crate::lower::tree::Code;
use crate::value::gc::{custom_trace, Finalize, Trace};
use crate::value::object::{
    ObjectKind, ObjectPayload, PromiseCapability, PromiseData, PromiseReaction, PromiseState,
    ReactionCapability, ReactionJob, ReactionKind, Reactions,
};
use crate::value::promise::{self as core, Effects, RejectionEvent};
use crate::value::property::{Attributes, Property};
use crate::value::{atoms, Atom, JsObject, PropertyKey, Symbol, Value, WellKnown};
use std::any::Any;
use std::rc::Rc;

// ───────────── engine API ─────────────

/// A new pending promise with %Promise.prototype% (what `then`, async functions and host
/// operations create).
pub fn new_promise(interp: &Interp) -> JsObject {
    core::new_promise(Some(interp.intrinsics.promise_proto.clone()))
}

/// Is `v` a promise object (IsPromise)?
pub fn is_promise(v: &Value) -> bool {
    matches!(v, Value::Object(o) if core::is_promise(o))
}

/// Enqueue the jobs a state change produced and report HostPromiseRejectionTracker events.
fn apply(interp: &mut Interp, effects: Effects) {
    for job in effects.jobs {
        interp.enqueue_job(Job::Reaction(job));
    }
    if let Some(RejectionEvent::Rejected(p)) = effects.rejection {
        // "handle" needs no bookkeeping: the check looks at [[PromiseIsHandled]] itself.
        interp.queues.track_rejection(p);
    }
}

/// FulfillPromise(promise, value) + TriggerPromiseReactions: each pending reaction becomes a
/// job, enqueued straight from the reaction list.
pub fn fulfill_promise(interp: &mut Interp, promise: &JsObject, value: Value) {
    let reactions = {
        let mut data = promise.borrow_mut();
        let ObjectKind::Promise(p) = &mut data.kind else {
            return;
        };
        p.settle_reactions(PromiseState::Fulfilled(value.clone()))
    };
    if let Reactions::One(reaction) = reactions {
        // The usual single `then`/`await`: the value moves into its job.
        interp.enqueue_job(Job::Reaction(ReactionJob {
            reaction,
            kind: ReactionKind::Fulfill,
            argument: value,
        }));
        return;
    }
    for reaction in reactions {
        interp.enqueue_job(Job::Reaction(ReactionJob {
            reaction,
            kind: ReactionKind::Fulfill,
            argument: value.clone(),
        }));
    }
}

/// RejectPromise(promise, reason).
pub fn reject_promise(interp: &mut Interp, promise: &JsObject, reason: Value) {
    let effects = core::reject_promise(promise, reason);
    apply(interp, effects);
}

/// The steps of a promise resolve function after the `[[AlreadyResolved]]` check
/// (§27.2.1.3.2 steps 7–16): self-resolution is a TypeError, a non-thenable fulfils, a thenable
/// is adopted through a NewPromiseResolveThenableJob. Never throws: an abrupt `Get(then)`
/// rejects the promise.
pub fn resolve_promise(interp: &mut Interp, promise: &JsObject, resolution: Value) {
    let Value::Object(obj) = &resolution else {
        return fulfill_promise(interp, promise, resolution);
    };
    if JsObject::ptr_eq(obj, promise) {
        let err = self_resolution_error(interp);
        return reject_promise(interp, promise, err);
    }
    let then = match props::get(interp, &resolution, &PropertyKey::String(atoms::THEN)) {
        Ok(t) => t,
        Err(Throw) => {
            let e = std::mem::take(&mut interp.exception);
            return reject_promise(interp, promise, e);
        }
    };
    match then {
        Value::Object(then) if then.borrow().kind.is_callable() => {
            let origin = Origin(interp.call_pos);
            interp.enqueue_job(Job::ResolveThenable {
                promise: promise.clone(),
                thenable: resolution,
                then,
                origin,
            });
        }
        _ => fulfill_promise(interp, promise, resolution),
    }
}

fn self_resolution_error(interp: &mut Interp) -> Value {
    let proto = interp.intrinsics.type_error_proto.clone();
    Value::Object(super::error::make_error(
        interp,
        proto,
        "Chaining cycle detected for promise #<Promise>",
    ))
}

/// PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability): non-callable
/// handlers become empty; settled promises enqueue their reaction job at once.
/// `ReactionCapability::None` is `await`'s undefined capability (its jobs trace as
/// "await-resume").
pub fn perform_promise_then(
    interp: &mut Interp,
    promise: &JsObject,
    on_fulfilled: &Value,
    on_rejected: &Value,
    capability: ReactionCapability,
) {
    let callable = |v: &Value| match v {
        Value::Object(o) if o.borrow().kind.is_callable() => Some(o.clone()),
        _ => None,
    };
    let effects = core::perform_promise_then(
        promise,
        callable(on_fulfilled),
        callable(on_rejected),
        capability,
        interp.call_pos,
    );
    apply(interp, effects);
}

/// `Await(value)` up to the suspension (§27.7.5.3 steps 2–9): PromiseResolve(%Promise%, value),
/// then PerformPromiseThen(promise, onFulfilled, onRejected, undefined). The async function's
/// state machine suspends after this returns; one of the two handlers is later called, from a
/// job of kind "await-resume", with the value or the reason. The handlers are never observable
/// to JS, so an async call may reuse one pair for all its awaits. Throws only if
/// PromiseResolve does (a getter on a promise's `constructor`).
pub fn await_value(
    interp: &mut Interp,
    value: Value,
    on_fulfilled: &JsObject,
    on_rejected: &JsObject,
) -> JsResult<()> {
    let promise = promise_resolve_intrinsic(interp, value)?;
    let effects = core::perform_promise_then(
        &promise,
        Some(on_fulfilled.clone()),
        Some(on_rejected.clone()),
        ReactionCapability::None,
        interp.call_pos,
    );
    apply(interp, effects);
    Ok(())
}

/// `Await(value)` of an async function or async generator whose suspended call is `state`
/// (§27.7.5.3 steps 2–9): PromiseResolve(%Promise%, value), then PerformPromiseThen with the
/// spec's onFulfilled/onRejected closures represented by `ReactionCapability::Await(state)`
/// (no function objects: they are unobservable). The job resumes the call with the value or
/// the reason. Throws only if PromiseResolve does.
pub fn await_resuming(interp: &mut Interp, value: Value, state: &JsObject) -> JsResult<()> {
    if !matches!(value, Value::Object(_)) {
        // Await of a primitive (`await i`, an async generator's `yield 1`): PromiseResolve
        // makes a new promise fulfilled with it (no lookup: a primitive is not a thenable) and
        // PerformPromiseThen on that fulfilled promise enqueues the reaction job at once. The
        // promise is unreachable from JS, so the job is enqueued directly: the same job in the
        // same place of the queue, without allocating the promise.
        interp.enqueue_job(Job::Reaction(ReactionJob {
            reaction: PromiseReaction::new(
                ReactionCapability::Await(state.clone()),
                None,
                None,
                interp.call_pos,
            ),
            kind: ReactionKind::Fulfill,
            argument: value,
        }));
        return Ok(());
    }
    if let Value::Object(o) = &value {
        if is_unchanged_intrinsic_promise(interp, o) {
            // PromiseResolve returns the promise itself; PerformPromiseThen without the
            // effects list: a pending promise stores the reaction, a settled one gives its job
            // (a "handle" tracker event needs no bookkeeping, see `apply`).
            let reaction = PromiseReaction::new(
                ReactionCapability::Await(state.clone()),
                None,
                None,
                interp.call_pos,
            );
            let job = {
                let mut data = o.borrow_mut();
                match &mut data.kind {
                    ObjectKind::Promise(p) => p.add_reactions(reaction).0,
                    _ => None,
                }
            };
            if let Some(job) = job {
                interp.enqueue_job(Job::Reaction(job));
            }
            return Ok(());
        }
    }
    let promise = promise_resolve_intrinsic(interp, value)?;
    let effects = core::perform_promise_then(
        &promise,
        None,
        None,
        ReactionCapability::Await(state.clone()),
        interp.call_pos,
    );
    apply(interp, effects);
    Ok(())
}

/// Whether `o` is a promise for which `Get(o, "constructor")` is %Promise% through data
/// properties alone — no own `constructor`, prototype %Promise.prototype%, whose own
/// `constructor` is a data property holding %Promise% — so PromiseResolve(%Promise%, o) is
/// `o` with nothing observable. `false` leaves the question to the general path.
fn is_unchanged_intrinsic_promise(interp: &Interp, o: &JsObject) -> bool {
    let key = PropertyKey::String(atoms::CONSTRUCTOR);
    {
        let d = o.borrow();
        if !matches!(d.kind, ObjectKind::Promise(_))
            || !d
                .prototype
                .as_ref()
                .is_some_and(|p| JsObject::ptr_eq(p, &interp.intrinsics.promise_proto))
            || d.properties.named_property(&key).is_some()
        {
            return false;
        }
    }
    let proto = interp.intrinsics.promise_proto.borrow();
    matches!(
        proto.properties.named_property(&key),
        Some(Property { slot: crate::value::property::Slot::Data(Value::Object(c)), .. })
            if JsObject::ptr_eq(c, &interp.intrinsics.promise_ctor)
    )
}

/// Is `c` the intrinsic %Promise% constructor?
fn is_intrinsic_ctor(interp: &Interp, c: &Value) -> bool {
    matches!(c, Value::Object(o) if JsObject::ptr_eq(o, &interp.intrinsics.promise_ctor))
}

/// PromiseResolve(%Promise%, x): `x` itself when it is a promise whose `constructor` is
/// %Promise%, else a new promise resolved with `x`.
pub fn promise_resolve_intrinsic(interp: &mut Interp, x: Value) -> JsResult<JsObject> {
    let c = Value::Object(interp.intrinsics.promise_ctor.clone());
    match promise_resolve(interp, &c, x)? {
        Value::Object(o) => Ok(o),
        _ => Err(interp.throw_type_error("PromiseResolve did not return an object")),
    }
}

/// PromiseResolve(C, x) (§27.2.4.7.1).
pub fn promise_resolve(interp: &mut Interp, c: &Value, x: Value) -> JsResult<Value> {
    if let Value::Object(o) = &x {
        if is_intrinsic_ctor(interp, c) && is_unchanged_intrinsic_promise(interp, o) {
            return Ok(x);
        }
    }
    if is_promise(&x) {
        // The evaluator's member read: a data property on the chain (the usual
        // `Promise.prototype.constructor`) skips the generic [[Get]].
        let ctor = interp.member_get(&x, &PropertyKey::String(atoms::CONSTRUCTOR))?;
        if ctor.same_value(c) {
            return Ok(x);
        }
    }
    if is_intrinsic_ctor(interp, c) {
        // The capability's functions are unobservable: resolve the new promise directly.
        let p = new_promise(interp);
        resolve_promise(interp, &p, x);
        return Ok(Value::Object(p));
    }
    let cap = new_promise_capability(interp, c)?;
    interp.call(&Value::Object(cap.resolve), Value::Undefined, &[x])?;
    Ok(Value::Object(cap.promise))
}

/// CreateResolvingFunctions(promise): `(resolve, reject)`, one captured value each (held
/// inline: no slot vector). The pair's shared record is the resolve function itself: its slot
/// holds the promise until either function is first called (`[[AlreadyResolved]]` is "the
/// resolve function's slot cleared"); the reject function's slot holds the resolve function.
pub fn create_resolving_functions(interp: &mut Interp, promise: &JsObject) -> (JsObject, JsObject) {
    let resolve = new_resolve_function(interp, promise);
    let reject = new_reject_function(interp, &resolve);
    (resolve, reject)
}

/// The resolve function of a resolving pair (see [`create_resolving_functions`]).
fn new_resolve_function(interp: &mut Interp, promise: &JsObject) -> JsObject {
    resolving_function(interp, resolve_function, promise)
}

/// An anonymous native closure of length 1 holding `captured` inline (what `native_closure`
/// makes of one captured object, without the slot vector).
fn resolving_function(
    interp: &Interp,
    f: crate::interp::function::NativeClosureFn,
    captured: &JsObject,
) -> JsObject {
    let obj = JsObject::new(
        Some(interp.intrinsics.function_proto.clone()),
        ObjectKind::NativeClosureObj(f, Some(captured.clone())),
    );
    crate::interp::function::define_anon_length_and_name(interp, &obj, 1);
    obj
}

/// The reject function paired with `resolve` (see [`create_resolving_functions`]).
fn new_reject_function(interp: &mut Interp, resolve: &JsObject) -> JsObject {
    resolving_function(interp, reject_function, resolve)
}

/// The `[[AlreadyResolved]]` test-and-set shared by a pair of resolving functions: the promise
/// if this is the first call of either. `resolve` is the pair's resolve function.
fn take_resolving_target(resolve: &JsObject) -> Option<JsObject> {
    if let ObjectKind::NativeClosureObj(_, slot) = &mut resolve.borrow_mut().kind {
        // The inline form (always, for functions made by `resolving_function`).
        return slot.take();
    }
    let Value::Object(promise) = closure_slot(resolve, 0) else {
        return None;
    };
    set_closure_slot(resolve, 0, Value::Undefined);
    Some(promise)
}

/// Promise Resolve Functions (§27.2.1.3.2).
fn resolve_function(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    if let Some(promise) = take_resolving_target(callee) {
        resolve_promise(interp, &promise, arg(args, 0));
    }
    Ok(Value::Undefined)
}

/// Promise Reject Functions (§27.2.1.3.1).
fn reject_function(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let Value::Object(resolve) = closure_slot(callee, 0) else {
        return Ok(Value::Undefined);
    };
    if let Some(promise) = take_resolving_target(&resolve) {
        reject_promise(interp, &promise, arg(args, 0));
    }
    Ok(Value::Undefined)
}

/// NewPromiseCapability(C) (§27.2.1.5) with observable resolving functions (combinators and
/// subclasses need the function objects themselves).
pub fn new_promise_capability(interp: &mut Interp, c: &Value) -> JsResult<PromiseCapability> {
    if !Interp::is_constructor(c) {
        let s = super::console::inspect_short(c);
        return Err(interp.throw_type_error(&format!("{s} is not a constructor")));
    }
    let executor = native_closure(
        interp,
        "",
        2,
        get_capabilities_executor,
        vec![Value::Undefined, Value::Undefined],
    );
    let promise = interp.construct(c, &[Value::Object(executor.clone())])?;
    let resolve = closure_slot(&executor, 0);
    let reject = closure_slot(&executor, 1);
    let (Value::Object(resolve), Value::Object(reject)) = (resolve, reject) else {
        return Err(interp.throw_type_error("Promise resolve or reject function is not callable"));
    };
    if !resolve.borrow().kind.is_callable() || !reject.borrow().kind.is_callable() {
        return Err(interp.throw_type_error("Promise resolve or reject function is not callable"));
    }
    let Value::Object(promise) = promise else {
        return Err(interp.throw_type_error("Promise constructor returned a non-object"));
    };
    Ok(PromiseCapability {
        promise,
        resolve,
        reject,
    })
}

/// GetCapabilitiesExecutor Functions (§27.2.1.5 step 4).
fn get_capabilities_executor(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    if !closure_slot(callee, 0).is_undefined() || !closure_slot(callee, 1).is_undefined() {
        return Err(interp.throw_type_error("Promise executor has already been invoked"));
    }
    set_closure_slot(callee, 0, arg(args, 0));
    set_closure_slot(callee, 1, arg(args, 1));
    Ok(Value::Undefined)
}

/// The capability `then` needs for constructor `c`: the allocation-free intrinsic form when `c`
/// is %Promise%.
fn reaction_capability(interp: &mut Interp, c: &Value) -> JsResult<ReactionCapability> {
    if is_intrinsic_ctor(interp, c) {
        Ok(ReactionCapability::Intrinsic(new_promise(interp)))
    } else {
        Ok(ReactionCapability::Functions(Box::new(
            new_promise_capability(interp, c)?,
        )))
    }
}

/// NewPromiseReactionJob's closure (§27.2.2.1): call the handler (or pass the argument
/// through), then settle the derived promise. Returns a throw only where the spec's job
/// returns an abrupt completion (a capability function threw, or an await handler threw).
pub fn run_reaction_job(interp: &mut Interp, job: ReactionJob) -> JsResult<()> {
    let ReactionJob {
        reaction,
        kind,
        argument,
    } = job;
    let (capability, on_fulfilled, on_rejected) = reaction.into_parts();
    let handler = match kind {
        ReactionKind::Fulfill => on_fulfilled,
        ReactionKind::Reject => on_rejected,
    };
    let result: Result<Value, Value> = match handler {
        None => match kind {
            ReactionKind::Fulfill => Ok(argument),
            ReactionKind::Reject => Err(argument),
        },
        Some(h) => match interp.call(&Value::Object(h), Value::Undefined, &[argument]) {
            Ok(v) => Ok(v),
            Err(Throw) => Err(std::mem::take(&mut interp.exception)),
        },
    };
    match capability {
        ReactionCapability::Await(state) => {
            let how = match result {
                Ok(v) => crate::interp::machine::Resume::Next(v),
                Err(e) => crate::interp::machine::Resume::Throw(e),
            };
            interp.async_resume(&state, how);
            Ok(())
        }
        ReactionCapability::None => match result {
            Ok(_) => Ok(()),
            Err(e) => {
                interp.exception = e;
                Err(Throw)
            }
        },
        ReactionCapability::Intrinsic(p) => {
            match result {
                Ok(v) => resolve_promise(interp, &p, v),
                Err(e) => reject_promise(interp, &p, e),
            }
            Ok(())
        }
        ReactionCapability::Functions(cap) => {
            let (f, v) = match result {
                Ok(v) => (cap.resolve, v),
                Err(e) => (cap.reject, e),
            };
            interp.call(&Value::Object(f), Value::Undefined, &[v])?;
            Ok(())
        }
    }
}

/// NewPromiseResolveThenableJob's closure (§27.2.2.2): call `then` on the thenable with fresh
/// resolving functions for the promise; a throw rejects it.
pub fn run_thenable_job(
    interp: &mut Interp,
    promise: &JsObject,
    thenable: Value,
    then: JsObject,
) -> JsResult<()> {
    let (resolve, reject) = create_resolving_functions(interp, promise);
    let r = interp.call(
        &Value::Object(then),
        thenable,
        &[Value::Object(resolve), Value::Object(reject.clone())],
    );
    if r.is_err() {
        let e = std::mem::take(&mut interp.exception);
        interp.call(&Value::Object(reject), Value::Undefined, &[e])?;
    }
    Ok(())
}

/// Would SpeciesConstructor(promise, %Promise%) give %Promise% without running any code? True
/// when the promise has no own `constructor`, inherits straight from %Promise.prototype%, whose
/// `constructor` is still %Promise% as a data property, and `Promise[Symbol.species]` is still
/// the original getter (which returns `this`). Then skipping the lookups is unobservable.
fn species_is_intrinsic(interp: &Interp, promise: &JsObject) -> bool {
    let ctor_key = PropertyKey::String(atoms::CONSTRUCTOR);
    {
        let data = promise.borrow();
        if data.properties.get(&ctor_key).is_some() {
            return false;
        }
        match &data.prototype {
            Some(p) if JsObject::ptr_eq(p, &interp.intrinsics.promise_proto) => {}
            _ => return false,
        }
    }
    match interp.intrinsics.promise_proto.get_own_data(&ctor_key) {
        Some(Value::Object(c)) if JsObject::ptr_eq(&c, &interp.intrinsics.promise_ctor) => {}
        _ => return false,
    }
    let species = PropertyKey::Symbol(Symbol::well_known(WellKnown::Species));
    let data = interp.intrinsics.promise_ctor.borrow();
    match data.properties.get(&species) {
        Some(crate::value::property::PropertyRef::Accessor(a, _)) => {
            matches!((&a.get, &interp.intrinsics.promise_species_getter), (Some(g), Some(o)) if JsObject::ptr_eq(g, o))
        }
        _ => false,
    }
}

/// SpeciesConstructor(O, %Promise%).
fn species_constructor(interp: &mut Interp, o: &Value) -> JsResult<Value> {
    if let Value::Object(p) = o {
        if species_is_intrinsic(interp, p) {
            return Ok(Value::Object(interp.intrinsics.promise_ctor.clone()));
        }
    }
    let c = props::get(interp, o, &PropertyKey::String(atoms::CONSTRUCTOR))?;
    let default = Value::Object(interp.intrinsics.promise_ctor.clone());
    if c.is_undefined() {
        return Ok(default);
    }
    if !matches!(c, Value::Object(_)) {
        return Err(interp.throw_type_error("The .constructor property is not an object"));
    }
    let s = props::get(
        interp,
        &c,
        &PropertyKey::Symbol(Symbol::well_known(WellKnown::Species)),
    )?;
    if s.is_nullish() {
        return Ok(default);
    }
    if Interp::is_constructor(&s) {
        return Ok(s);
    }
    Err(interp.throw_type_error("object.constructor[Symbol.species] is not a constructor"))
}

/// Invoke(v, "then", args).
fn invoke_then(interp: &mut Interp, v: &Value, args: &[Value]) -> JsResult<Value> {
    let then = props::get_value(interp, v, &PropertyKey::String(atoms::THEN))?;
    interp.call(&then, v.clone(), args)
}

// ───────────── the constructor and its statics ─────────────

/// `new Promise(executor)` (§27.2.3.1).
fn promise_ctor(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    let Some(nt) = interp.new_target.take() else {
        return Err(interp.throw_type_error("Promise constructor cannot be invoked without 'new'"));
    };
    let executor = arg(args, 0);
    if !is_callable(&executor) {
        let s = super::console::inspect(interp, &executor).unwrap_or_default();
        return Err(interp.throw_type_error(&format!("Promise resolver {s} is not a function")));
    }
    let kind = ObjectKind::Promise(Box::new(PromiseData::pending()));
    let promise = if JsObject::ptr_eq(&nt, &interp.intrinsics.promise_ctor) {
        // `new Promise(…)` itself: %Promise%'s `prototype` is non-writable and
        // non-configurable, so GetPrototypeFromConstructor is %Promise.prototype% without
        // the lookup.
        JsObject::new(Some(interp.intrinsics.promise_proto.clone()), kind)
    } else {
        interp.create_from_new_target(Some(nt), |i| &i.promise_proto, kind)?
    };
    // CreateResolvingFunctions; an executor that cannot observe its second argument gets
    // no reject function (nobody could reach it).
    let skip_reject = crate::interp::function::ignores_second_argument(&executor);
    run_executor(interp, promise, skip_reject, |interp, args| {
        interp.call(&executor, Value::Undefined, args)
    })
}

/// The Promise constructor's steps from CreateResolvingFunctions on: call the executor
/// (`call`) with the resolving functions (`reject` left out when the executor cannot read
/// it), and turn an abrupt completion into Call(reject, …): RejectPromise through the
/// pair's [[AlreadyResolved]] state (the resolve function's promise slot).
fn run_executor(
    interp: &mut Interp,
    promise: JsObject,
    skip_reject: bool,
    call: impl FnOnce(&mut Interp, &[Value]) -> JsResult<Value>,
) -> JsResult<Value> {
    let resolve = new_resolve_function(interp, &promise);
    let r = if skip_reject {
        call(interp, &[Value::Object(resolve.clone())])
    } else {
        let reject = new_reject_function(interp, &resolve);
        call(
            interp,
            &[Value::Object(resolve.clone()), Value::Object(reject)],
        )
    };
    if r.is_err() {
        let e = std::mem::take(&mut interp.exception);
        if let Some(p) = take_resolving_target(&resolve) {
            reject_promise(interp, &p, e);
        }
    }
    Ok(Value::Object(promise))
}

/// `new Promise(arrow)` with new.target %Promise% and an arrow function literal of lean code
/// as the executor (the `Expr::New` arm decides): the constructor's steps above, with the
/// executor's code run by `Interp::call_arrow_code` on the current environment instead of
/// a call of the closure the arrow expression would make — nothing but this call could
/// ever reach that closure.
pub(crate) fn construct_with_arrow(interp: &mut Interp, code: &Rc<Code>) -> JsResult<Value> {
    let promise = JsObject::new(
        Some(interp.intrinsics.promise_proto.clone()),
        ObjectKind::Promise(Box::new(PromiseData::pending())),
    );
    let skip_reject = crate::interp::function::code_ignores_second_argument(code);
    run_executor(interp, promise, skip_reject, |interp, args| {
        interp.call_arrow_code(code, args)
    })
}

/// `Promise.resolve(x)`.
fn promise_static_resolve(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if !matches!(this, Value::Object(_)) {
        return Err(interp.throw_type_error("PromiseResolve called on non-object"));
    }
    promise_resolve(interp, this, arg(args, 0))
}

/// `Promise.reject(r)`.
fn promise_static_reject(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if is_intrinsic_ctor(interp, this) {
        let p = new_promise(interp);
        reject_promise(interp, &p, arg(args, 0));
        return Ok(Value::Object(p));
    }
    let cap = new_promise_capability(interp, this)?;
    interp.call(
        &Value::Object(cap.reject),
        Value::Undefined,
        &[arg(args, 0)],
    )?;
    Ok(Value::Object(cap.promise))
}

/// `Promise.withResolvers()` (ES2024).
fn promise_with_resolvers(interp: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    let cap = new_promise_capability(interp, this)?;
    let obj = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
    props::define_data(
        &obj,
        PropertyKey::String(Atom::intern_str("promise")),
        Value::Object(cap.promise),
    );
    props::define_data(
        &obj,
        PropertyKey::String(Atom::intern_str("resolve")),
        Value::Object(cap.resolve),
    );
    props::define_data(
        &obj,
        PropertyKey::String(Atom::intern_str("reject")),
        Value::Object(cap.reject),
    );
    Ok(Value::Object(obj))
}

/// `Promise.try(callback, ...args)` (ES2025).
fn promise_try(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if !matches!(this, Value::Object(_)) {
        return Err(interp.throw_type_error("Promise.try called on non-object"));
    }
    let cap = new_promise_capability(interp, this)?;
    let rest = args.get(1..).unwrap_or(&[]);
    let (f, v) = match interp.call(&arg(args, 0), Value::Undefined, rest) {
        Ok(v) => (cap.resolve, v),
        Err(Throw) => (cap.reject, std::mem::take(&mut interp.exception)),
    };
    interp.call(&Value::Object(f), Value::Undefined, &[v])?;
    Ok(Value::Object(cap.promise))
}

/// `get Promise[Symbol.species]`.
fn species_getter(_: &mut Interp, this: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(this.clone())
}

// ───────────── the prototype ─────────────

fn this_promise(interp: &mut Interp, this: &Value, method: &str) -> JsResult<JsObject> {
    match this {
        Value::Object(o) if core::is_promise(o) => Ok(o.clone()),
        other => {
            let s = super::console::inspect(interp, other).unwrap_or_default();
            Err(interp.throw_type_error(&format!(
                "Method Promise.prototype.{method} called on incompatible receiver {s}"
            )))
        }
    }
}

/// `Promise.prototype.then(onFulfilled, onRejected)` (§27.2.5.4).
fn promise_then(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let pos = interp.call_pos;
    let promise = this_promise(interp, this, "then")?;
    let c = species_constructor(interp, this)?;
    let capability = reaction_capability(interp, &c)?;
    let result = match &capability {
        ReactionCapability::Intrinsic(p) => p.clone(),
        ReactionCapability::Functions(cap) => cap.promise.clone(),
        ReactionCapability::None | ReactionCapability::Await(_) => promise.clone(),
    };
    interp.call_pos = pos;
    perform_promise_then(interp, &promise, &arg(args, 0), &arg(args, 1), capability);
    Ok(Value::Object(result))
}

/// `Promise.prototype.catch(onRejected)`: Invoke(promise, "then", «undefined, onRejected»).
fn promise_catch(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    invoke_then(interp, this, &[Value::Undefined, arg(args, 0)])
}

/// `Promise.prototype.finally(onFinally)` (§27.2.5.3).
fn promise_finally(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    if !matches!(this, Value::Object(_)) {
        return Err(interp.throw_type_error("Promise.prototype.finally called on a non-object"));
    }
    let c = species_constructor(interp, this)?;
    let on_finally = arg(args, 0);
    let (then_finally, catch_finally) = if is_callable(&on_finally) {
        let slots = vec![on_finally, c];
        (
            Value::Object(native_closure(interp, "", 1, then_finally, slots.clone())),
            Value::Object(native_closure(interp, "", 1, catch_finally, slots)),
        )
    } else {
        (on_finally.clone(), on_finally)
    };
    invoke_then(interp, this, &[then_finally, catch_finally])
}

/// Then Finally Functions: call onFinally, wait for its result, pass the value through.
fn then_finally(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let on_finally = closure_slot(callee, 0);
    let c = closure_slot(callee, 1);
    let result = interp.call(&on_finally, Value::Undefined, &[])?;
    let p = promise_resolve(interp, &c, result)?;
    let value_thunk = native_closure(interp, "", 0, return_slot, vec![arg(args, 0)]);
    invoke_then(interp, &p, &[Value::Object(value_thunk)])
}

/// Catch Finally Functions: call onFinally, wait for its result, rethrow the reason.
fn catch_finally(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let on_finally = closure_slot(callee, 0);
    let c = closure_slot(callee, 1);
    let result = interp.call(&on_finally, Value::Undefined, &[])?;
    let p = promise_resolve(interp, &c, result)?;
    let thrower = native_closure(interp, "", 0, throw_slot, vec![arg(args, 0)]);
    invoke_then(interp, &p, &[Value::Object(thrower)])
}

fn return_slot(_: &mut Interp, callee: &JsObject, _: &Value, _: &[Value]) -> JsResult<Value> {
    Ok(closure_slot(callee, 0))
}

fn throw_slot(interp: &mut Interp, callee: &JsObject, _: &Value, _: &[Value]) -> JsResult<Value> {
    interp.exception = closure_slot(callee, 0);
    Err(Throw)
}

// ───────────── combinators ─────────────

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    All,
    AllSettled,
    Any,
}

/// The records a combinator's element functions share: the values (or errors) list, each
/// index's `[[AlreadyCalled]]`, the remaining-elements counter and the capability. Lives in an
/// internal object no script can reach (prototype-less, only in element functions' slots).
struct CombinatorState {
    mode: Mode,
    values: Vec<Value>,
    called: Vec<bool>,
    remaining: u64,
    capability: PromiseCapability,
}

impl Finalize for CombinatorState {}
// SAFETY: marks the values and the capability's objects.
unsafe impl Trace for CombinatorState {
    custom_trace!(this, mark, {
        for v in &this.values {
            mark(v);
        }
        mark(&this.capability);
    });
}

impl ObjectPayload for CombinatorState {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn with_state<R>(state: &JsObject, f: impl FnOnce(&mut CombinatorState) -> R) -> Option<R> {
    let mut data = state.borrow_mut();
    let ObjectKind::Host(payload) = &mut data.kind else {
        return None;
    };
    payload
        .as_any_mut()
        .downcast_mut::<CombinatorState>()
        .map(f)
}

/// `Promise.all` / `allSettled` / `any` / `race` (§27.2.4.1–5): steps shared by all four.
fn combinator(
    interp: &mut Interp,
    c: &Value,
    iterable: &Value,
    mode: Option<Mode>,
) -> JsResult<Value> {
    let cap = new_promise_capability(interp, c)?;
    // GetPromiseResolve(C): looked up once, checked callable before iterating.
    let promise_resolve =
        match props::get(interp, c, &PropertyKey::String(Atom::intern_str("resolve"))) {
            Ok(r) if is_callable(&r) => Ok(r),
            Ok(_) => Err(interp.throw_type_error("Promise resolve is not a function")),
            Err(t) => Err(t),
        };
    let promise_resolve = match promise_resolve {
        Ok(r) => r,
        Err(Throw) => return if_abrupt_reject(interp, &cap),
    };
    let mut rec = match iter::get_iterator(interp, iterable) {
        Ok(r) => r,
        Err(Throw) => return if_abrupt_reject(interp, &cap),
    };
    let result = match mode {
        None => perform_race(interp, &mut rec, c, &cap, &promise_resolve),
        Some(mode) => perform_all(interp, &mut rec, c, &cap, &promise_resolve, mode),
    };
    match result {
        Ok(v) => Ok(v),
        Err(Throw) => {
            if !rec.done {
                // IteratorClose with a throw completion: the original exception wins.
                let _ = iter::close(interp, &rec, true);
            }
            if_abrupt_reject(interp, &cap)
        }
    }
}

/// IfAbruptRejectPromise(completion, capability) with the exception in `interp.exception`.
fn if_abrupt_reject(interp: &mut Interp, cap: &PromiseCapability) -> JsResult<Value> {
    let e = std::mem::take(&mut interp.exception);
    interp.call(&Value::Object(cap.reject.clone()), Value::Undefined, &[e])?;
    Ok(Value::Object(cap.promise.clone()))
}

/// PerformPromiseRace.
fn perform_race(
    interp: &mut Interp,
    rec: &mut iter::IteratorRecord,
    c: &Value,
    cap: &PromiseCapability,
    promise_resolve: &Value,
) -> JsResult<Value> {
    while let Some(next) = iter::step_value(interp, rec)? {
        let next_promise = interp.call(promise_resolve, c.clone(), &[next])?;
        invoke_then(
            interp,
            &next_promise,
            &[
                Value::Object(cap.resolve.clone()),
                Value::Object(cap.reject.clone()),
            ],
        )?;
    }
    Ok(Value::Object(cap.promise.clone()))
}

/// PerformPromiseAll / PerformPromiseAllSettled / PerformPromiseAny.
fn perform_all(
    interp: &mut Interp,
    rec: &mut iter::IteratorRecord,
    c: &Value,
    cap: &PromiseCapability,
    promise_resolve: &Value,
    mode: Mode,
) -> JsResult<Value> {
    let state = JsObject::new(
        None,
        ObjectKind::Host(crate::value::object::PayloadBox::new(CombinatorState {
            mode,
            values: Vec::new(),
            called: Vec::new(),
            remaining: 1,
            capability: cap.clone(),
        })),
    );
    let mut index: u32 = 0;
    loop {
        let Some(next) = iter::step_value(interp, rec)? else {
            let remaining = with_state(&state, |s| {
                s.remaining -= 1;
                s.remaining
            });
            if remaining == Some(0) {
                finish(interp, &state)?;
            }
            return Ok(Value::Object(cap.promise.clone()));
        };
        with_state(&state, |s| {
            s.values.push(Value::Undefined);
            s.called.push(false);
        });
        let next_promise = interp.call(promise_resolve, c.clone(), &[next])?;
        let slots = vec![
            Value::Object(state.clone()),
            Value::Number(f64::from(index)),
        ];
        let (on_fulfilled, on_rejected) = match mode {
            Mode::All => (
                Value::Object(native_closure(interp, "", 1, resolve_element, slots)),
                Value::Object(cap.reject.clone()),
            ),
            Mode::AllSettled => (
                Value::Object(native_closure(
                    interp,
                    "",
                    1,
                    resolve_element,
                    slots.clone(),
                )),
                Value::Object(native_closure(interp, "", 1, reject_element, slots)),
            ),
            Mode::Any => (
                Value::Object(cap.resolve.clone()),
                Value::Object(native_closure(interp, "", 1, reject_element, slots)),
            ),
        };
        with_state(&state, |s| s.remaining += 1);
        invoke_then(interp, &next_promise, &[on_fulfilled, on_rejected])?;
        index += 1;
    }
}

/// All elements are in: resolve with the values array (all, allSettled) or reject with an
/// AggregateError of the errors (any).
fn finish(interp: &mut Interp, state: &JsObject) -> JsResult<Value> {
    let Some((mode, values, cap)) = with_state(state, |s| {
        (s.mode, std::mem::take(&mut s.values), s.capability.clone())
    }) else {
        return Ok(Value::Undefined);
    };
    let array = Value::Object(interp.new_array(values));
    if mode == Mode::Any {
        let err = aggregate_error(interp, array, "All promises were rejected");
        return interp.call(&Value::Object(cap.reject), Value::Undefined, &[err]);
    }
    interp.call(&Value::Object(cap.resolve), Value::Undefined, &[array])
}

/// A new AggregateError with the given `errors` array and message.
fn aggregate_error(interp: &mut Interp, errors: Value, message: &str) -> Value {
    let proto = interp.intrinsics.aggregate_error_proto.clone();
    let err = super::error::make_error(interp, proto, message);
    props::define_hidden(&err, PropertyKey::String(atoms::ERRORS), errors);
    Value::Object(err)
}

/// Record an element's outcome; `fulfilled` says which element function ran.
fn element(interp: &mut Interp, callee: &JsObject, x: Value, fulfilled: bool) -> JsResult<Value> {
    let Value::Object(state) = closure_slot(callee, 0) else {
        return Ok(Value::Undefined);
    };
    let index = match closure_slot(callee, 1) {
        Value::Number(n) => n as usize,
        _ => return Ok(Value::Undefined),
    };
    let Some(mode) = with_state(&state, |s| s.mode) else {
        return Ok(Value::Undefined);
    };
    let value = if mode == Mode::AllSettled {
        let obj = JsObject::ordinary(Some(interp.intrinsics.object_proto.clone()));
        let (status, key) = if fulfilled {
            ("fulfilled", atoms::VALUE)
        } else {
            ("rejected", Atom::intern_str("reason"))
        };
        props::define_data(
            &obj,
            PropertyKey::String(Atom::intern_str("status")),
            Value::from(status),
        );
        props::define_data(&obj, PropertyKey::String(key), x);
        Value::Object(obj)
    } else {
        x
    };
    let remaining = with_state(&state, |s| {
        if s.called.get(index).copied().unwrap_or(true) {
            return None;
        }
        s.called[index] = true;
        s.values[index] = value;
        s.remaining -= 1;
        Some(s.remaining)
    })
    .flatten();
    if remaining == Some(0) {
        finish(interp, &state)?;
    }
    Ok(Value::Undefined)
}

/// Promise.all / allSettled Resolve Element Functions.
fn resolve_element(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    element(interp, callee, arg(args, 0), true)
}

/// Promise.allSettled / any Reject Element Functions.
fn reject_element(
    interp: &mut Interp,
    callee: &JsObject,
    _this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    element(interp, callee, arg(args, 0), false)
}

fn promise_all(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    combinator(interp, this, &arg(args, 0), Some(Mode::All))
}

fn promise_all_settled(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    combinator(interp, this, &arg(args, 0), Some(Mode::AllSettled))
}

fn promise_any(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    combinator(interp, this, &arg(args, 0), Some(Mode::Any))
}

fn promise_race(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    combinator(interp, this, &arg(args, 0), None)
}

// ───────────── AggregateError ─────────────

/// `AggregateError(errors, message, options)` (§20.5.7.1).
fn aggregate_error_ctor(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    let nt = interp.new_target.take();
    let err = interp.create_from_new_target(nt, |i| &i.aggregate_error_proto, ObjectKind::Error)?;
    super::error::install_stack(interp, &err);
    let message = arg(args, 1);
    if !message.is_undefined() {
        let m = ops::to_string(interp, &message)?;
        props::define_hidden(&err, PropertyKey::String(atoms::MESSAGE), Value::String(m));
    }
    // InstallErrorCause(O, options).
    if let Value::Object(options) = arg(args, 2) {
        let key = PropertyKey::String(atoms::CAUSE);
        let options = Value::Object(options);
        if props::has_property(interp, &options, &key)? {
            let cause = props::get(interp, &options, &key)?;
            props::define_hidden(&err, key, cause);
        }
    }
    let errors = iter::collect(interp, &arg(args, 0))?;
    let array = interp.new_array(errors);
    props::define_hidden(
        &err,
        PropertyKey::String(atoms::ERRORS),
        Value::Object(array),
    );
    Ok(Value::Object(err))
}

// ───────────── installation ─────────────

fn define_method(interp: &Interp, target: &JsObject, name: &str, length: u32, f: NativeFn) {
    super::method(interp, target, name, length, f);
}

/// The %Promise% function object, created with the intrinsics (its identity is what
/// `is_intrinsic_ctor` tests); `install` gives it its properties.
pub fn make_constructor(function_proto: &JsObject) -> JsObject {
    JsObject::new(
        Some(function_proto.clone()),
        ObjectKind::Function(Box::new(FunctionData::Native {
            f: promise_ctor,
            is_constructor: true,
        })),
    )
}

pub fn install(interp: &mut Interp) {
    let proto = interp.intrinsics.promise_proto.clone();
    let ctor = interp.intrinsics.promise_ctor.clone();
    props::define_builtin_prop(&ctor, atoms::LENGTH, Value::Number(1.0));
    props::define_builtin_prop(&ctor, atoms::NAME, Value::from("Promise"));
    ctor.borrow_mut().properties.insert(
        PropertyKey::String(atoms::PROTOTYPE),
        Property::data(Value::Object(proto.clone()), Attributes::NONE),
    );
    props::define_hidden(
        &proto,
        PropertyKey::String(atoms::CONSTRUCTOR),
        Value::Object(ctor.clone()),
    );
    super::global_value(interp, "Promise", Value::Object(ctor.clone()));
    for (name, len, f) in [
        ("all", 1, promise_all as NativeFn),
        ("allSettled", 1, promise_all_settled),
        ("any", 1, promise_any),
        ("race", 1, promise_race),
        ("reject", 1, promise_static_reject),
        ("resolve", 1, promise_static_resolve),
        ("try", 1, promise_try),
        ("withResolvers", 0, promise_with_resolvers),
    ] {
        define_method(interp, &ctor, name, len, f);
    }
    let getter = native(interp, "get [Symbol.species]", 0, species_getter, false);
    interp.intrinsics.promise_species_getter = Some(getter.clone());
    ctor.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::Species)),
        Property::accessor(Some(getter), None, Attributes::CONFIGURABLE),
    );
    let then = native(interp, "then", 2, promise_then, false);
    props::define_hidden(
        &proto,
        PropertyKey::String(atoms::THEN),
        Value::Object(then),
    );
    define_method(interp, &proto, "catch", 1, promise_catch);
    define_method(interp, &proto, "finally", 1, promise_finally);
    proto.borrow_mut().properties.insert(
        PropertyKey::Symbol(Symbol::well_known(WellKnown::ToStringTag)),
        Property::data(Value::from("Promise"), Attributes::CONFIGURABLE),
    );

    // AggregateError: [[Prototype]] is %Error%, its prototype's is %Error.prototype%.
    let agg_proto = interp.intrinsics.aggregate_error_proto.clone();
    let agg = super::constructor(
        interp,
        "AggregateError",
        2,
        aggregate_error_ctor,
        &agg_proto,
    );
    agg.borrow_mut().properties.insert(
        PropertyKey::String(atoms::PROTOTYPE),
        Property::data(Value::Object(agg_proto.clone()), Attributes::NONE),
    );
    let error_ctor = interp
        .intrinsics
        .error_proto
        .get_own_data(&PropertyKey::String(atoms::CONSTRUCTOR));
    if let Some(Value::Object(e)) = error_ctor {
        agg.borrow_mut().prototype = Some(e);
    }
    props::define_hidden(
        &agg_proto,
        PropertyKey::String(atoms::NAME),
        Value::from("AggregateError"),
    );
    props::define_hidden(
        &agg_proto,
        PropertyKey::String(atoms::MESSAGE),
        Value::from(""),
    );
}
