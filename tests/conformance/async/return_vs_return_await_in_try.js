// `return p` inside try does not catch p's rejection (the function's promise rejects); `return await p`
// does. The two also settle at different ticks relative to a .then chain started at the same time.
const failing = () => Promise.reject(new Error('late failure'));
async function plain() {
  try { return failing(); } catch (e) { return `plain caught ${e.message}`; }
}
async function awaited() {
  try { return await failing(); } catch (e) { return `awaited caught ${e.message}`; }
}
plain().then((v) => console.log('plain ok:', v), (e) => console.log('plain rejected:', e.message));
awaited().then((v) => console.log('awaited ok:', v));
let tick = 0;
const count = () => { tick++; console.log(`tick ${tick}`); if (tick < 5) return Promise.resolve().then(count); };
Promise.resolve().then(count);
