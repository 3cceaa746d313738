// forEach does not wait for an async callback: all callbacks start at once and "after forEach" prints
// before any of them finishes; for...of with await runs them one after another.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const items = [45, 10, 25];
async function withForEach() {
  items.forEach(async (ms) => {
    console.log(`forEach start ${ms}`);
    await delay(ms);
    console.log(`forEach end ${ms}`);
  });
  console.log('after forEach');
}
async function withForOf() {
  for (const ms of items) {
    console.log(`for-of start ${ms}`);
    await delay(ms);
    console.log(`for-of end ${ms}`);
  }
  console.log('after for-of');
}
withForEach().then(() => delay(80)).then(() => withForOf());
