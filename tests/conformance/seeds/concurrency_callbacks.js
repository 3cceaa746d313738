// Seed "Async & concurrency", syntax 1: callbacks. fetchUser(123, (err, user) => ...) with an error-first
// callback called from a timer; the error path uses console.log instead of console.error (stdout is compared).
function fetchUser(id, cb) {
  setTimeout(() => (id > 0 ? cb(null, { id, name: 'Ada' }) : cb(new Error(`bad id ${id}`))), 5);
}
fetchUser(123, (err, user) => {
  if (err) return console.log('error:', err.message);
  console.log(user);
});
fetchUser(-1, (err, user) => {
  if (err) return console.log('error:', err.message);
  console.log(user);
});
console.log('requests sent');
