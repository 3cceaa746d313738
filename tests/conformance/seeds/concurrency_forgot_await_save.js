// Seed "Async & concurrency", forgetting await: saveUser returns { ok: true } before the save finishes,
// and a failed save is then reported only later (caught here so the program exits 0).
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const db = { users: { rows: [], async create(user) { await delay(10); if (!user.name) throw new Error('name required'); this.rows.push(user); console.log('  db: saved', user.name); } } };

async function saveUser(user) {
  db.users.create(user).catch((e) => console.log('  db: save failed later:', e.message)); // forgot await
  return { ok: true }; // returns before save finishes
}
async function main() {
  console.log('saveUser ->', await saveUser({ name: 'Ada' }), 'rows now:', db.users.rows.length);
  console.log('saveUser ->', await saveUser({}), 'rows now:', db.users.rows.length);
  await delay(20);
  console.log('rows after waiting:', db.users.rows.length);
}
main();
