// Seed "Async & concurrency": loadUserDashboard slow (two sequential fetches) vs fast (Promise.all).
// A fake clock counts elapsed milliseconds as the timers fire: 400 vs 200 in the article's units (here 40 vs 20).
let now = 0;
const fetch = (url) => { const start = now; return new Promise((resolve) => setTimeout(() => { now = Math.max(now, start + 20); resolve({ json: () => Promise.resolve(url.split('/').pop()) }); }, 20)); };

async function loadUserDashboardSlow(userId) {
  const posts = await fetch(`/api/users/${userId}/posts`).then(r => r.json());
  const friends = await fetch(`/api/users/${userId}/friends`).then(r => r.json());
  return { posts, friends };
}
async function loadUserDashboardFast(userId) {
  const [posts, friends] = await Promise.all([
    fetch(`/api/users/${userId}/posts`).then(r => r.json()),
    fetch(`/api/users/${userId}/friends`).then(r => r.json()),
  ]);
  return { posts, friends };
}
async function main() {
  now = 0; console.log(await loadUserDashboardSlow(1), 'took', now);
  now = 0; console.log(await loadUserDashboardFast(1), 'took', now);
}
main();
