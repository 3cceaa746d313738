// Constructors cannot be async; a static async factory does the awaiting and returns a ready instance. Returning
// a promise from a constructor makes `new` give back that promise instead of the instance.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
class Db {
  constructor(conn) { this.conn = conn; }
  static async connect(url) { console.log('  connecting to', url); const conn = await delay(3, `conn(${url})`); return new Db(conn); }
}
class Weird { constructor() { return delay(1, 'a promise, not a Weird'); } }
async function main() {
  const db = await Db.connect('mem://test');
  console.log(db, db instanceof Db);
  const w = new Weird();
  console.log(w instanceof Weird, w instanceof Promise, await w);
}
main();
