// Seed "differences between approaches": const [user, posts, prefs] = await Promise.all([...]).
// The three getters run concurrently; destructuring follows input order, not finish order.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
const getUser = () => { console.log('getUser'); return delay(30, { id: 7, name: 'Ada' }); };
const getPosts = () => { console.log('getPosts'); return delay(10, ['hello', 'world']); };
const getPrefs = () => { console.log('getPrefs'); return delay(20, { theme: 'dark' }); };

async function main() {
  const [user, posts, prefs] = await Promise.all([getUser(), getPosts(), getPrefs()]);
  console.log(user);
  console.log(posts);
  console.log(prefs);
}
main();
