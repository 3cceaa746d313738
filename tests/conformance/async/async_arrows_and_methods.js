// Async arrow functions (lexical this), async object and class methods (this is the receiver), static async
// methods, and an async getter-free pattern; every one returns a promise.
class Repo {
  constructor(name) { this.name = name; }
  async load() { await null; return `${this.name}: loaded`; }
  static async create(name) { const r = new Repo(name); await r.load(); return r; }
  loadAllLater(ids) { return Promise.all(ids.map(async (id) => { await null; return `${this.name}/${id}`; })); }
}
const obj = { label: 'obj', async method() { return this.label; }, arrow: async () => typeof this };
async function main() {
  const repo = await Repo.create('users');
  console.log(repo instanceof Repo, await repo.load(), await repo.loadAllLater([1, 2]));
  console.log(await obj.method(), await obj.arrow());
  const unbound = repo.load;
  try { await unbound(); } catch (e) { console.log('unbound method:', e.constructor.name); }
  console.log(Object.getPrototypeOf(async () => {}).constructor.name, (async () => {})() instanceof Promise);
}
main();
