// An exception thrown by a queueMicrotask callback is an uncaught exception: exit 1, and the
// pending timer never runs.
// expect exit 1
queueMicrotask(() => console.log('first microtask'));
queueMicrotask(() => { throw new Error('boom in microtask'); });
setTimeout(() => console.log('timer never runs'), 0);
console.log('sync end');
