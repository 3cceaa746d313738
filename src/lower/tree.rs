//! The executable tree: what the interpreter runs. Built from the AST by `lower::build`, never
//! the AST itself (ARCHITECTURE.md, "Executable tree").
//!
//! Every identifier is already resolved to a `Place`: a frame register (`Reg`), a slot of a heap
//! environment record (`Env`, for bindings captured by closures), or a global looked up by name
//! with a cache. Property names are interned `Atom`s; literals are pre-built `Value`s. Nodes are
//! specialised by operand shape where the measurements said it pays (`BinRegConst`, `BinRegReg`,
//! `BinExprConst`…, built by `lower::build::binary_node`; `CompoundReg`).
//!
//! Not here: anything that runs. Not yet: generators/async state machines, classes, destructuring
//! and the other constructs `build` reports as not supported yet.

use crate::parser::ast::{BinaryOp, LogicalOp, UnaryOp, UpdateOp};
use crate::span::Span;
use crate::value::{Atom, JsString, Symbol, Value};
use std::cell::Cell;
use std::rc::Rc;

/// Where a binding lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A register of the current frame (uncaptured binding).
    Reg(u32),
    /// Slot `slot` of the environment record `hops` records up the current chain.
    Env { hops: u32, slot: u32 },
}

/// A global name reference with a per-site inline cache: the position of the name in the
/// global object's property map when last found there as a data property (`u32::MAX`: none).
/// A hit re-checks the key at that position, so deletions and reordering are safe.
#[derive(Debug)]
pub struct GlobalRef {
    pub name: Atom,
    pub slot: Cell<u32>,
    /// The interpreter's global-lexical epoch when `slot` was filled: a script declaring new
    /// global `let`/`const`/`class` names bumps it, so a cached global-object position is
    /// never used for a name a lexical binding now shadows.
    pub epoch: Cell<u32>,
    /// Source offset of a read (where its ReferenceError is reported); `u32::MAX` elsewhere.
    pub pos: u32,
    /// A name that `with` objects or sloppy direct eval `var`s may intercept: looked up by
    /// name at run time (`interp::dynamic_scope`). `None` everywhere else (the fast paths).
    pub dynamic: Option<Box<DynRef>>,
}

/// A reference that passes `with` objects or eval `var` maps before its static binding.
#[derive(Debug)]
pub struct DynRef {
    /// Innermost first: the hidden bindings holding each object to ask.
    pub checks: Box<[DynCheck]>,
    /// The static binding behind them (`None`: the global object / global lexical scope).
    pub fallback: Option<DynFallback>,
}

