// Seed "Async & concurrency": refreshUserData() called twice; the second request finishes first and the
// stale first response overwrites it. The fix tracks a request id and ignores stale responses.
const latencies = [60, 10, 60, 10];
let calls = 0;
const fetch = (url) => { const n = ++calls; return new Promise((resolve) => setTimeout(() => resolve({ url, version: n }), latencies[n - 1])); };
let state = null;
const setUser = (u) => { state = u; console.log('  setUser version', u.version); };

async function refreshUserData() {
  const user = await fetch(`/api/me`);
  setUser(user);
}
let latestRequest = 0;
async function refreshUserDataFixed() {
  const requestId = ++latestRequest;
  const user = await fetch(`/api/me`);
  if (requestId !== latestRequest) return console.log('  ignored stale version', user.version);
  setUser(user);
}
async function main() {
  await Promise.all([refreshUserData(), refreshUserData()]);
  console.log('buggy final state: version', state.version);
  await Promise.all([refreshUserDataFixed(), refreshUserDataFixed()]);
  console.log('fixed final state: version', state.version);
}
main();
