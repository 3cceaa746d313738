// Destructuring awaited values with defaults and rest, async functions with default and rest parameters, and
// defaults evaluated at call time (before the first await).
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const fetchConfig = async () => delay(3, { host: 'db', ports: [5432], opts: { ssl: undefined } });
let calls = 0;
const next = () => ++calls;
async function connect({ host = 'localhost', port = 80 } = {}, id = next(), ...tags) {
  console.log('  connect sync part, id', id);
  await null;
  return `${host}:${port} #${id} [${tags}]`;
}
async function main() {
  const { host, ports: [first, second = 6543], opts: { ssl = false, timeout = 30 }, ...rest } = await fetchConfig();
  console.log(host, first, second, ssl, timeout, rest);
  const [a, ...others] = await Promise.all([connect(), connect({ host }, 7, 'x', 'y'), connect({ port: first })]);
  console.log(a, others, 'calls:', calls);
}
main();
