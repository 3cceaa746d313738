// console.log of proxies: node prints the target (no trap runs), "<Revoked Proxy>" once revoked.
const noisy = { get() { throw new Error('trap ran'); }, ownKeys() { throw new Error('trap ran'); } };
console.log(new Proxy({ a: 1, b: 'two' }, noisy));
console.log(new Proxy([1, 2, 3], noisy));
console.log(new Proxy(function named() {}, noisy));
console.log(new Proxy(class Point {}, noisy));
console.log(new Proxy(new Proxy({ nested: true }, {}), {}));
console.log({ inner: new Proxy([], {}), list: [new Proxy({ k: 1 }, {})] });
const r = Proxy.revocable({}, {});
r.revoke();
console.log(r.proxy, [r.proxy]);
console.log(String(new Proxy(function f() {}, {})));
console.log(typeof new Proxy(function () {}, {}), typeof new Proxy({}, {}));
console.log(Array.isArray(new Proxy([], {})), Object.prototype.toString.call(new Proxy([], {})));
console.log(Object.prototype.toString.call(new Proxy(function () {}, {})));
