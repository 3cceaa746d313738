// Seed "Async & concurrency", gotcha: await only works inside async functions (scripts and CommonJS have no
// top-level await), so the code is wrapped in an async function and called; `await` in a plain function is a
// SyntaxError, shown here through the Function constructor so the file itself still parses.
try { new Function('const x = await Promise.resolve(1);'); } catch (e) { console.log('plain function:', e.constructor.name); }
const fetchUser = (id) => new Promise((resolve) => setTimeout(() => resolve({ id, name: 'Ada' }), 5));
async function main() {
  const user = await fetchUser(1);
  console.log('inside async main:', user);
}
main();
console.log('main() called; its await has not finished yet');
