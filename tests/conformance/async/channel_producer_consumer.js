// A small async channel: the producer sends on timers, the consumer iterates with for await and blocks when
// the buffer is empty; close() ends the consumer's loop.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
class Channel {
  #buf = []; #waiters = []; #closed = false;
  send(v) { const w = this.#waiters.shift(); if (w) w({ value: v, done: false }); else this.#buf.push(v); }
  close() { this.#closed = true; for (const w of this.#waiters.splice(0)) w({ value: undefined, done: true }); }
  [Symbol.asyncIterator]() {
    return { next: () => this.#buf.length ? Promise.resolve({ value: this.#buf.shift(), done: false })
      : this.#closed ? Promise.resolve({ value: undefined, done: true }) : new Promise((r) => this.#waiters.push(r)) };
  }
}
const ch = new Channel();
(async () => { for await (const v of ch) console.log('received', v); console.log('consumer done'); })();
(async () => {
  ch.send('buffered 1'); ch.send('buffered 2');
  for (const v of ['late 1', 'late 2']) { await delay(5); console.log('sending', v); ch.send(v); }
  await delay(5); ch.close();
})();
