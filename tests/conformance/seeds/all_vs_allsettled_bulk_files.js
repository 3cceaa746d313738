// Seed "all vs allSettled", example 3: bulk file reads with error tracking. fs.readFile is replaced by an
// in-memory fake; the seed's console.warn is console.log here so the line is on stdout.
const files = { './data/a.json': '{"a":1}', './data/b.json': '{"b":[2,3]}' };
const fs = {
  readFile: (path, enc) => new Promise((resolve, reject) => setTimeout(() => path in files
    ? resolve(files[path])
    : reject(new Error(`ENOENT: no such file or directory, open '${path}'`)), 5)),
};
const filePaths = ['./data/a.json', './data/b.json', './data/missing.json'];

async function main() {
  const results = await Promise.allSettled(
    filePaths.map(path => fs.readFile(path, 'utf-8').then(JSON.parse))
  );
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      console.log(`Loaded ${filePaths[i]}:`, result.value);
    } else {
      console.log(`Skipped ${filePaths[i]}:`, result.reason.message);
    }
  });
}
main();
