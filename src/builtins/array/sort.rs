//! `Array.prototype.sort` and `toSorted` (ECMA-262 §23.1.3.30, SortIndexedProperties,
//! CompareArrayElements): a stable merge sort that calls the comparator through a fallible
//! closure, so an exception from the comparator (or from ToNumber of its result) stops the sort
//! at once and leaves `this` untouched (the elements are written back only after sorting).
//!
//! The sort permutes indices into the collected values: comparisons are JS calls, moves are
//! integer copies. `undefined` values sort last without the comparator being called (the spec's
//! CompareArrayElements), and `sort` deletes the holes' indices at the end.
//!
//! The algorithm: binary insertion sort on runs of `RUN` elements (one comparison per element
//! on already sorted input), then bottom-up merging that skips a merge when the two halves are
//! already in order. Comparator inconsistency cannot break it (no unchecked indexing, every
//! step terminates).

use super::{
    delete_index, get_if_present, get_index, length_of_array_like, set_dense_run, set_index,
    take_dense_run, this_object, MAX_ARRAY_LENGTH,
};
use crate::builtins::arg;
use crate::interp::function::is_callable;
use crate::interp::{ops, Callback, Interp, JsResult};
use crate::lower::tree::{Code, Expr, Place};
use crate::parser::ast::BinaryOp;
use crate::value::Value;

const RUN: usize = 32;

/// A stable merge sort of `a` under `gt(x, y)` ("x sorts after y"), which may throw. Values
/// are moved, never cloned (a clone of an object would touch its heap header: the merge walks
/// the vectors sequentially and leaves the objects alone until the comparator reads them).
fn merge_sort<T: Default>(
    mut a: Vec<T>,
    gt: &mut dyn FnMut(&T, &T) -> JsResult<bool>,
) -> JsResult<Vec<T>> {
    let n = a.len();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        // The chunk's ordered prefix costs one comparison per element (linear on sorted
        // input); past the first descent, plain binary insertion (fewest comparisons on
        // random input).
        let mut i = start + 1;
        while i < end && !gt(&a[i - 1], &a[i])? {
            i += 1;
        }
        if i < end {
            // a[i] sorts before a[i - 1]: its place is in a[start..i-1].
            insert(&mut a, start, i - 1, i, gt)?;
            for j in i + 1..end {
                insert(&mut a, start, j, j, gt)?;
            }
        }
        start = end;
    }
    // Every pass moves each value from `a` to `buf` exactly once (by swap), leaving defaults
    // behind, so the vectors trade roles without duplicating anything.
    let mut buf: Vec<T> = std::iter::repeat_with(T::default).take(n).collect();
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            if mid >= end || !gt(&a[mid - 1], &a[mid])? {
                buf[start..end].swap_with_slice(&mut a[start..end]);
            } else {
                let (mut l, mut r, mut out) = (start, mid, start);
                while l < mid && r < end {
                    // (`buf` holds defaults here: a swap moves without drop glue.)
                    if gt(&a[l], &a[r])? {
                        std::mem::swap(&mut buf[out], &mut a[r]);
                        r += 1;
                    } else {
                        std::mem::swap(&mut buf[out], &mut a[l]);
                        l += 1;
                    }
                    out += 1;
                }
                buf[out..out + (mid - l)].swap_with_slice(&mut a[l..mid]);
                out += mid - l;
                buf[out..out + (end - r)].swap_with_slice(&mut a[r..end]);
            }
            start = end;
        }
        std::mem::swap(&mut a, &mut buf);
        width *= 2;
    }
    Ok(a)
}

