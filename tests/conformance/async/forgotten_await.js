// A forgotten await: the promise object is used instead of its value. It is always truthy, prints as a
// Promise, and string concatenation gives '[object Promise]'.
async function isAllowed(user) { await null; return user === 'admin'; }
async function getName() { return 'Ada'; }
async function main() {
  const allowed = isAllowed('guest');
  if (allowed) console.log('guest let in! allowed is', allowed);
  console.log('Hello ' + getName());
  console.log('with await:', await isAllowed('guest'), 'Hello ' + (await getName()));
  const list = [1, 2].map(async (x) => x * 2);
  console.log(list.length, typeof list[0], await Promise.all(list));
}
main();
