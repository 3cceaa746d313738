// Seed "Async & concurrency": Web Workers. A Worker is not ECMAScript, so it is faked with timers:
// postMessage queues work, onmessage fires later as a task, and the main script keeps running meanwhile.
class Worker {
  constructor(name) { this.name = name; this.onmessage = null; }
  postMessage(msg) {
    setTimeout(() => {
      const data = msg.input.reduce((a, b) => a + b * b, 0); // "heavy" work
      if (this.onmessage) this.onmessage({ data });
    }, 5);
  }
}
// main.js
const worker = new Worker('./heavy-task.js');
worker.postMessage({ input: [1, 2, 3, 4] });
worker.onmessage = (e) => console.log('Result:', e.data);
console.log('main thread is free while the worker computes');
