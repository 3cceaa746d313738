// Awaiting another async function's result: inner returns a value, so its promise is already fulfilled
// when awaited and the outer resumes 1 tick later; when inner itself awaits, the outer resumes after inner does.
let t = 0;
const tick = () => { console.log('tick', ++t); if (t < 4) Promise.resolve().then(tick); };
async function innerPlain() { return 1; }
async function innerAwaits() { await null; return 2; }
Promise.resolve().then(tick);
(async () => { await innerPlain(); console.log('  outer of innerPlain resumed'); })();
(async () => { await innerAwaits(); console.log('  outer of innerAwaits resumed'); })();
