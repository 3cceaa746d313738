//! Classes at run time: ClassDefinitionEvaluation (prototype and constructor objects, methods,
//! accessors, fields, static blocks, private names), [[Construct]] of class constructors
//! (base: fields initialised before the body; derived: `this` bound by `super(...)`),
//! `super.x`, private element access (`#x`), and tagged-template objects.
//!
//! Not here: lowering (`lower::build::class`), ordinary function calls (`interp::mod`).

use super::function::{self, ClosureExtra, Env};
use super::{props, Interp, JsResult};
use crate::lower::tree::*;
use crate::value::gc::Gc;
use crate::value::object::{ObjectKind, PrivateElement};
use crate::value::property::{Attributes, Property, PropertyMap};
use crate::value::{atoms, JsObject, PropertyKey, Symbol, Value};
use std::rc::Rc;

impl Interp {
    /// `[[Get]]` of a member expression, with `#x` private names.
    pub(crate) fn get_member(&mut self, obj: &Value, key: &PropertyKey) -> JsResult<Value> {
        match (key, obj) {
            (PropertyKey::Symbol(s), _) if s.is_private() => return self.private_get(obj, s),
            // A getter on the chain (what the fast data-property walk left): called directly.
            (PropertyKey::String(_), Value::Object(o)) => {
                if let Some(g) = props::named_getter(o, key) {
                    return self.call_getter(g, obj);
                }
            }
            _ => {}
        }
        props::get_value(self, obj, key)
    }

    /// Call a getter with `receiver` as `this` (the lean call path for lean code).
    #[inline]
    fn call_getter(&mut self, g: Option<JsObject>, receiver: &Value) -> JsResult<Value> {
        let Some(g) = g else {
            return Ok(Value::Undefined);
        };
        if let function::FastCall::Lean(code, env) = function::fast_call(&g) {
            let base = self.stack.len();
            return self.call_lean(&code, env, receiver.clone(), base, &g);
        }
        self.call(&Value::Object(g), receiver.clone(), &[])
    }

    /// PutValue of a member expression, with `#x` private names.
    pub(crate) fn put_member(&mut self, obj: &Value, key: PropertyKey, v: Value) -> JsResult<()> {
        if let PropertyKey::Symbol(s) = &key {
            if s.is_private() {
                return self.private_set(obj, s, v);
            }
        }
        props::put_value(self, obj, key, v)
    }

    fn private_element(&mut self, obj: &Value, name: &Symbol) -> Option<PrivateElementRef> {
        let Value::Object(o) = obj else { return None };
        let data = o.borrow();
        let list = data.private_elements()?;
        let (_, e) = list.iter().find(|(n, _)| Symbol::ptr_eq(n, name))?;
        Some(match e {
            PrivateElement::Field(v) => PrivateElementRef::Field(v.clone()),
            PrivateElement::Method(v) => PrivateElementRef::Method(v.clone()),
            PrivateElement::Accessor { get, set } => {
                PrivateElementRef::Accessor(get.clone(), set.clone())
            }
        })
    }