#[derive(Debug, Clone, Copy)]
pub struct DynCheck {
    pub place: Place,
    /// A `with` object (HasProperty + @@unscopables); otherwise an eval `var` map (own
    /// properties, absent until the first eval declares one).
    pub with: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct DynFallback {
    pub place: Place,
    pub tdz: Option<Atom>,
    pub check: Option<ConstCheck>,
}

#[derive(Debug)]
#[repr(u8)]
pub enum Expr {
    Const(Value),
    /// Read a binding; `tdz` when the read may happen before initialisation.
    Get {
        place: Place,
        tdz: Option<Atom>,
    },
    Global(Box<GlobalRef>),
    /// `typeof x` on an undeclared global must not throw.
    TypeofGlobal(Box<GlobalRef>),
    Set {
        place: Place,
        value: Box<Expr>,
        check: Option<ConstCheck>,
    },
    SetGlobal {
        global: Box<GlobalRef>,
        value: Box<Expr>,
    },
    /// `reg <op> number`: the specialised shape of `n < 2`, `i % 7`, `x & 1023`.
    BinRegConst {
        op: BinaryOp,
        reg: u32,
        rhs: f64,
    },
    /// `reg <op> reg` (`i < n`).
    BinRegReg {
        op: BinaryOp,
        a: u32,
        b: u32,
    },
    /// `expr <op> number` (`(x * 48271) % 2147483647`).
    BinExprConst {
        op: BinaryOp,
        left: Box<Expr>,
        rhs: f64,
    },
    /// `number <op> expr` (`2 * (w + h)`).
    BinConstExpr {
        op: BinaryOp,
        lhs: f64,
        right: Box<Expr>,
    },
    /// `reg <op> expr`: the register is read before `right` runs.
    BinRegExpr {
        op: BinaryOp,
        reg: u32,
        right: Box<Expr>,
    },
    /// `expr <op> reg`: the register is read after `left` runs.
    BinExprReg {
        op: BinaryOp,
        left: Box<Expr>,
        reg: u32,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `Binary` with a `MemberReg` operand (`p.key - q.key`, `o.x * 2`, `i < a.length`):
    /// numbers in own data properties, registers and constants are combined in the arm
    /// (also when it is the left operand of `&&`/`||`/`??`); otherwise the own data
    /// property is read with no `expr` call for the operand.
    BinMember {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Logical {
        op: LogicalOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        arg: Box<Expr>,
    },
    /// `++x`, `x--` on a binding.
    UpdatePlace {
        op: UpdateOp,
        prefix: bool,
        place: Place,
        tdz: Option<Atom>,
    },
    UpdateGlobal {
        op: UpdateOp,
        prefix: bool,
        global: Box<GlobalRef>,
    },
    UpdateMember {
        op: UpdateOp,
        prefix: bool,
        object: Box<Expr>,
        key: Box<Key>,
    },
    /// `r op= v` on a register without TDZ (`bits ^= …`, `f += …`).
    CompoundReg {
        op: BinaryOp,
        reg: u32,
        value: Box<Expr>,
    },
    /// `x op= v` on a binding, or a global.
    CompoundPlace {
        op: BinaryOp,
        place: Place,
        value: Box<Expr>,
    },
    CompoundGlobal {
        op: BinaryOp,
        global: Box<GlobalRef>,
        value: Box<Expr>,
    },
    CompoundMember {
        op: BinaryOp,
        object: Box<Expr>,
        key: Box<Key>,
        value: Box<Expr>,
    },
    Cond {
        test: Box<Expr>,
        cons: Box<Expr>,
        alt: Box<Expr>,
    },
    Member {
        object: Box<Expr>,
        key: Box<Key>,
        /// Source offset V8 gives the read (the property name, or the `[`): where a read of
        /// `null`/`undefined` is reported.
        pos: u32,
    },
    /// `r.name`, `r` a register read without TDZ check: the object is looked at in place
    /// (no nested evaluation, no handle clone). `pos` as in `Member`.
    MemberReg {
        reg: u32,
        key: Atom,
        pos: u32,
    },
    /// `r.a.b` (`p.pos.x`), `r` as in `MemberReg`: both reads in one node, the intermediate
    /// object borrowed, not cloned, when it is an own data property. `pos`: of `.a`, `.b`.
    MemberReg2 {
        reg: u32,
        keys: [Atom; 2],
        pos: [u32; 2],
    },
    /// An object literal whose properties are all `key: value` with distinct static names
    /// (no `__proto__`, accessors, spread, computed keys or `super`-using methods): the values
    /// are evaluated in order, then the object is made with its property block in one go.
    ObjectLit(Box<ObjectLit>),
    SetMember {
        object: Box<Expr>,
        key: Box<Key>,
        value: Box<Expr>,
    },
    /// `r.k = v`, `r.k op= v`, `r.a.k = v`, `r.a.k op= v` (`p.pos.x += p.vel.x`), `r` a
    /// register read without TDZ check: the target object is read in place (no nested
    /// evaluation), the rest as `SetMember` / `CompoundMember`.
    AssignMemberReg(Box<AssignMemberReg>),
    Call {
        /// The callee, and the whole call expression's span (read only to word a "… is not
        /// a function" error; kept in the box so the node stays small).
        callee: Box<(Callee, Span)>,
        args: Box<[Arg]>,
        /// Where V8 reports the call (stack frames, errors).
        span: Span,
    },
    New {
        callee: Box<Expr>,
        args: Box<[Arg]>,
        span: Span,
    },
    Function(Rc<Code>),
    Array(Box<[Option<Arg>]>),
    Object(Box<[ObjProp]>),
    Template {
        quasis: Box<[Value]>,
        exprs: Box<[Expr]>,
    },
    Seq(Box<[Expr]>),
    This,
    /// Destructuring assignment `[a, b] = v` / `({a} = v)`: the value of the expression is `v`.
    Destructure {
        pattern: Box<Pattern>,
        value: Box<Expr>,
    },
    /// Logical assignment `x &&= v`, `x ||= v`, `x ??= v`: `read` decides, `write` assigns
    /// (its value subexpression is the right-hand side).
    LogicalAssign {
        op: LogicalOp,
        read: Box<Expr>,
        write: Box<Expr>,
    },
    /// `o.k &&= v` etc.: object and key evaluated once.
    LogicalMember {
        op: LogicalOp,
        object: Box<Expr>,
        key: Box<Key>,
        value: Box<Expr>,
    },
    Class(Box<ClassDef>),
    /// `super.x` / `super[k]`: looked up from the home object's prototype with `this` as
    /// receiver (`this` is the expression reading the current `this`).
    SuperMember {
        this: Box<Expr>,
        key: Box<Key>,
    },
    /// `super(...args)` in a derived constructor (or an arrow inside one).
    SuperCall {
        args: Box<[Arg]>,
        this_place: Place,
        new_target: Box<Expr>,
        span: Span,
    },
    /// `new.target` where no binding holds it (never: kept for completeness) — see `Get`.
    /// `#x in obj`.
    PrivateIn {
        name: Symbol,
        object: Box<Expr>,
    },
    /// A tagged template call: the site's template object is created once and cached.
    TaggedTemplate(Box<TaggedTemplate>),
    /// `a?.b.c`: the whole chain; a short-circuit inside (`OptionalCheck`) yields undefined.
    OptChain(Box<Expr>),
    /// Inside an optional chain: the base value; if nullish the chain short-circuits.
    OptionalCheck(Box<Expr>),
    /// `delete o.x` / `delete o[k]`.
    DeleteMember {
        object: Box<Expr>,
        key: Box<Key>,
    },
    /// `delete x` in sloppy code, `x` an undeclared or global name: deletes the global property.
    DeleteGlobal(Box<GlobalRef>),
    /// A regular expression literal: a new RegExp object per evaluation.
    Regex(Box<RegexLiteral>),
    /// `eval(…)`: a direct eval when the callee is %eval%, else an ordinary call.
    DirectEval(Box<DirectEval>),
}

/// A possible direct eval: the callee reference, the arguments, and what eval code needs to
/// know about the code around it (`lower::build::eval`).
#[derive(Debug)]
pub struct DirectEval {
    pub callee: Expr,
    pub args: Box<[Arg]>,
    pub context: Rc<crate::lower::build::eval::EvalContext>,
    pub span: Span,
}

/// A regex literal's source text and flags, and the compiled matcher, made on first
/// evaluation and shared by every object the literal creates (the builtin owns its type).
#[derive(Debug)]
pub struct RegexLiteral {
    pub pattern: JsString,
    pub flags: JsString,
    pub compiled: std::cell::OnceCell<Rc<dyn std::any::Any>>,
}

/// A class definition, evaluated to its constructor (ClassDefinitionEvaluation).
#[derive(Debug)]
pub struct ClassDef {
    pub name: Atom,
    /// The class scope's record (inner name binding captured by methods), and its TDZ regs.
    pub env: Option<EnvShape>,
    pub tdz_regs: Box<[u32]>,
    /// The inner binding of the class name (initialised after the class is built).
    pub binding: Option<Place>,
    pub heritage: Option<Expr>,
    pub constructor: Rc<Code>,
    pub elements: Box<[ClassElement]>,
}

#[derive(Debug)]
pub enum ClassElement {
    Method {
        key: Key,
        func: Rc<Code>,
        kind: MethodKind,
        is_static: bool,
    },
    Field {
        key: Key,
        /// The initialiser as a method-like function (own `this`), if any.
        init: Option<Rc<Code>>,
        is_static: bool,
    },
    StaticBlock(Rc<Code>),
}

pub use crate::parser::ast::MethodKind;

/// A tagged template site.
#[derive(Debug)]
pub struct TaggedTemplate {
    pub tag: Callee,
    pub cooked: Box<[Value]>,
    pub raw: Box<[Value]>,
    pub exprs: Box<[Expr]>,
    /// The template object, created on first evaluation (GetTemplateObject caches per site).
    pub cache: std::cell::RefCell<Option<crate::value::JsObject>>,
    pub span: Span,
}

/// Where a destructured (or for-in/of) value goes.
#[derive(Debug)]
pub enum Target {
    /// A binding: initialisation (`init`: declarations, parameters — no checks) or assignment
    /// (const check, TDZ check with the name).
    Place {
        place: Place,
        check: Option<ConstCheck>,
        tdz: Option<Atom>,
    },
    /// A global by name (script-level `var`, undeclared assignment targets).
    Global(Box<GlobalRef>),
    /// Initialisation of a script-level `let`/`const` binding.
    GlobalLexInit(Atom),
    /// A property reference, evaluated before the value is obtained.
    Member {
        object: Expr,
        key: Key,
    },
    Pattern(Box<Pattern>),
}

/// One element / property of a pattern: its target and optional default.
#[derive(Debug)]
pub struct PatElem {
    pub target: Target,
    pub default: Option<Expr>,
}

#[derive(Debug)]
pub enum Pattern {
    Object {
        props: Box<[(Key, PatElem)]>,
        rest: Option<Target>,
    },
    Array {
        elems: Box<[Option<PatElem>]>,
        rest: Option<Target>,
    },
}

/// Non-simple parameter lists: each parameter bound in order from the arguments.
#[derive(Debug)]
pub struct ParamInit {
    pub params: Box<[PatElem]>,
    pub rest: Option<Target>,
}

/// A `const` binding (or a sloppy function-expression name) being assigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstCheck {
    /// TypeError "Assignment to constant variable."
    Throw,
    /// A `const` that may still be in its TDZ here: ReferenceError naming it while
    /// uninitialised (PutValue → SetMutableBinding checks initialisation first), else `Throw`.
    ThrowAfterTdz(Atom),
    /// Silently ignored (named function expression's own name in sloppy code).
    Ignore,
    /// A plain write: the binding is mutable and surely initialised here (a `var`, a
    /// parameter, or a `let` past its declaration), so an environment slot is written without
    /// first reading it for the TDZ check that `None` does.
    Initialized,
    /// A `let`/`class` binding that may still be in its TDZ here: the write first checks it
    /// (ReferenceError naming the binding).
    Tdz(Atom),
}

/// A property key at an access site.
#[derive(Debug)]
pub enum Key {
    /// `.name`, interned at lowering time.
    Named(Atom),
    /// `[expr]`.
    Computed(Expr),
    /// `#name`: a class's private name (a private symbol made at lowering time).
    Private(Symbol),
}

#[derive(Debug)]
#[repr(u8)]
pub enum Callee {
    /// `f(…)`: `this` is undefined.
    Plain(Expr),
    /// `o.m(…)`/`o[k](…)`: `this` is `o`.
    Method { object: Expr, key: Key },
    /// `f?.(…)`: short-circuits the chain when `f` is nullish.
    CheckPlain(Expr),
    /// `o.m?.(…)`.
    CheckMethod { object: Expr, key: Key },
    /// `super.m(…)`: `this` is the current `this`.
    Super { this: Expr, key: Key },
    /// A function and receiver taken earlier (state machines: a tagged template whose
    /// substitutions suspend).
    Bound { func: Expr, this: Expr },
}

#[derive(Debug)]
pub struct Arg {
    pub expr: Expr,
    pub spread: bool,
}

/// See `Expr::AssignMemberReg`.
#[derive(Debug)]
pub struct AssignMemberReg {
    /// `None`: plain assignment.
    pub op: Option<BinaryOp>,
    pub reg: u32,
    /// `r.mid.key`: the middle name and where its read is reported (as `MemberReg`'s `pos`).
    pub mid: Option<(Atom, u32)>,
    pub key: Atom,
    pub value: Expr,
}

/// See `Expr::ObjectLit`.
#[derive(Debug)]
pub struct ObjectLit {
    pub keys: Box<[Atom]>,
    pub values: Box<[Expr]>,
}

#[derive(Debug)]
pub enum ObjProp {
    Value {
        key: Key,
        value: Expr,
    },
    Getter {
        key: Key,
        func: Rc<Code>,
    },
    Setter {
        key: Key,
        func: Rc<Code>,
    },
    Spread(Expr),
    /// `__proto__: v` (not computed, not shorthand): sets the prototype if `v` is an object
    /// or null.
    Proto(Expr),
}

#[derive(Debug)]
#[repr(u8)]
pub enum Stmt {
    Expr(Expr),
    /// Initialise a declared binding (`let`/`const`/`var` with initialiser).
    Init {
        place: Place,
        value: Expr,
    },
    If {
        test: Expr,
        cons: Box<Stmt>,
        alt: Option<Box<Stmt>>,
    },
    Block(Block),
    /// A loop. `head_env` scopes with captured `let` get a fresh record per iteration.
    Loop(Box<Loop>),
    ForIn(Box<ForIn>),
    Break(Option<u32>),
    Continue(Option<u32>),
    Labeled {
        label: u32,
        body: Box<Stmt>,
    },
    Return(Option<Expr>),
    Throw {
        value: Expr,
        span: Span,
    },
    Try(Box<Try>),
    Switch(Box<Switch>),
    ForOf(Box<ForOf>),
    /// Initialise a script-level `let`/`const`/`class` binding (global lexical environment).
    InitGlobalLex {
        name: Atom,
        value: Expr,
    },
    /// Declaration with a destructuring pattern (or any target) and an initialiser.
    Bind {
        target: Target,
        value: Expr,
    },
    /// Hoisted function declarations of a block: created at block entry.
    Empty,
    /// `with (object) body`: `env` has one slot, the object.
    With {
        object: Expr,
        env: EnvShape,
        body: Box<Stmt>,
    },
}

/// A statement list with its own environment record when it declares captured bindings.
#[derive(Debug)]
pub struct Block {
    pub env: Option<EnvShape>,
    /// Function declarations hoisted to the start of the block.
    pub functions: HoistedFunctions,
    /// Script-level function declarations: global properties, also created at entry.
    pub global_functions: Box<[(Atom, Rc<Code>)]>,
    /// Lexical registers to reset to "uninitialised" at entry (TDZ), for re-entry in loops.
    pub tdz_regs: Box<[u32]>,
    pub body: Box<[Stmt]>,
}

impl Block {
    pub fn empty() -> Block {
        Block {
            env: None,
            functions: Box::new([]),
            global_functions: Box::new([]),
            tdz_regs: Box::new([]),
            body: Box::new([]),
        }
    }
}

pub type HoistedFunctions = Box<[(Place, Rc<Code>)]>;

/// A `case` (test, or `None` for `default`) and its statements.
pub type SwitchCase = (Option<Expr>, Box<[Stmt]>);

/// How to build an environment record: its slot count, and which slots start in TDZ.
#[derive(Debug, Clone)]
pub struct EnvShape {
    pub slots: u32,
    pub tdz: Box<[u32]>,
}

#[derive(Debug)]
pub struct Loop {
    /// Labels that target this loop (`continue L` / `break L`), plus its own unlabelled id.
    pub label: u32,
    /// `for (let …)` head record, copied per iteration when captured.
    pub head_env: Option<EnvShape>,
    pub init: Option<Stmt>,
    pub test: Option<Expr>,
    pub update: Option<Expr>,
    pub body: Stmt,
    /// `do … while`: test after the body.
    pub test_after: bool,
}

#[derive(Debug)]
pub struct ForIn {
    pub label: u32,
    /// A `let`/`const` head: a fresh record per iteration (closures see their iteration's).
    pub head_env: Option<EnvShape>,
    /// Registers of the head's lexical bindings (reset to TDZ each iteration).
    pub head_tdz: Box<[u32]>,
    /// The loop variable(s).
    pub target: Target,
    pub object: Expr,
    pub body: Stmt,
}

/// `for (… of …)`.
#[derive(Debug)]
pub struct ForOf {
    pub label: u32,
    pub head_env: Option<EnvShape>,
    pub head_tdz: Box<[u32]>,
    pub target: Target,
    pub iterable: Expr,
    pub body: Stmt,
}

#[derive(Debug)]
pub struct Try {
    pub block: Block,
    /// Catch parameter target (if any) and the catch block.
    pub handler: Option<(Option<EnvShape>, Option<Target>, Block)>,
    pub finalizer: Option<Block>,
}

#[derive(Debug)]
pub struct Switch {
    pub label: u32,
    pub discriminant: Expr,
    pub env: Option<EnvShape>,
    /// The case block's lexical registers, uninitialised at entry (TDZ).
    pub tdz_regs: Box<[u32]>,
    /// Function declarations of all the cases, hoisted to the start of the case block.
    pub functions: HoistedFunctions,
    pub global_functions: Box<[(Atom, Rc<Code>)]>,
    pub cases: Box<[SwitchCase]>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThisMode {
    /// Arrow functions: `this` is the enclosing function's (captured like a variable).
    Lexical,
    Strict,
    /// Sloppy functions: undefined/null `this` becomes the global object.
    Sloppy,
}

/// A lazily built shared `length`/`name` property list (see `Code::fn_props`).
#[derive(Default)]
pub struct FnPropsCache(pub std::cell::OnceCell<crate::value::property::SharedNamed>);

impl std::fmt::Debug for FnPropsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FnPropsCache")
    }
}

/// A function's code, shared by every closure made from it.
#[derive(Debug)]
pub struct Code {
    pub name: Atom,
    /// The `length` property: parameters before the first default/rest.
    pub length: u32,
    /// The shared `length`/`name` property list of closures made from this code (filled by
    /// the first one).
    pub fn_props: FnPropsCache,
    pub this_mode: ThisMode,
    /// Strict mode code: failed assignments and deletes throw, undeclared assignment throws.
    pub strict: bool,
    pub is_constructor: bool,
    /// Registers in the frame (parameters first).
    pub registers: u32,
    /// Where each parameter goes (its register, or a slot of the function's own record).
    /// Empty when `param_init` is used.
    pub params: Box<[Place]>,
    /// Defaults, destructuring or rest parameters: bound in order at entry from all arguments.
    pub param_init: Option<Box<ParamInit>>,
    /// Registers set to "uninitialised" at entry (before the parameters are bound).
    pub tdz_regs: Box<[u32]>,
    /// Every parameter is register `i` for position `i`: a call's arguments are already where
    /// the body reads them (the common case; decided here so calls do not re-check it).
    pub params_in_place: bool,
    /// The function's own environment record (captured params/vars/this), if any.
    pub env: Option<EnvShape>,
    /// A named function expression whose own name is captured: the record (and slot) that
    /// holds the function itself, made when the closure is created.
    pub name_env: Option<(EnvShape, u32)>,
    /// Class constructors: `Some(derived)`; they throw when called without `new`.
    pub class_ctor: Option<bool>,
    /// A synthesized `constructor(...args) { super(...args) }` (derived, no body to run).
    pub default_derived: bool,
    /// Calls need no per-call setup beyond the registers (see [`Code::is_lean`]); set when
    /// the code is complete, read by the interpreter's lean call path.
    pub lean: bool,
    /// [[Construct]] needs no per-call setup beyond the registers, `this` (a new object, or
    /// TDZ in a derived constructor), `new.target` and the home object (see
    /// [`Code::is_lean_ctor`]); read by `Interp::construct_lean`. Meaningful only for
    /// constructors (`is_constructor`).
    pub lean_ctor: bool,
    /// How many named properties the object made by the last `new` of this code (as
    /// new.target) had when construction ended: a new instance's property block starts
    /// with that room (`Interp::construct_lean`). Only a size hint.
    pub ctor_props: Cell<u8>,
    /// The body (or an arrow inside) uses `super`: calls set the frame's home object and
    /// active function from the closure.
    pub uses_super: bool,
    /// Where `new.target` is stored at entry, if the body (or an arrow inside) reads it.
    pub new_target_place: Option<Place>,
    /// Where `this` must be stored at entry, if the body (or an arrow inside) reads it.
    pub this_place: Option<Place>,
    /// An arrow holding its own copy of `this` (its `this_place`, filled at entry): where its
    /// closure copies it from when made, in the code around the arrow expression
    /// (`scope::Resolver::settle_arrow_this`). A closure of such code keeps the copy in a
    /// one-slot record in front of its environment (`function::Env::holding`).
    pub outer_this: Option<Place>,
    pub arguments_place: Option<Place>,
    pub body: Block,
    /// Concise arrow body: evaluate and return.
    pub expr_body: Option<Expr>,
    /// Generators and async functions: the body lowered to a state machine (`body` is empty).
    pub machine: Option<Box<crate::lower::machine::Machine>>,
    pub span: Span,
    /// The script's source text: `span` slices this function's text (Function.prototype.toString).
    pub source: Rc<str>,
}

impl Code {
    /// A call of this code needs nothing beyond its registers and (maybe) its own record: the
    /// arguments are the first registers (or all go to the function's own record), at most
    /// a `this` binding is filled (no `new.target`/`arguments`), no `super` home object, no
    /// class-constructor rules, no state machine.
    pub fn is_lean(&self) -> bool {
        self.machine.is_none()
            && self.class_ctor.is_none()
            && !self.default_derived
            && !self.uses_super
            && self.param_init.is_none()
            && (self.params_in_place || self.params_in_own_record())
            && self.new_target_place.is_none()
            && self.arguments_place.is_none()
    }

