// Seed "Async & concurrency": three independent awaits in sequence vs Promise.all. The log shows when each
// request starts and ends: sequential never has two in flight, parallel starts all three at once.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const req = (name, ms) => async (id) => { console.log(`  start ${name}`); await delay(ms); console.log(`  end ${name}`); return `${name}#${id}`; };
const fetchUser = req('user', 10), fetchPosts = req('posts', 10), fetchComments = req('comments', 10);

async function main(id) {
  console.log('sequential');
  const user = await fetchUser(id);
  const posts = await fetchPosts(id);
  const comments = await fetchComments(id);
  console.log([user, posts, comments]);
  console.log('parallel');
  const all = await Promise.all([
    fetchUser(id),
    fetchPosts(id),
    fetchComments(id),
  ]);
  console.log(all);
}
main(5);
