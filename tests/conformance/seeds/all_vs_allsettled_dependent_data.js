// Seed "all vs allSettled", mistake 3: allSettled for dependent data continues with undefined and crashes
// later; Promise.all stops at the failure instead. Errors are caught and their messages printed.
const delay = (ms) => new Promise(resolve => setTimeout(resolve, ms));
async function fetchUser(id) { await delay(5); if (id === 0) throw new Error(`user ${id} not found`); return { id, name: 'user' + id }; }
async function fetchPermissions(id) { await delay(3); return ['read', id === 1 ? 'write' : 'none']; }
function renderDashboard(user, permissions) { console.log(`dashboard for ${user.name}`, permissions ?? '(no permissions)'); }

async function wrong(id) {
  const results = await Promise.allSettled([fetchUser(id), fetchPermissions(id)]);
  const user = results[0].value; // undefined if rejected
  renderDashboard(user); // crashes
}
async function fixed(id) {
  const [user, permissions] = await Promise.all([fetchUser(id), fetchPermissions(id)]);
  renderDashboard(user, permissions);
}
async function main() {
  await wrong(1);
  try { await wrong(0); } catch (e) { console.log('wrong(0) crashed:', e.constructor.name); }
  await fixed(1);
  try { await fixed(0); } catch (e) { console.log('fixed(0) rejected:', e.message); }
}
main();