    /// Closures of this code get their `prototype` object (and, sloppy, V8's `arguments`/
    /// `caller` own properties) on first use, not when created (`interp::function::
    /// materialize_prototype`): ordinary functions, not class constructors.
    pub fn lazy_prototype(&self) -> bool {
        self.is_constructor && self.class_ctor.is_none()
    }

    /// A construction of this code needs nothing beyond what `Interp::construct_lean` does:
    /// simple parameters in place (or all in the function's own record), no `arguments`,
    /// no state machine. Class constructors (base, derived, and the synthesized derived one)
    /// qualify; `super`, `new.target` and `this` are set up by the lean path.
    pub fn is_lean_ctor(&self) -> bool {
        self.machine.is_none()
            && self.param_init.is_none()
            && (self.params_in_place || self.params_in_own_record())
            && self.arguments_place.is_none()
    }

    /// Every parameter is captured: a slot of the function's own record (the call moves the
    /// arguments there from their registers, which no parameter then uses).
    fn params_in_own_record(&self) -> bool {
        self.env.is_some()
            && self
                .params
                .iter()
                .all(|p| matches!(p, Place::Env { hops: 0, .. }))
    }
}

/// A whole script: its top level is a function-like code with the script's registers.
#[derive(Debug)]
pub struct Script {
    pub code: Rc<Code>,
    /// Global `var` and function names to create on the global object before running.
    pub var_names: Box<[Atom]>,
    /// Script-level `let`/`const`/`class` names (`true`: const), created in the global
    /// lexical environment in TDZ before running.
    pub lex_names: Box<[(Atom, bool)]>,
}
