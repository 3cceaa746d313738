// IIFE and the module pattern: private state in a closure, a revealed public API, and independent instances.
const counterModule = (function () {
  let count = 0;
  const log = [];
  function record(op) { log.push(`${op}:${count}`); }
  return {
    increment() { count++; record('inc'); return this; },
    reset() { count = 0; record('reset'); return this; },
    get value() { return count; },
    history: () => log.slice(),
  };
})();
counterModule.increment().increment().reset().increment();
console.log(counterModule.value, counterModule.history(), counterModule.count, typeof record);
const result = (() => { const secret = 'hidden'; return secret.length; })();
console.log(result, (function named() { return typeof named; })(), typeof named);
