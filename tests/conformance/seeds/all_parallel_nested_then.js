// Seed "Does Promise.all() run in parallel or sequential?": sequential awaits written as nested .then.
// Same order as the await version: each task is started inside the previous one's callback.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let promise1 = async function () { console.log('start 1'); await delay(20); console.log('end 1'); };
let promise2 = async function () { console.log('start 2'); await delay(10); console.log('end 2'); };
let promise3 = async function () { console.log('start 3'); await delay(5); console.log('end 3'); };

promise1().then(() => {
  promise2().then(() => {
    promise3().then(() => {
      console.log('do other stuff');
    });
  });
});
console.log('chain set up');
