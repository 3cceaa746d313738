//! The promise core: the abstract operations of ECMA-262 §27.2.1 that change a promise's state
//! or its reaction lists without running any JavaScript — FulfillPromise, RejectPromise,
//! TriggerPromiseReactions and PerformPromiseThen — named as in the spec.
//!
//! It never enqueues anything: each operation *returns* the reaction jobs it creates
//! (`ReactionJob`, i.e. NewPromiseReactionJob's payload) and the HostPromiseRejectionTracker
//! event it raises, and the interpreter enqueues them (`crate::jobs`). Operations that may run
//! user code — the resolve functions' `Get(resolution, "then")`, NewPromiseCapability, the
//! reaction job itself — belong to the interpreter.

use super::object::{
    ObjectKind, PromiseCapability, PromiseData, PromiseReaction, PromiseState, ReactionKind,
};
use super::{JsObject, Value};

/// NewPromiseReactionJob(reaction, argument): run later by the interpreter.
pub struct ReactionJob {
    pub reaction: PromiseReaction,
    pub argument: Value,
}

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

/// `Some(true)` fulfilled, `Some(false)` rejected, `None` pending or not a promise.
pub fn settled_state(obj: &JsObject) -> Option<Result<Value, Value>> {
    match &obj.borrow().kind {
        ObjectKind::Promise(p) => match &p.state {
            PromiseState::Fulfilled(v) => Some(Ok(v.clone())),
            PromiseState::Rejected(v) => Some(Err(v.clone())),
            PromiseState::Pending { .. } => None,
        },
        _ => None,
    }
}

/// FulfillPromise(promise, value). The promise must be pending (callers guard with
/// `[[AlreadyResolved]]`); a non-pending or non-promise object yields no effects.
pub fn fulfill_promise(promise: &JsObject, value: Value) -> Effects {
    settle(promise, Ok(value))
}

/// RejectPromise(promise, reason), raising the rejection tracker's `"reject"` event when no
/// handler is attached yet.
pub fn reject_promise(promise: &JsObject, reason: Value) -> Effects {
    settle(promise, Err(reason))
}

fn settle(promise: &JsObject, outcome: Result<Value, Value>) -> Effects {
    let mut data = promise.borrow_mut();
    let ObjectKind::Promise(p) = &mut data.kind else {
        return Effects::default();
    };
    let PromiseState::Pending { .. } = &p.state else {
        return Effects::default();
    };
    let (new_state, argument, is_reject) = match outcome {
        Ok(v) => (PromiseState::Fulfilled(v.clone()), v, false),
        Err(v) => (PromiseState::Rejected(v.clone()), v, true),
    };
    let PromiseState::Pending {
        fulfill_reactions,
        reject_reactions,
    } = std::mem::replace(&mut p.state, new_state)
    else {
        unreachable!("checked pending above");
    };
    let reactions = if is_reject {
        reject_reactions
    } else {
        fulfill_reactions
    };
    let rejection = (is_reject && !p.is_handled).then(|| RejectionEvent::Rejected(promise.clone()));
    drop(data);
    Effects {
        jobs: trigger_promise_reactions(reactions, argument),
        rejection,
    }
}

/// TriggerPromiseReactions(reactions, argument): one job per reaction, in order.
pub fn trigger_promise_reactions(
    reactions: Vec<PromiseReaction>,
    argument: Value,
) -> Vec<ReactionJob> {
    reactions
        .into_iter()
        .map(|reaction| ReactionJob {
            reaction,
            argument: argument.clone(),
        })
        .collect()
}

/// PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability). `on_fulfilled` /
/// `on_rejected` are already filtered by IsCallable (non-callables are `None`). A `None`
/// capability is the spec's undefined (used by `await`, whose handlers resume the suspended
/// function).
pub fn perform_promise_then(
    promise: &JsObject,
    on_fulfilled: Option<JsObject>,
    on_rejected: Option<JsObject>,
    capability: Option<PromiseCapability>,
) -> Effects {
    let fulfill = PromiseReaction {
        capability: capability.clone(),
        kind: ReactionKind::Fulfill,
        handler: on_fulfilled,
    };
    let reject = PromiseReaction {
        capability,
        kind: ReactionKind::Reject,
        handler: on_rejected,
    };
    let mut data = promise.borrow_mut();
    let ObjectKind::Promise(p) = &mut data.kind else {
        return Effects::default();
    };
    let mut effects = Effects::default();
    match &mut p.state {
        PromiseState::Pending {
            fulfill_reactions,
            reject_reactions,
        } => {
            fulfill_reactions.push(fulfill);
            reject_reactions.push(reject);
        }
        PromiseState::Fulfilled(v) => effects.jobs.push(ReactionJob {
            reaction: fulfill,
            argument: v.clone(),
        }),
        PromiseState::Rejected(v) => {
            let argument = v.clone();
            if !p.is_handled {
                effects.rejection = Some(RejectionEvent::Handled(promise.clone()));
            }
            effects.jobs.push(ReactionJob {
                reaction: reject,
                argument,
            });
        }
    }
    p.is_handled = true;
    effects
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handler() -> JsObject {
        JsObject::ordinary(None)
    }

    #[test]
    fn reactions_run_in_registration_order_with_the_value() {
        let p = new_promise(None);
        let (h1, h2) = (handler(), handler());
        assert!(perform_promise_then(&p, Some(h1.clone()), None, None)
            .jobs
            .is_empty());
        assert!(perform_promise_then(&p, Some(h2.clone()), None, None)
            .jobs
            .is_empty());
        let effects = fulfill_promise(&p, Value::Number(7.0));
        assert!(effects.rejection.is_none());
        assert_eq!(effects.jobs.len(), 2);
        assert_eq!(effects.jobs[0].reaction.handler.as_ref(), Some(&h1));
        assert_eq!(effects.jobs[1].reaction.handler.as_ref(), Some(&h2));
        assert!(matches!(effects.jobs[1].argument, Value::Number(n) if n == 7.0));
        assert!(matches!(settled_state(&p), Some(Ok(Value::Number(n))) if n == 7.0));
    }

    #[test]
    fn settling_twice_has_no_effect() {
        let p = new_promise(None);
        perform_promise_then(&p, Some(handler()), Some(handler()), None);
        assert_eq!(reject_promise(&p, Value::Null).jobs.len(), 1);
        let again = fulfill_promise(&p, Value::Bool(true));
        assert!(again.jobs.is_empty());
        assert!(matches!(settled_state(&p), Some(Err(Value::Null))));
    }

    #[test]
    fn then_on_settled_promise_queues_at_once() {
        let p = new_promise(None);
        fulfill_promise(&p, Value::Number(1.0));
        let effects = perform_promise_then(&p, Some(handler()), None, None);
        assert_eq!(effects.jobs.len(), 1);
        assert_eq!(effects.jobs[0].reaction.kind, ReactionKind::Fulfill);
    }

    #[test]
    fn rejection_tracking_reject_then_handle() {
        let p = new_promise(None);
        let effects = reject_promise(&p, Value::Undefined);
        assert_eq!(effects.rejection, Some(RejectionEvent::Rejected(p.clone())));
        let effects = perform_promise_then(&p, None, Some(handler()), None);
        assert_eq!(effects.rejection, Some(RejectionEvent::Handled(p.clone())));
        // A second handler raises nothing: the promise is handled now.
        let effects = perform_promise_then(&p, None, Some(handler()), None);
        assert_eq!(effects.rejection, None);
    }

    #[test]
    fn handled_before_rejection_raises_nothing() {
        let p = new_promise(None);
        perform_promise_then(&p, None, None, None);
        let effects = reject_promise(&p, Value::Undefined);
        assert_eq!(effects.rejection, None);
        assert_eq!(
            effects.jobs.len(),
            1,
            "the identity/thrower reaction still runs"
        );
    }
}
