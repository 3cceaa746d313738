//! Value-level behaviour; expected values were checked with node.
use super::super::gc::{force_collect, heap_stats};
use super::super::object::{ArrayData, OrderedMap};
use super::super::*;

fn s(x: &str) -> Value {
    Value::from(x)
}

#[test]
fn sizes() {
    assert_eq!(size_of::<Value>(), 16);
    assert_eq!(size_of::<Option<Value>>(), 16);
    assert_eq!(size_of::<JsString>(), 8);
    assert_eq!(size_of::<Symbol>(), 8);
    assert_eq!(size_of::<JsObject>(), 8);
    assert_eq!(size_of::<PropertyKey>(), 16);
    eprintln!(
        "sizes: ObjectData {} PropertyMap {} ObjectKind {} Property {}",
        size_of::<ObjectData>(),
        size_of::<PropertyMap>(),
        size_of::<ObjectKind>(),
        size_of::<Property>()
    );
}

#[test]
fn to_boolean() {
    // node: [undefined, null, 0, -0, NaN, '', false].map(Boolean) all false
    for v in [
        Value::Undefined,
        Value::Null,
        0.0.into(),
        (-0.0).into(),
        f64::NAN.into(),
        s(""),
        false.into(),
    ] {
        assert!(!v.to_boolean(), "{v:?}");
    }
    // node: ['0', ' ', 'false', 1, -Infinity, {}, Symbol()].map(Boolean) all true
    let obj = JsObject::ordinary(None);
    for v in [
        s("0"),
        s(" "),
        s("false"),
        1.0.into(),
        f64::NEG_INFINITY.into(),
        obj.into(),
        Symbol::new(None).into(),
    ] {
        assert!(v.to_boolean(), "{v:?}");
    }
}

#[test]
fn type_of() {
    let t = |v: Value| v.type_of().to_js_string().to_std_string_lossy();
    assert_eq!(t(Value::Undefined), "undefined");
    assert_eq!(t(Value::Null), "object");
    assert_eq!(t(true.into()), "boolean");
    assert_eq!(t(1.0.into()), "number");
    assert_eq!(t(s("x")), "string");
    assert_eq!(t(Symbol::new(None).into()), "symbol");
    assert_eq!(t(JsObject::ordinary(None).into()), "object");
}

#[test]
fn equality_family() {
    let nan = Value::from(f64::NAN);
    let pz = Value::from(0.0);
    let nz = Value::from(-0.0);
    // node: NaN === NaN false; Object.is(NaN, NaN) true; 0 === -0 true; Object.is(0, -0) false;
    // [NaN].includes(NaN) true; [-0].includes(0) true
    assert!(!nan.strict_equals(&nan));
    assert!(nan.same_value(&nan));
    assert!(pz.strict_equals(&nz));
    assert!(!pz.same_value(&nz));
    assert!(nan.same_value_zero(&nan));
    assert!(pz.same_value_zero(&nz));
    assert!(s("ab").strict_equals(&s("ab")));
    assert!(!s("1").strict_equals(&1.0.into()));
    let o = JsObject::ordinary(None);
    assert!(Value::from(o.clone()).strict_equals(&o.clone().into()));
    assert!(!Value::from(o).strict_equals(&JsObject::ordinary(None).into()));
    // node: null == undefined true; null == 0 false; '1' == 1 true; true == '1' true;
    // '' == 0 true; 'x' == NaN false; Symbol() == Symbol() false
    let le = |a: Value, b: Value| a.loose_equals_primitive(&b);
    assert_eq!(le(Value::Null, Value::Undefined), Some(true));
    assert_eq!(le(Value::Null, 0.0.into()), Some(false));
    assert_eq!(le(s("1"), 1.0.into()), Some(true));
    assert_eq!(le(true.into(), s("1")), Some(true));
    assert_eq!(le(s(""), 0.0.into()), Some(true));
    assert_eq!(le(s("x"), f64::NAN.into()), Some(false));
    assert_eq!(
        le(Symbol::new(None).into(), Symbol::new(None).into()),
        Some(false)
    );
    assert_eq!(le(JsObject::ordinary(None).into(), 1.0.into()), None);
    assert_eq!(
        le(JsObject::ordinary(None).into(), Value::Null),
        Some(false)
    );
}

#[test]
fn primitive_conversions() {
    // node: String(undefined), String(null), String(true), String(-0), String(1e21), Number(' 0x10 '),
    // Number(null), Number(undefined), Number(true), Number('')
    let ts = |v: Value| v.to_string_primitive().unwrap().to_std_string_lossy();
    assert_eq!(ts(Value::Undefined), "undefined");
    assert_eq!(ts(Value::Null), "null");
    assert_eq!(ts(true.into()), "true");
    assert_eq!(ts((-0.0).into()), "0");
    assert_eq!(ts(1e21.into()), "1e+21");
    assert_eq!(ts(0.1.into()), "0.1");
    let tn = |v: Value| v.to_number_primitive().unwrap();
    assert_eq!(tn(s(" 0x10 ")), 16.0);
    assert_eq!(tn(Value::Null), 0.0);
    assert!(tn(Value::Undefined).is_nan());
    assert_eq!(tn(true.into()), 1.0);
    assert_eq!(tn(s("")), 0.0);
    assert!(matches!(
        Value::from(Symbol::new(None)).to_number_primitive(),
        Err(ConversionError::TypeError(_))
    ));
    assert_eq!(
        Value::from(JsObject::ordinary(None)).to_string_primitive(),
        Err(ConversionError::NeedsToPrimitive)
    );
    // node: ({[true]: 1}).true === 1; ({[null]: 1}).null === 1; ({['7']: 1})[7] === 1
    assert_eq!(
        Value::from(true).to_property_key_primitive().unwrap(),
        PropertyKey::from_str_key("true")
    );
    assert_eq!(
        Value::Null.to_property_key_primitive().unwrap(),
        PropertyKey::String(atoms::NULL)
    );
    assert_eq!(
        s("7").to_property_key_primitive().unwrap(),
        PropertyKey::Index(7)
    );
}

