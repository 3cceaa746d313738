// Seed "Async & concurrency": callback hell, fetchUser -> fetchPosts -> fetchComments nested three deep.
// Each step starts only in the previous step's callback.
const later = (v, cb) => setTimeout(() => cb(null, v), 3);
function fetchUser(id, cb) { console.log('fetchUser', id); later({ id, name: 'Ada' }, cb); }
function fetchPosts(userId, cb) { console.log('fetchPosts', userId); later([{ id: 10, title: 'first' }, { id: 11, title: 'second' }], cb); }
function fetchComments(postId, cb) { console.log('fetchComments', postId); later(['nice', 'agreed'], cb); }

fetchUser(123, (err, user) => {
  fetchPosts(user.id, (err, posts) => {
    fetchComments(posts[0].id, (err, comments) => {
      console.log('comments:', comments); // nested forever
    });
  });
});
