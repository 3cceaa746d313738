// Seed "differences between approaches": Promise.any over mirrors gives the first one that works;
// a fast failing mirror is ignored. When every mirror fails, any rejects with an AggregateError.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fetchFromMirror1 = async () => { await delay(5); throw new Error('mirror1 down'); };
const fetchFromMirror2 = async () => { await delay(15); return 'payload from mirror2'; };
const fetchFromMirror3 = async () => { await delay(25); return 'payload from mirror3'; };

async function main() {
  console.log(await Promise.any([fetchFromMirror1(), fetchFromMirror2(), fetchFromMirror3()]));
  try {
    await Promise.any([fetchFromMirror1(), Promise.reject(new Error('mirror4 down'))]);
  } catch (e) {
    console.log(e.constructor.name, e.errors.map((x) => x.message));
  }
}
main();