#[test]
fn object_records_and_prototypes() {
    let proto = JsObject::ordinary(None);
    let obj = JsObject::ordinary(Some(proto.clone()));
    assert_eq!(obj.prototype(), Some(proto.clone()));
    let key = PropertyKey::String(Atom::intern_str("x"));
    obj.borrow_mut().properties.insert(
        key.clone(),
        Property::data(42.0.into(), Attributes::DEFAULT),
    );
    assert!(matches!(obj.get_own_data(&key), Some(Value::Number(n)) if n == 42.0));
    assert!(proto.get_own_data(&key).is_none());
    let arr = JsObject::new(Some(proto), ObjectKind::Array(ArrayData::default()));
    assert_eq!(arr.kind_name(), "Array");
    assert!(format!("{arr:?}").starts_with("[object Array @"));
}

/// Objects referencing each other through properties and prototypes are reclaimed.
#[test]
fn object_cycles_are_collected() {
    force_collect();
    let before = heap_stats().live_boxes;
    let key = PropertyKey::String(Atom::intern_str("other"));
    for _ in 0..10_000 {
        let a = JsObject::ordinary(None);
        let b = JsObject::ordinary(Some(a.clone()));
        a.borrow_mut().properties.insert(
            key.clone(),
            Property::data(b.clone().into(), Attributes::DEFAULT),
        );
        b.borrow_mut().properties.insert(
            key.clone(),
            Property::data(a.clone().into(), Attributes::DEFAULT),
        );
    }
    force_collect();
    assert_eq!(heap_stats().live_boxes, before);
}

#[test]
fn ordered_map_semantics() {
    let mut m = OrderedMap::new();
    // node: new Map([[-0, 'a'], [NaN, 'b']]).get(0) === 'a', .get(NaN) === 'b', keys: [0, NaN]
    m.set((-0.0).into(), s("a"));
    m.set(f64::NAN.into(), s("b"));
    assert!(m.get(&0.0.into()).unwrap().strict_equals(&s("a")));
    assert!(m.get(&f64::NAN.into()).unwrap().strict_equals(&s("b")));
    let first_key = m.iter().next().unwrap().0.clone();
    assert!(first_key.same_value(&0.0.into())); // stored as +0
                                                // Objects by identity; strings by content.
    let o = JsObject::ordinary(None);
    m.set(o.clone().into(), 1.0.into());
    assert!(m.has(&o.clone().into()));
    assert!(!m.has(&JsObject::ordinary(None).into()));
    m.set(s("k"), 1.0.into());
    m.set(JsString::from("k").into(), 2.0.into()); // update keeps position
    assert_eq!(m.len(), 4);
    // Iteration sees additions and skips deletions made during it.
    m.iterator_opened();
    let (pos, _, _) = m.next_entry(0).unwrap();
    assert!(m.delete(&f64::NAN.into()));
    m.set(s("late"), Value::Undefined);
    let mut seen = Vec::new();
    let mut p = pos;
    while let Some((np, k, _)) = m.next_entry(p) {
        seen.push(k.clone());
        p = np;
    }
    m.iterator_closed();
    assert_eq!(seen.len(), 3); // object, "k", "late"
    assert!(seen[2].strict_equals(&s("late")));
    // Churn stays bounded once no iterator is open.
    for i in 1..100_000 {
        m.set(f64::from(i).into(), Value::Undefined);
        m.delete(&f64::from(i).into());
    }
    assert_eq!(m.len(), 4);
    assert!(m.next_entry(0).is_some());
}

#[test]
fn weak_map_of_objects() {
    let mut wm: gc::WeakMap<gc::GcRefCell<ObjectData>, Value> = gc::WeakMap::new();
    let k = JsObject::ordinary(None);
    wm.insert(k.as_gc(), 5.0.into());
    assert!(matches!(wm.get(k.as_gc()), Some(Value::Number(n)) if n == 5.0));
}

/// A 1M-long chain of objects linked through properties and prototypes is marked and swept
/// without recursion on a small stack (our Trace impls feed boa_gc's iterative marking).
#[test]
fn million_object_chain_on_small_stack() {
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(|| {
            let key = PropertyKey::String(Atom::intern_str("next"));
            let head = JsObject::ordinary(None);
            let mut tail = head.clone();
            for i in 0..1_000_000u32 {
                let n = JsObject::ordinary(if i % 2 == 0 { Some(tail.clone()) } else { None });
                tail.borrow_mut().properties.insert(
                    key.clone(),
                    Property::data(n.clone().into(), Attributes::DEFAULT),
                );
                tail = n;
            }
            drop(tail);
            force_collect();
            assert!(heap_stats().live_boxes > 1_000_000);
            drop(head);
            force_collect();
            assert_eq!(heap_stats().live_boxes, 0);
        })
        .unwrap()
        .join()
        .expect("deep object chain overflowed the stack");
}
