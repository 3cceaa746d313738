// Private fields and methods (#x), `#x in obj` brand checks, static fields and static initialization blocks.
class Account {
  #balance = 0;
  static #count = 0;
  static registry;
  static { Account.registry = []; console.log('static block runs once, at class definition'); }
  constructor(owner) { this.owner = owner; Account.#count++; Account.registry.push(owner); }
  deposit(n) { this.#check(n); this.#balance += n; return this; }
  #check(n) { if (n <= 0) throw new RangeError('amount must be positive'); }
  get balance() { return this.#balance; }
  static count() { return Account.#count; }
  static isAccount(o) { return #balance in o; }
}
const a = new Account('ada').deposit(5).deposit(7);
new Account('bob');
console.log(a.balance, Account.count(), Account.registry, Account.isAccount(a), Account.isAccount({}));
try { a.deposit(-1); } catch (e) { console.log(e.name, e.message); }
console.log(Object.keys(a), JSON.stringify(a));
try { Account.prototype.deposit.call({}, 1); } catch (e) { console.log(e.constructor.name); }
