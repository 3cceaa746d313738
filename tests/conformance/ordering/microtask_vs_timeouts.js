// One turn: sync code, then every microtask (then and queueMicrotask in the order queued, including ones they
// queue), then timers. setTimeout(…, 0) is clamped to 1 ms, so 0 and 1 ms timers run in insertion order.
setTimeout(() => console.log('timeout 1ms (registered first)'), 1);
setTimeout(() => console.log('timeout 0ms'), 0);
queueMicrotask(() => console.log('queueMicrotask 1'));
Promise.resolve().then(() => {
  console.log('then 1');
  queueMicrotask(() => console.log('queueMicrotask queued by then 1'));
});
queueMicrotask(() => console.log('queueMicrotask 2'));
setTimeout(() => console.log('timeout 0ms (registered last)'), 0);
console.log('sync');
