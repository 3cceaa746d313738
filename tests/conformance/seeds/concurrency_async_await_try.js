// Seed "Async & concurrency", syntax 3: the same flow with async/await inside try/catch.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
const fetchUser = (id) => delay(3, { id });
const fetchPosts = async (id) => { await delay(3); if (id === 0) throw new Error('no posts for user 0'); return [{ id: id * 10 }]; };
const fetchComments = (postId) => delay(3, [`comment on ${postId}`]);

async function run(id) {
  try {
    const user = await fetchUser(id);
    const posts = await fetchPosts(user.id);
    const comments = await fetchComments(posts[0].id);
    console.log(comments);
  } catch (err) {
    console.log('caught:', err.message);
  }
}
run(123).then(() => run(0));
