// Seed "Async & concurrency", syntax 2: a flat .then chain with one .catch at the end.
// The second run fails in fetchPosts; the later .then callbacks are skipped and .catch gets the error.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
const fetchUser = (id) => delay(3, { id });
const fetchPosts = (id) => (id === 0 ? Promise.reject(new Error('no posts for user 0')) : delay(3, [{ id: id * 10 }]));
const fetchComments = (postId) => delay(3, [`comment on ${postId}`]);

function run(id) {
  return fetchUser(id)
    .then(user => fetchPosts(user.id))
    .then(posts => fetchComments(posts[0].id))
    .then(comments => console.log(comments))
    .catch(err => console.log('caught:', err.message));
}
run(123).then(() => run(0));
