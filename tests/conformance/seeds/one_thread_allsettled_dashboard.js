// Seed "How JavaScript Runs Many Async Tasks on One Thread": Promise.allSettled for a dashboard —
// show what succeeded and what failed, in input order.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function taskA() { await delay(10); return { widget: 'sales', total: 1200 }; }
async function taskB() { await delay(5); throw new Error('weather service unavailable'); }
async function taskC() { await delay(15); return { widget: 'news', items: 3 }; }

async function main() {
  const results = await Promise.allSettled([taskA(), taskB(), taskC()]);
  console.log(results.map((r) => r.status));
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') console.log(`widget ${i}: ok`, r.value);
    else console.log(`widget ${i}: failed (${r.reason.message})`);
  });
}
main();