    fn private_name_string(name: &Symbol) -> String {
        name.description()
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    /// PrivateGet.
    fn private_get(&mut self, obj: &Value, name: &Symbol) -> JsResult<Value> {
        match self.private_element(obj, name) {
            Some(PrivateElementRef::Field(v)) | Some(PrivateElementRef::Method(v)) => Ok(v),
            Some(PrivateElementRef::Accessor(Some(g), _)) => {
                self.call(&Value::Object(g), obj.clone(), &[])
            }
            Some(PrivateElementRef::Accessor(None, _)) => {
                let n = Self::private_name_string(name);
                Err(self.throw_type_error(&format!("'{n}' was defined without a getter")))
            }
            None => {
                let n = Self::private_name_string(name);
                Err(self.throw_type_error(&format!(
                    "Cannot read private member {n} from an object whose class did not declare it"
                )))
            }
        }
    }

    /// PrivateSet.
    fn private_set(&mut self, obj: &Value, name: &Symbol, v: Value) -> JsResult<()> {
        match self.private_element(obj, name) {
            Some(PrivateElementRef::Field(_)) => {
                if let Value::Object(o) = obj {
                    let mut data = o.borrow_mut();
                    if let Some(list) = data.private_elements_mut() {
                        if let Some((_, e)) = list.iter_mut().find(|(n, _)| Symbol::ptr_eq(n, name))
                        {
                            *e = PrivateElement::Field(v);
                        }
                    }
                }
                Ok(())
            }
            Some(PrivateElementRef::Accessor(_, Some(s))) => {
                self.call(&Value::Object(s), obj.clone(), &[v])?;
                Ok(())
            }
            Some(PrivateElementRef::Accessor(_, None)) => {
                let n = Self::private_name_string(name);
                Err(self.throw_type_error(&format!("'{n}' was defined without a setter")))
            }
            Some(PrivateElementRef::Method(_)) => {
                let n = Self::private_name_string(name);
                Err(self.throw_type_error(&format!("Private method '{n}' is not writable")))
            }
            None => {
                let n = Self::private_name_string(name);
                Err(self.throw_type_error(&format!(
                    "Cannot write private member {n} to an object whose class did not declare it"
                )))
            }
        }
    }

    /// `#x in obj`.
    pub(crate) fn private_in(&mut self, name: &Symbol, obj: &Value) -> JsResult<Value> {
        if !matches!(obj, Value::Object(_)) {
            let s = crate::builtins::console::inspect_short(obj);
            return Err(self.throw_type_error(&format!(
                "Cannot use 'in' operator to search for '{}' in {s}",
                Self::private_name_string(name)
            )));
        }
        Ok(Value::Bool(self.private_element(obj, name).is_some()))
    }

    /// PrivateFieldAdd / PrivateMethodOrAccessorAdd.
    fn private_add(&mut self, o: &JsObject, name: &Symbol, e: PrivateElement) -> JsResult<()> {
        if self
            .private_element(&Value::Object(o.clone()), name)
            .is_some()
        {
            let n = Self::private_name_string(name);
            return Err(
                self.throw_type_error(&format!("Cannot initialize {n} twice on the same object"))
            );
        }
        o.borrow_mut()
            .private_elements_or_insert()
            .push((name.clone(), e));
        Ok(())
    }

    /// A method closure with its home object.
    fn make_method(&mut self, code: &Rc<Code>, home: &JsObject) -> JsObject {
        let f = self.make_closure(code);
        let Value::Object(f) = f else {
            unreachable!("closures are objects")
        };
        function::extra_mut(&f, |x| x.home = Some(home.clone()));
        f
    }

    /// SetFunctionName(F, key, prefix).
    fn set_function_name(&mut self, f: &JsObject, key: &PropertyKey, prefix: Option<&str>) {
        let base = match key {
            PropertyKey::Symbol(s) if s.is_private() => Self::private_name_string(s),
            PropertyKey::Symbol(s) => match s.description() {
                Some(d) => format!("[{d}]"),
                None => String::new(),
            },
            k => props::key_display(k),
        };
        let name = match prefix {
            Some(p) => format!("{p} {base}"),
            None => base,
        };
        props::define_builtin_prop(f, atoms::NAME, Value::from(name.as_str()));
    }

    /// ClassDefinitionEvaluation.
    pub(crate) fn eval_class(&mut self, c: &ClassDef) -> JsResult<Value> {
        let saved = c.env.as_ref().map(|shape| {
            let new = Env::new(shape, self.env.clone(), &self.uninit);
            self.env.replace(new)
        });
        for &r in c.tdz_regs.iter() {
            self.stack[self.base + r as usize] = self.uninit.clone();
        }
        let r = self.class_body(c);
        if let Some(env) = saved {
            self.env = env;
        }
        r
    }

    fn class_body(&mut self, c: &ClassDef) -> JsResult<Value> {
        let (proto_parent, ctor_parent) = match &c.heritage {
            None => (
                Some(self.intrinsics.object_proto.clone()),
                self.intrinsics.function_proto.clone(),
            ),
            Some(h) => {
                let sup = self.expr(h)?;
                match &sup {
                    Value::Null => (None, self.intrinsics.function_proto.clone()),
                    Value::Object(o) if Interp::is_constructor(&sup) => {
                        let pp = props::get(self, &sup, &PropertyKey::String(atoms::PROTOTYPE))?;
                        match pp {
                            Value::Object(p) => (Some(p), o.clone()),
                            Value::Null => (None, o.clone()),
                            other => {
                                let s = crate::builtins::console::inspect_short(&other);
                                return Err(self.throw_type_error(&format!(
                                    "Class extends value does not have valid prototype property {s}"
                                )));
                            }
                        }
                    }
                    other => {
                        let s = crate::builtins::console::inspect_short(other);
                        return Err(self.throw_type_error(&format!(
                            "Class extends value {s} is not a constructor or null"
                        )));
                    }
                }
            }
        };
        let proto = JsObject::ordinary(proto_parent);
        let f = self.make_method(&c.constructor, &proto);
        f.borrow_mut().prototype = Some(ctor_parent);
        crate::value::property::bump_lookup_epoch();
        f.borrow_mut().properties.insert(
            PropertyKey::String(atoms::PROTOTYPE),
            Property::data(Value::Object(proto.clone()), Attributes::NONE),
        );
        props::define_hidden(
            &proto,
            PropertyKey::String(atoms::CONSTRUCTOR),
            Value::Object(f.clone()),
        );
        let mut instance_fields: Vec<(PropertyKey, Option<JsObject>)> = Vec::new();
        let mut private_methods: Vec<(Symbol, PrivateElement)> = Vec::new();
        // Static fields and blocks run after every element is defined.
        enum Static {
            Field(PropertyKey, Option<JsObject>),
            Block(JsObject),
        }
        let mut statics: Vec<Static> = Vec::new();
        for el in c.elements.iter() {
            match el {
                ClassElement::Method {
                    key,
                    func,
                    kind,
                    is_static,
                } => {
                    let target = if *is_static { f.clone() } else { proto.clone() };
                    let k = self.key(key)?;
                    let m = self.make_method(func, &target);
                    let prefix = match kind {
                        MethodKind::Method => None,
                        MethodKind::Get => Some("get"),
                        MethodKind::Set => Some("set"),
                    };
                    self.set_function_name(&m, &k, prefix);
                    if let PropertyKey::Symbol(name) = &k {
                        if name.is_private() {
                            let element = match kind {
                                MethodKind::Method => PrivateElement::Method(Value::Object(m)),
                                MethodKind::Get => PrivateElement::Accessor {
                                    get: Some(m),
                                    set: None,
                                },
                                MethodKind::Set => PrivateElement::Accessor {
                                    get: None,
                                    set: Some(m),
                                },
                            };
                            if *is_static {
                                merge_private(
                                    f.borrow_mut().private_elements_or_insert(),
                                    name,
                                    element,
                                );
                            } else {
                                merge_private(&mut private_methods, name, element);
                            }
                            continue;
                        }
                    }
                    match kind {
                        MethodKind::Method => {
                            props::define_hidden(&target, k, Value::Object(m));
                        }
                        MethodKind::Get | MethodKind::Set => {
                            let mut data = target.borrow_mut();
                            let (mut g, mut s) = (None, None);
                            if let Some(crate::value::property::PropertyRef::Accessor(a, _)) =
                                data.properties.get(&k)
                            {
                                g = a.get.clone();
                                s = a.set.clone();
                            }
                            if *kind == MethodKind::Get {
                                g = Some(m);
                            } else {
                                s = Some(m);
                            }
                            data.properties
                                .insert(k, Property::accessor(g, s, Attributes::CONFIGURABLE));
                        }
                    }
                }
                ClassElement::Field {
                    key,
                    init,
                    is_static,
                } => {
                    let k = self.key(key)?;
                    let home = if *is_static { &f } else { &proto };
                    let init = init.as_ref().map(|code| self.make_method(code, home));
                    if *is_static {
                        statics.push(Static::Field(k, init));
                    } else {
                        instance_fields.push((k, init));
                    }
                }
                ClassElement::StaticBlock(code) => {
                    let b = self.make_method(code, &f);
                    statics.push(Static::Block(b));
                }
            }
        }
        if let Some(place) = c.binding {
            self.write_place(place, Value::Object(f.clone()));
        }
        function::extra_mut(&f, |x| {
            x.fields = instance_fields;
            x.private_methods = private_methods;
            x.proto = Some(proto.clone());
        });
        for s in statics {
            match s {
                Static::Field(k, init) => {
                    let v = match init {
                        Some(i) => self.call(&Value::Object(i), Value::Object(f.clone()), &[])?,
                        None => Value::Undefined,
                    };
                    self.define_field(&f, k, v)?;
                }
                Static::Block(b) => {
                    self.call(&Value::Object(b), Value::Object(f.clone()), &[])?;
                }
            }
        }
        Ok(Value::Object(f))
    }

    /// DefineField: a public field (CreateDataPropertyOrThrow) or a private one.
    fn define_field(&mut self, o: &JsObject, k: PropertyKey, v: Value) -> JsResult<()> {
        if let PropertyKey::Symbol(name) = &k {
            if name.is_private() {
                let name = name.clone();
                return self.private_add(o, &name, PrivateElement::Field(v));
            }
        }
        if props::is_proxy(o) {
            return props::create_data_property_or_throw(self, o, k, v);
        }
        let existing = o.borrow().get_own_property(&k);
        if let Some(p) = existing {
            if !p.attrs.configurable() {
                let s = props::key_display(&k);
                return Err(self.throw_type_error(&format!("Cannot redefine property: {s}")));
            }
        }
        if !o.borrow().is_extensible() && o.borrow().get_own_property(&k).is_none() {
            let s = props::key_display(&k);
            return Err(self.throw_type_error(&format!(
                "Cannot define property {s}, object is not extensible"
            )));
        }
        props::define_data(o, k, v);
        Ok(())
    }

    /// InitializeInstanceElements(O, constructor).
    #[inline(always)]
    pub(crate) fn initialize_instance_elements(
        &mut self,
        o: &JsObject,
        ctor: &JsObject,
    ) -> JsResult<()> {
        let none = function::with_extra(ctor, |x| {
            x.is_none_or(|x| x.fields.is_empty() && x.private_methods.is_empty())
        });
        if none {
            return Ok(());
        }
        self.add_instance_elements(o, ctor)
    }

    /// `initialize_instance_elements` for a class with fields or private methods.
    #[inline(never)]
    fn add_instance_elements(&mut self, o: &JsObject, ctor: &JsObject) -> JsResult<()> {
        let (methods, fields) = function::with_extra(ctor, |x| match x {
            Some(ClosureExtra {
                fields,
                private_methods,
                ..
            }) => (
                private_methods
                    .iter()
                    .map(|(n, e)| (n.clone(), clone_private(e)))
                    .collect::<Vec<_>>(),
                fields.clone(),
            ),
            None => (Vec::new(), Vec::new()),
        });
        for (name, e) in methods {
            self.private_add(o, &name, e)?;
        }
        for (k, init) in fields {
            let v = match init {
                Some(i) => self.call(&Value::Object(i), Value::Object(o.clone()), &[])?,
                None => Value::Undefined,
            };
            self.define_field(o, k, v)?;
        }
        Ok(())
    }

    /// `super.x`: HomeObject.[[Prototype]].[[Get]](x, this).
    pub(crate) fn super_get(&mut self, this: Value, key: &PropertyKey) -> JsResult<Value> {
        let Some(home) = self.home.clone() else {
            return Err(self.throw_type_error("'super' keyword unexpected here"));
        };
        let Some(proto) = home.prototype() else {
            return Ok(Value::Undefined);
        };
        if let PropertyKey::String(_) = key {
            // A data property (`super.method()`) needs no receiver; a getter gets `this`.
            if let Some(v) = props::get_named_fast(&proto, key) {
                return Ok(v);
            }
            if let Some(g) = props::named_getter(&proto, key) {
                return self.call_getter(g, &this);
            }
        }
        props::get_with_receiver(self, &proto, key, &this)
    }

    /// `super(...args)`, the arguments on the stack from `base` (consumed): `func` is the
    /// active function and `parent` its [[GetPrototypeOf]] (GetSuperConstructor, taken
    /// before the arguments were evaluated).
    pub(crate) fn super_call_at(
        &mut self,
        func: JsObject,
        parent: Option<JsObject>,
        base: usize,
        this_place: Place,
        new_target: Value,
    ) -> JsResult<Value> {
        let Value::Object(nt) = new_target else {
            self.truncate_stack(base);
            return Err(self.throw_type_error("'super' keyword unexpected here"));
        };
        let result = self.construct_parent(&func, parent, base, &nt)?;
        let bound = match this_place {
            Place::Reg(r) => !self.is_uninit(&self.stack[self.base + r as usize]),
            place => {
                let current = self.read_place(place, None)?;
                !self.is_uninit(&current)
            }
        };
        if bound {
            return Err(self.throw_reference_error("Super constructor may only be called once"));
        }
        self.write_place(this_place, result.clone());
        if let Value::Object(o) = &result {
            self.initialize_instance_elements(o, &func)?;
        }
        Ok(result)
    }

    /// Construct(parent, args, newTarget) for `super(...)` and synthesized derived
    /// constructors, the arguments on the stack from `base` (consumed): a lean constructor
    /// takes them in place.
    fn construct_parent(
        &mut self,
        func: &JsObject,
        parent: Option<JsObject>,
        base: usize,
        new_target: &JsObject,
    ) -> JsResult<Value> {
        if let Some(p) = &parent {
            if let Some((code, env)) = function::lean_ctor(p) {
                return self.construct_lean(&code, env, p, base, new_target);
            }
        }
        let parent_v = parent.map(Value::Object).unwrap_or(Value::Null);
        if !Interp::is_constructor(&parent_v) {
            self.truncate_stack(base);
            return Err(self.super_not_constructor(func, &parent_v));
        }
        let mut args = self.take_arg_vec();
        args.extend(self.stack.drain(base..));
        let r = self.construct_with(&parent_v, &args, new_target);
        self.give_arg_vec(args);
        r
    }

    /// V8's "Super constructor X of C is not a constructor": X is a function's name (`null`
    /// when it has none), an object's `#<Ctor>`, or the primitive; C the class's name.
    #[cold]
    fn super_not_constructor(&mut self, func: &JsObject, parent: &Value) -> super::Throw {
        let what = match parent {
            Value::Object(o) if o.borrow().kind.is_callable() => {
                match o.get_own_data(&PropertyKey::String(atoms::NAME)) {
                    Some(Value::String(n)) if !n.is_empty() => n.to_std_string_lossy(),
                    _ => "null".into(),
                }
            }
            Value::Object(o) => props::describe_object(o),
            other => crate::builtins::console::inspect_short(other),
        };
        let name = function::closure_code(&func.borrow().kind)
            .map(|c| c.name)
            .filter(|n| *n != atoms::EMPTY)
            .map(|n| n.to_js_string().to_std_string_lossy());
        let class = name.unwrap_or_else(|| "anonymous class".into());
        self.throw_type_error(&format!(
            "Super constructor {what} of {class} is not a constructor"
        ))
    }

    /// [[Construct]] of a closure whose code is `lean_ctor` (`function::lean_ctor`), its
    /// arguments on the stack from `base` (consumed): OrdinaryCreateFromConstructor (or
    /// `this` in its TDZ for a derived constructor), a base class's fields, the body with
    /// `this`/`new.target`/home object in place, and the result rules — no `Callable`, no
    /// argument vector, no handle clones beyond the frame's.
    pub(crate) fn construct_lean(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        f: &JsObject,
        base: usize,
        new_target: &JsObject,
    ) -> JsResult<Value> {
        if code.default_derived {
            // `constructor(...args) { super(...args) }`: no frame of its own.
            if self.depth >= self.budget.max_depth {
                self.truncate_stack(base);
                return Err(self.depth_exceeded());
            }
            let result = self.construct_parent(f, f.prototype(), base, new_target)?;
            if let Value::Object(o) = &result {
                self.initialize_instance_elements(o, f)?;
            }
            return Ok(result);
        }
        self.enter_closure(base)?;
        let derived = code.class_ctor == Some(true);
        let this = if derived {
            None
        } else {
            match self.create_this(code, f, new_target) {
                Ok(o) => Some(o),
                Err(t) => {
                    self.truncate_stack(base);
                    return Err(t);
                }
            }
        };
        let (saved_base, saved_env) = self.enter_lean_registers(code, env, base);
        if let Some(place) = code.this_place {
            let v = match &this {
                Some(o) => Value::Object(o.clone()),
                None => self.uninit.clone(),
            };
            self.write_place(place, v);
        }
        if let Some(place) = code.new_target_place {
            self.write_place(place, Value::Object(new_target.clone()));
        }
        let saved_super = if code.uses_super {
            let home = function::with_extra(f, |x| x.and_then(|x| x.home.clone()));
            Some((
                std::mem::replace(&mut self.home, home),
                self.func.replace(f.clone()),
            ))
        } else {
            None
        };
        self.push_frame(code, super::stack::FrameKind::Construct, Some(f));
        let saved_strict = std::mem::replace(&mut self.strict, code.strict);
        self.depth += 1;
        let result = self.eval_lean_body(code);
        // (The derived rules read the `this` binding: before the frame goes. A primitive
        // result throws after it, as V8 reports it at the `new` site.)
        let mut bad_return = false;
        let result = match (result, this) {
            (Ok(r), _) if derived && !matches!(r, Value::Object(_) | Value::Undefined) => {
                r.release();
                bad_return = true;
                Ok(Value::Undefined)
            }
            (Ok(r), _) if derived => self.derived_result(code, r),
            (Ok(r @ Value::Object(_)), _) => Ok(r),
            (Ok(r), Some(this)) => {
                r.release();
                Ok(Value::Object(this))
            }
            (r, _) => r,
        };
        self.depth -= 1;
        self.strict = saved_strict;
        self.pop_frame();
        if let Some((home, func)) = saved_super {
            self.home = home;
            self.func = func;
        }
        self.base = saved_base;
        self.env = saved_env;
        self.truncate_stack(base);
        if bad_return {
            return Err(
                self.throw_type_error("Derived constructors may only return object or undefined")
            );
        }
        // The outermost construction (new.target is this function): its instance's size is
        // the next one's starting room.
        if let Ok(Value::Object(o)) = &result {
            if JsObject::ptr_eq(f, new_target) {
                if let Some(n) = o.borrow().properties.owned_named_len() {
                    code.ctor_props.set(n.min(u8::MAX as usize) as u8);
                }
            }
        }
        result
    }

    /// OrdinaryCreateFromConstructor(newTarget, %Object.prototype%) for a base constructor,
    /// with a base class's fields and private methods (InitializeInstanceElements).
    fn create_this(&mut self, code: &Code, f: &JsObject, nt: &JsObject) -> JsResult<JsObject> {
        let (proto, room) = match function::class_prototype(nt) {
            Some(p) => p,
            None => (
                self.get_prototype_from_constructor(nt, |i| &i.object_proto)?,
                0,
            ),
        };
        let this = JsObject::with_properties(
            Some(proto),
            PropertyMap::with_named_capacity(room),
            ObjectKind::Ordinary,
        );
        if code.class_ctor == Some(false) {
            self.initialize_instance_elements(&this, f)?;
        }
        Ok(this)
    }

    /// [[Construct]] of a closure (ordinary function or class constructor).
    pub(crate) fn construct_closure(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        me: Option<JsObject>,
        args: &[Value],
        new_target: &JsObject,
    ) -> JsResult<Value> {
        let base = self.stack.len();
        self.stack.extend_from_slice(args);
        self.construct_closure_at(code, env, me, base, new_target)
    }

    /// [[Construct]] of a closure whose arguments are on the stack from `base` (consumed).
    pub(crate) fn construct_closure_at(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        me: Option<JsObject>,
        base: usize,
        new_target: &JsObject,
    ) -> JsResult<Value> {
        if code.default_derived {
            let args: Vec<Value> = self.stack.drain(base..).collect();
            let args = &args[..];
            let f = me.expect("class constructors carry their object");
            let parent = f.prototype().map(Value::Object).unwrap_or(Value::Null);
            if !Interp::is_constructor(&parent) {
                return Err(self.super_not_constructor(&f, &parent));
            }
            let result = self.construct_with(&parent, args, new_target)?;
            if let Value::Object(o) = &result {
                self.initialize_instance_elements(o, &f)?;
            }
            return Ok(result);
        }
        let derived = code.class_ctor == Some(true);
        let this = if derived {
            None
        } else {
            let made = self
                .get_prototype_from_constructor(new_target, |i| &i.object_proto)
                .and_then(|proto| {
                    let this = JsObject::ordinary(Some(proto));
                    if let (Some(false), Some(f)) = (code.class_ctor, &me) {
                        self.initialize_instance_elements(&this, f)?;
                    }
                    Ok(this)
                });
            match made {
                Ok(this) => Some(this),
                Err(t) => {
                    self.stack.truncate(base);
                    return Err(t);
                }
            }
        };
        let this_v = this.clone().map(Value::Object).unwrap_or_default();
        let r = self.call_closure(code, env, this_v, base, me, Some(new_target.clone()))?;
        Ok(match (r, this) {
            (r @ Value::Object(_), _) => r,
            (_, Some(this)) => Value::Object(this),
            (r, None) => r,
        })
    }

    /// The end of a derived constructor's body: its result per [[Construct]] step 10-12.
    pub(crate) fn derived_result(&mut self, code: &Code, r: Value) -> JsResult<Value> {
        match r {
            Value::Object(_) => Ok(r),
            Value::Undefined => {
                let place = code
                    .this_place
                    .expect("derived constructors have a this binding");
                let this = self.read_place(place, None)?;
                if self.is_uninit(&this) {
                    return Err(self.throw_reference_error(
                        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                    ));
                }
                Ok(this)
            }
            _ => {
                Err(self
                    .throw_type_error("Derived constructors may only return object or undefined"))
            }
        }
    }

    /// GetTemplateObject (cached per site) and the call of the tag.
    pub(crate) fn tagged_template(&mut self, t: &TaggedTemplate) -> JsResult<Value> {
        let (f, this) = match &t.tag {
            Callee::Method { object, key } => {
                let obj = self.expr(object)?;
                let key = self.key(key)?;
                (self.get_member(&obj, &key)?, obj)
            }
            Callee::Plain(e) => (self.expr(e)?, Value::Undefined),
            Callee::Bound { func, this } => (self.expr(func)?, self.expr(this)?),
            _ => (Value::Undefined, Value::Undefined),
        };
        let cached = t.cache.borrow().clone();
        let site = match cached {
            Some(s) => s,
            None => {
                let cooked = self.new_array(t.cooked.to_vec());
                let raw = self.new_array(t.raw.to_vec());
                freeze_array(&raw);
                cooked.borrow_mut().properties.insert(
                    PropertyKey::String(crate::value::Atom::intern_str("raw")),
                    Property::data(Value::Object(raw), Attributes::NONE),
                );
                freeze_array(&cooked);
                *t.cache.borrow_mut() = Some(cooked.clone());
                cooked
            }
        };
        let mut args = Vec::with_capacity(t.exprs.len() + 1);
        args.push(Value::Object(site));
        for e in t.exprs.iter() {
            args.push(self.expr(e)?);
        }
        self.call(&f, this, &args)
    }

    /// A closure for an arrow using `super`: captures the current home object and function.
    pub(crate) fn capture_super(&mut self, f: &Value) {
        if let Value::Object(o) = f {
            let home = self.home.clone();
            let func = self.func.clone();
            function::extra_mut(o, |x| {
                x.home = home;
                x.func = func;
            });
        }
    }
}

enum PrivateElementRef {
    Field(Value),
    Method(Value),
    Accessor(Option<JsObject>, Option<JsObject>),
}

fn clone_private(e: &PrivateElement) -> PrivateElement {
    match e {
        PrivateElement::Field(v) => PrivateElement::Field(v.clone()),
        PrivateElement::Method(v) => PrivateElement::Method(v.clone()),
        PrivateElement::Accessor { get, set } => PrivateElement::Accessor {
            get: get.clone(),
            set: set.clone(),
        },
    }
}

/// Add a private method/accessor half to a list, merging getter and setter of one name.
fn merge_private(list: &mut Vec<(Symbol, PrivateElement)>, name: &Symbol, e: PrivateElement) {
    if let PrivateElement::Accessor { get, set } = &e {
        if let Some((_, PrivateElement::Accessor { get: g, set: s })) =
            list.iter_mut().find(|(n, _)| Symbol::ptr_eq(n, name))
        {
            if get.is_some() {
                *g = get.clone();
            }
            if set.is_some() {
                *s = set.clone();
            }
            return;
        }
    }
    list.push((name.clone(), e));
}

/// Freeze an array built here (template objects): every element and `length` read-only.
fn freeze_array(a: &JsObject) {
    let keys = a.borrow().own_keys();
    let mut data = a.borrow_mut();
    for k in keys {
        // Elements stay enumerable; `raw` (and `length`) are not.
        let enumerable = matches!(k, PropertyKey::Index(_));
        let attrs = if enumerable {
            Attributes::ENUMERABLE
        } else {
            Attributes::NONE
        };
        data.properties.set_attributes(&k, attrs);
    }
    if let ObjectKind::Array(ad) = &mut data.kind {
        ad.length_writable = false;
    }
    data.set_extensible(false);
}
