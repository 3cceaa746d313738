// Recursive async functions: walking a tree depth-first with await at every node (order is the same as the
// sync walk), and a recursive countdown through timers.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const tree = { name: 'root', children: [{ name: 'a', children: [{ name: 'a1', children: [] }] }, { name: 'b', children: [] }] };
async function walk(node, depth = 0) {
  await null;
  console.log('  '.repeat(depth) + node.name);
  let count = 1;
  for (const child of node.children) count += await walk(child, depth + 1);
  return count;
}
async function countdown(n) { if (n === 0) return 'liftoff'; console.log('count', n); await delay(2); return countdown(n - 1); }
walk(tree).then((n) => console.log('nodes:', n)).then(() => countdown(3)).then(console.log);
