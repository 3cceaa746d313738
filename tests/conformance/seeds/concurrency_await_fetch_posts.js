// Seed "Async & concurrency": const data = await fetch("/api/posts"). The function pauses at await,
// other work (the timer below and the line after the call) runs, then the next line runs with the data.
const fetch = (url) => new Promise((resolve) => setTimeout(() => resolve({ url, posts: ['p1', 'p2'] }), 10));
async function main() {
  console.log('1. request initiated');
  const data = await fetch('/api/posts');
  console.log('4. data arrived:', data);
}
setTimeout(() => console.log('3. a timer that was due earlier'), 5);
main();
console.log('2. not waiting: other work runs');
