// A tiny event emitter (not Node's): emit calls listeners synchronously in registration order; async listeners
// run until their first await during emit and finish later; emitAsync awaits them all.
class Emitter {
  #l = new Map();
  on(ev, fn) { (this.#l.get(ev) ?? this.#l.set(ev, []).get(ev)).push(fn); return this; }
  emit(ev, ...args) { for (const fn of this.#l.get(ev) ?? []) fn(...args); }
  emitAsync(ev, ...args) { return Promise.all((this.#l.get(ev) ?? []).map((fn) => fn(...args))); }
}
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const e = new Emitter();
e.on('save', (doc) => console.log('  sync listener', doc));
e.on('save', async (doc) => { console.log('  async listener starts', doc); await delay(5); console.log('  async listener done', doc); });
e.emit('save', 'doc1');
console.log('emit returned');
e.emitAsync('save', 'doc2').then(() => console.log('emitAsync resolved after all listeners'));
