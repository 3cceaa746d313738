// Seed "differences between approaches": Promise.allSettled([getA(), getB(), getC()]) never rejects;
// each entry is { status, value } or { status, reason }, in input order.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const getA = async () => { await delay(15); return 'A'; };
const getB = async () => { await delay(5); throw new Error('B failed'); };
const getC = async () => { await delay(10); return 'C'; };

async function main() {
  const results = await Promise.allSettled([getA(), getB(), getC()]);
  for (const r of results) {
    if (r.status === 'fulfilled') console.log(r.status, r.value);
    else console.log(r.status, r.reason.message);
  }
  console.log(Object.keys(results[0]), Object.keys(results[1]));
}
main();
