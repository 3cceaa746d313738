// Seed "Async & concurrency": fetchUser(123).then(...) with no .catch. Node terminates on the unhandled rejection:
// expect exit 1 (the message goes to stderr; stdout before it is complete, the later timer never runs).
const fetchUser = (id) => new Promise((_, reject) => setTimeout(() => reject(new Error(`fetch failed for ${id}`)), 5));
console.log('fetching');
fetchUser(123)
  .then(user => console.log(user));
// no .catch(); if fetch fails, the process ends here
setTimeout(() => console.log('never printed'), 20);
