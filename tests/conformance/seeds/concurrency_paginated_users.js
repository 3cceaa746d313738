// Seed "Async & concurrency": async function* paginatedUsers() consumed with for await. Lazy: the next page is
// fetched only when the loop asks for more, so 'fetch page' lines interleave with the users.
const pages = { 1: [{ name: 'ada' }, { name: 'bob' }], 2: [{ name: 'cy' }], 3: [] };
const fetch = (url) => {
  const page = Number(url.split('=')[1]);
  console.log('fetch page', page);
  return new Promise((resolve) => setTimeout(() => resolve({ json: async () => pages[page] }), 3));
};
async function* paginatedUsers() {
  let page = 1;
  while (true) {
    const res = await fetch(`/api/users?page=${page}`);
    const data = await res.json();
    if (data.length === 0) return;
    for (const user of data) yield user;
    page++;
  }
}
async function main() {
  for await (const user of paginatedUsers()) {
    console.log(user.name);
  }
  console.log('done');
}
main();
