// Scripts (and CommonJS files) have no top-level await, so code is wrapped in an async IIFE; errors go to
// its .catch. Code after the IIFE runs before anything the IIFE awaits.
(async () => {
  console.log('iife start');
  const v = await new Promise((r) => setTimeout(() => r(42), 1));
  console.log('iife got', v);
  throw new Error('iife failed');
})().catch((e) => console.log('caught:', e.message));
console.log('after the iife');
