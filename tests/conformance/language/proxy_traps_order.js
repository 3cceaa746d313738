// Proxy traps: which internal methods each operation calls, in order (a logging handler that forwards to Reflect).
const log = [];
const handler = {};
for (const name of Object.getOwnPropertyNames(Reflect)) {
  handler[name] = function (...args) {
    const key = typeof args[1] === 'symbol' ? args[1].toString() : args[1];
    log.push(name === 'apply' || name === 'construct' ? name : `${name}(${key === undefined ? '' : key})`);
    return Reflect[name](...args);
  };
}
function run(label, f) {
  log.length = 0;
  try { f(); } catch (e) { log.push(`threw ${e.constructor.name}`); }
  console.log(`${label}: ${log.join(' ')}`);
}
const p = new Proxy({ a: 1, b: 2 }, handler);
run('get', () => p.a);
run('set', () => { p.c = 3; });
run('in', () => 'a' in p);
run('delete', () => delete p.c);
run('keys', () => Object.keys(p));
run('entries', () => Object.entries(p));
run('assign', () => Object.assign({}, p));
run('spread', () => ({ ...p }));
run('JSON', () => JSON.stringify(p));
run('freeze', () => Object.freeze(new Proxy({ x: 1 }, handler)));
run('isFrozen', () => Object.isFrozen(p));
run('getPrototypeOf', () => Object.getPrototypeOf(p));
run('instanceof', () => p instanceof Object);
run('hasOwn', () => Object.hasOwn(p, 'a'));
run('defineProperty', () => Object.defineProperty(p, 'd', { value: 4, configurable: true }));
run('rest', () => { const { a, ...rest } = p; });
const f = new Proxy(function add(x, y) { return x + y; }, handler);
run('call', () => f(1, 2));
run('new', () => new f());
run('apply', () => f.apply(null, [1, 2]));
const inherits = Object.create(p);
run('inherited get', () => inherits.a);
run('inherited set', () => { inherits.z = 1; });
console.log(Object.keys(inherits), inherits.z);
