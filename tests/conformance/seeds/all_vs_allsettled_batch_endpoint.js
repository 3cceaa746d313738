// Seed "all vs allSettled", example 2: an Express batch endpoint with partial success, with req/res faked.
// Note the seed's bug kept as is: i after .filter is not the index into ids, so the failures for 2 and 4 are named '1' and '2'.
const delay = (ms) => new Promise(resolve => setTimeout(resolve, ms));
const db = { '1': { id: 1, name: 'Ada' }, '3': { id: 3, name: 'Lin' } };
async function fetchUserFromDB(id) { await delay(Number(id)); if (!db[id]) throw new Error(`no user ${id}`); return db[id]; }
const app = { routes: {}, get(path, h) { this.routes[path] = h; } };

app.get('/batch/users', async (req, res) => {
  const ids = req.query.ids.split(',');
  const results = await Promise.allSettled(
    ids.map(id => fetchUserFromDB(id))
  );
  const found = results
    .filter(r => r.status === 'fulfilled')
    .map(r => r.value);
  const failed = results
    .filter(r => r.status === 'rejected')
    .map((r, i) => ({ id: ids[i], error: r.reason.message }));
  res.json({ found, failed });
  // Always responds, even when some DB queries fail
});
const res = { json(body) { console.log(JSON.stringify(body, null, 2)); } };
app.routes['/batch/users']({ query: { ids: '1,2,3,4' } }, res);
