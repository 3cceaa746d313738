//! The promise core at the object level: FulfillPromise, RejectPromise and PerformPromiseThen
//! (ECMA-262 §27.2.1, §27.2.5.4.1) on promise *objects*, named as in the spec.
//!
//! The state steps themselves live on `PromiseData` (`object.rs`); this layer finds the promise
//! slot of an object, builds the reaction records, and turns the data layer's tracking result
//! into a `RejectionEvent` naming the promise, which the event loop's unhandled-rejection
//! bookkeeping needs. It never enqueues anything: each operation *returns* the reaction jobs it
//! creates and the interpreter enqueues them (`crate::jobs`). Operations that may run user code
//! — the resolve functions' `Get(resolution, "then")`, NewPromiseCapability, the reaction job
//! itself — belong to the interpreter.

use super::object::{
    ObjectKind, PromiseData, PromiseReaction, PromiseState, ReactionCapability, ReactionJob,
    RejectionTracking,
};
use super::{JsObject, Value};

/// HostPromiseRejectionTracker(promise, operation).
#[derive(Debug, Clone, PartialEq)]
pub enum RejectionEvent {
    /// A promise was rejected with no handler yet (`"reject"`).
    Rejected(JsObject),
    /// A handler was added to an already rejected, unhandled promise (`"handle"`).
    Handled(JsObject),
}

/// What a state change produced.
#[derive(Default)]
pub struct Effects {
    pub jobs: Vec<ReactionJob>,
    pub rejection: Option<RejectionEvent>,
}

fn event(promise: &JsObject, tracking: RejectionTracking) -> Option<RejectionEvent> {
    match tracking {
        RejectionTracking::None => None,
        RejectionTracking::Reject => Some(RejectionEvent::Rejected(promise.clone())),
        RejectionTracking::Handle => Some(RejectionEvent::Handled(promise.clone())),
    }
}

/// Is this object a promise (has `[[PromiseState]]`)?
pub fn is_promise(obj: &JsObject) -> bool {
    matches!(obj.borrow().kind, ObjectKind::Promise(_))
}

/// A new pending promise object with the given prototype.
pub fn new_promise(prototype: Option<JsObject>) -> JsObject {
    JsObject::new(
        prototype,
        ObjectKind::Promise(Box::new(PromiseData::pending())),
    )
}

/// The settled outcome (`Ok` fulfilled, `Err` rejected); `None` while pending or for a
/// non-promise.
pub fn settled_state(obj: &JsObject) -> Option<Result<Value, Value>> {
    match &obj.borrow().kind {
        ObjectKind::Promise(p) => match &p.state {
            PromiseState::Fulfilled(v) => Some(Ok(v.clone())),
            PromiseState::Rejected(v, _) => Some(Err(v.clone())),
            PromiseState::Pending { .. } => None,
        },
        _ => None,
    }
}

/// FulfillPromise(promise, value). A settled or non-promise object yields no effects (callers
/// guard with `[[AlreadyResolved]]`).
pub fn fulfill_promise(promise: &JsObject, value: Value) -> Effects {
    let mut data = promise.borrow_mut();
    let ObjectKind::Promise(p) = &mut data.kind else {
        return Effects::default();
    };
    Effects {
        jobs: p.fulfill(value),
        rejection: None,
    }
}

/// RejectPromise(promise, reason), raising the tracker's `"reject"` event when no handler is
/// attached yet.
pub fn reject_promise(promise: &JsObject, reason: Value) -> Effects {
    let mut data = promise.borrow_mut();
    let ObjectKind::Promise(p) = &mut data.kind else {
        return Effects::default();
    };
    let (jobs, tracking) = p.reject(reason);
    drop(data);
    Effects {
        jobs,
        rejection: event(promise, tracking),
    }
}

/// PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability). `on_fulfilled` /
/// `on_rejected` are already filtered by IsCallable (non-callables are `None`).
/// `ReactionCapability::None` is the spec's undefined (used by `await`, whose handlers resume the
/// suspended function). `origin` is a source offset for `--trace` (`u32::MAX`: none).
pub fn perform_promise_then(
    promise: &JsObject,
    on_fulfilled: Option<JsObject>,
    on_rejected: Option<JsObject>,
    capability: ReactionCapability,
    origin: u32,
) -> Effects {
    let reaction = PromiseReaction::new(capability, on_fulfilled, on_rejected, origin);
    let mut data = promise.borrow_mut();
    let ObjectKind::Promise(p) = &mut data.kind else {
        return Effects::default();
    };
    let (job, tracking) = p.add_reactions(reaction);
    drop(data);
    Effects {
        jobs: job.into_iter().collect(),
        rejection: event(promise, tracking),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::object::ReactionKind;

    fn handler() -> JsObject {
        JsObject::ordinary(None)
    }

    #[test]
    fn reactions_run_in_registration_order_with_the_value() {
        let p = new_promise(None);
        let (h1, h2) = (handler(), handler());
        assert!(perform_promise_then(
            &p,
            Some(h1.clone()),
            None,
            ReactionCapability::None,
            u32::MAX
        )
        .jobs
        .is_empty());
        assert!(perform_promise_then(
            &p,
            Some(h2.clone()),
            None,
            ReactionCapability::None,
            u32::MAX
        )
        .jobs
        .is_empty());
        let effects = fulfill_promise(&p, Value::Number(7.0));
        assert!(effects.rejection.is_none());
        assert_eq!(effects.jobs.len(), 2);
        assert_eq!(effects.jobs[0].handler(), Some(&h1));
        assert_eq!(effects.jobs[1].handler(), Some(&h2));
        assert!(matches!(effects.jobs[1].argument, Value::Number(n) if n == 7.0));
        assert!(matches!(settled_state(&p), Some(Ok(Value::Number(n))) if n == 7.0));
    }

    #[test]
    fn settling_twice_has_no_effect() {
        let p = new_promise(None);
        perform_promise_then(
            &p,
            Some(handler()),
            Some(handler()),
            ReactionCapability::None,
            u32::MAX,
        );
        assert_eq!(reject_promise(&p, Value::Null).jobs.len(), 1);
        let again = fulfill_promise(&p, Value::Bool(true));
        assert!(again.jobs.is_empty());
        assert!(matches!(settled_state(&p), Some(Err(Value::Null))));
    }

    #[test]
    fn then_on_settled_promise_queues_at_once() {
        let p = new_promise(None);
        fulfill_promise(&p, Value::Number(1.0));
        let effects = perform_promise_then(
            &p,
            Some(handler()),
            None,
            ReactionCapability::None,
            u32::MAX,
        );
        assert_eq!(effects.jobs.len(), 1);
        assert_eq!(effects.jobs[0].kind, ReactionKind::Fulfill);
    }

    #[test]
    fn rejection_tracking_reject_then_handle() {
        let p = new_promise(None);
        let effects = reject_promise(&p, Value::Undefined);
        assert_eq!(effects.rejection, Some(RejectionEvent::Rejected(p.clone())));
        let effects = perform_promise_then(
            &p,
            None,
            Some(handler()),
            ReactionCapability::None,
            u32::MAX,
        );
        assert_eq!(effects.rejection, Some(RejectionEvent::Handled(p.clone())));
        // A second handler raises nothing: the promise is handled now.
        let effects = perform_promise_then(
            &p,
            None,
            Some(handler()),
            ReactionCapability::None,
            u32::MAX,
        );
        assert_eq!(effects.rejection, None);
    }

    #[test]
    fn handled_before_rejection_raises_nothing() {
        let p = new_promise(None);
        perform_promise_then(&p, None, None, ReactionCapability::None, u32::MAX);
        let effects = reject_promise(&p, Value::Undefined);
        assert_eq!(effects.rejection, None);
        assert_eq!(
            effects.jobs.len(),
            1,
            "the identity/thrower reaction still runs"
        );
    }
}