/// Binary insertion: moves a[i] to its upper bound in a[start..hi] (after every element equal
/// to it: stable); a[hi..i] all sort after a[i].
fn insert<T>(
    a: &mut [T],
    start: usize,
    hi: usize,
    i: usize,
    gt: &mut dyn FnMut(&T, &T) -> JsResult<bool>,
) -> JsResult<()> {
    let (mut lo, mut hi) = (start, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if gt(&a[mid], &a[i])? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    a[lo..=i].rotate_right(1);
    Ok(())
}

/// Sorts `items` with CompareArrayElements: undefined last, then `comparefn` or the default
/// string order (each value's ToString computed once, in order).
fn sort_values(interp: &mut Interp, items: Vec<Value>, cmp: &Value) -> JsResult<Vec<Value>> {
    let total = items.len();
    let values: Vec<Value> = items.into_iter().filter(|v| !v.is_undefined()).collect();
    let undefined_count = total - values.len();
    let mut out = if cmp.is_undefined() {
        let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(values.len());
        for v in values {
            let key = match &v {
                Value::String(_) => v.clone(),
                other => Value::String(ops::to_string(interp, other)?),
            };
            keyed.push((key, v));
        }
        let sorted = merge_sort(keyed, &mut |x, y| {
            Ok(match (&x.0, &y.0) {
                (Value::String(a), Value::String(b)) => a.as_slice() > b.as_slice(),
                _ => false,
            })
        })?;
        sorted.into_iter().map(|(_, v)| v).collect()
    } else {
        let cmp = Callback::new(cmp);
        if let Some(descending) = cmp.lean_code().and_then(numeric_comparator) {
            if let Some(nums) = values
                .iter()
                .map(|v| match v {
                    Value::Number(n) => Some(*n),
                    _ => None,
                })
                .collect::<Option<Vec<f64>>>()
            {
                // The comparator is `x - y` (or `y - x`) on numbers: no side effects, so the
                // same merge (same comparisons, same result) runs without calling it.
                let sorted = if descending {
                    merge_sort(nums, &mut |x, y| Ok(*y - *x > 0.0))?
                } else {
                    merge_sort(nums, &mut |x, y| Ok(*x - *y > 0.0))?
                };
                let mut out: Vec<Value> = sorted.into_iter().map(Value::Number).collect();
                out.extend(std::iter::repeat_n(Value::Undefined, undefined_count));
                return Ok(out);
            }
        }
        // Nothing but the comparator runs code until the merge is done: it stays entered
        // between calls.
        let mut entered = None;
        let sorted = merge_sort(values, &mut |x, y| {
            let v = interp.call_callback_entered(&cmp, &mut entered, x, y)?;
            // NaN compares as +0 (equal).
            Ok(v > 0.0)
        });
        interp.leave_callback(&mut entered);
        sorted?
    };
    out.extend(std::iter::repeat_n(Value::Undefined, undefined_count));
    Ok(out)
}

/// A comparator whose whole effect is `return a - b` (`Some(false)`) or `return b - a`
/// (`Some(true)`) on its two parameters (`function (a, b) { return a - b; }`, `(a, b) => b - a`):
/// on numbers its result is that difference, with no side effect. SpiderMonkey recognises the
/// same shapes.
fn numeric_comparator(code: &Code) -> Option<bool> {
    if code.param_init.is_some()
        || code.env.is_some()
        || !code.params_in_place
        || !code.tdz_regs.is_empty()
    {
        return None;
    }
    let [Place::Reg(p), Place::Reg(q)] = code.params[..] else {
        return None;
    };
    if p == q {
        return None;
    }
    match code.expr_body {
        Some(Expr::BinRegReg {
            op: BinaryOp::Sub,
            a,
            b,
        }) => {
            if a == p && b == q {
                Some(false)
            } else if a == q && b == p {
                Some(true)
            } else {
                None
            }
        }
        _ => None,
    }
}

fn comparator_arg(interp: &mut Interp, args: &[Value]) -> JsResult<Value> {
    let cmp = arg(args, 0);
    if !cmp.is_undefined() && !is_callable(&cmp) {
        return Err(interp
            .throw_type_error("The comparison function must be either a function or undefined"));
    }
    Ok(cmp)
}

/// `sort(comparefn)`.
pub fn sort(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let cmp = comparator_arg(interp, args)?;
    let obj = this_object(interp, this)?;
    let len = length_of_array_like(interp, &obj)?;
    // SortIndexedProperties(obj, len, SortCompare, skip-holes).
    let mut items = Vec::new();
    let mut k = take_dense_run(&obj, 0, len, &mut items);
    while k < len {
        if let Some(v) = get_if_present(interp, &obj, k)? {
            items.push(v);
        }
        k += 1;
    }
    let sorted = sort_values(interp, items, &cmp)?;
    let count = sorted.len() as u64;
    let mut sorted = sorted.into_iter();
    let written = set_dense_run(&obj, 0, &mut sorted);
    for (j, v) in (written..).zip(sorted) {
        set_index(interp, &obj, j, v)?;
    }
    for j in count..len {
        delete_index(interp, &obj, j)?;
    }
    Ok(obj)
}

/// `toSorted(comparefn)`: holes read as undefined; the result is a new %Array%.
pub fn to_sorted(interp: &mut Interp, this: &Value, args: &[Value]) -> JsResult<Value> {
    let cmp = comparator_arg(interp, args)?;
    let o = this_object(interp, this)?;
    let len = length_of_array_like(interp, &o)?;
    if len > MAX_ARRAY_LENGTH {
        return Err(interp.throw_range_error("Invalid array length"));
    }
    let mut items = Vec::with_capacity(len.min(1 << 16) as usize);
    for k in 0..len {
        items.push(get_index(interp, &o, k)?);
    }
    let sorted = sort_values(interp, items, &cmp)?;
    Ok(Value::Object(interp.new_array(sorted)))
}

#[cfg(test)]
mod tests {
    use super::merge_sort;

    #[test]
    fn merge_sort_is_stable_and_sorted() {
        // Keys with many duplicates: equal keys must keep their original order.
        let items: Vec<(u32, usize)> = (0..1000usize)
            .map(|i| ((i as u32 * 7919) % 37, i))
            .collect();
        let order = merge_sort(items, &mut |x, y| Ok(x.0 > y.0)).unwrap();
        for w in order.windows(2) {
            assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1));
        }
        let mut seen: Vec<usize> = order.iter().map(|x| x.1).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn merge_sort_survives_inconsistent_comparators() {
        let mut flip = false;
        let order = merge_sort((0..100usize).collect(), &mut |_, _| {
            flip = !flip;
            Ok(flip)
        })
        .unwrap();
        let mut seen = order;
        seen.sort_unstable();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    /// Random input: within 4% of the information-theoretic minimum, log2(100000!) ≈ 1.517M.
    #[test]
    fn merge_sort_comparisons_near_optimal() {
        let mut seed: u64 = 12345;
        let v: Vec<u64> = (0..100_000)
            .map(|_| {
                seed = (seed * 48271) % 2147483647;
                seed % 1000000
            })
            .collect();
        let mut calls = 0u64;
        merge_sort(v, &mut |x, y| {
            calls += 1;
            Ok(x > y)
        })
        .unwrap();
        assert!(calls < 1_578_000, "{calls} comparisons");
    }

    #[test]
    fn merge_sort_sorted_input_is_linear() {
        let mut calls = 0;
        merge_sort((0..10_000usize).collect(), &mut |i, j| {
            calls += 1;
            Ok(i > j)
        })
        .unwrap();
        assert!(calls < 11_000, "{calls} comparisons");
    }
}
