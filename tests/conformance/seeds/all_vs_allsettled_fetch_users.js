// Seed "all vs allSettled", example 1: userIds.map(id => fetch(...).then(r => r.json())) under Promise.all.
// With every fetch ok the users print in id order; when user 2 is missing nothing is rendered.
const delay = (ms) => new Promise(resolve => setTimeout(resolve, ms));
function makeFetch(missing) {
  return async (url) => {
    const id = Number(url.split('/').pop());
    await delay(10 - id * 2);
    if (id === missing) return { ok: false, json: async () => { throw new Error(`404 for ${url}`); } };
    return { ok: true, json: async () => ({ id, name: `user${id}` }) };
  };
}
async function load(fetch) {
  const userIds = [1, 2, 3];
  try {
    const users = await Promise.all(
      userIds.map(id => fetch(`/api/users/${id}`).then(r => r.json()))
    );
    console.log(users); // [user1, user2, user3]
  } catch (err) {
    // One fetch failed, nothing rendered (the seed uses console.error; stdout is what is compared)
    console.log('Fetch failed:', err.message);
  }
}
load(makeFetch(null)).then(() => load(makeFetch(2)));
