// Differential fuzz input for value::number::number_fuzz (node is the oracle):
//   node src/value/tests/fuzz_number_format.js > /tmp/f.tsv; node src/value/tests/fuzz_number_parse.js >> /tmp/f.tsv
//   TIDE_NUMBER_FUZZ=/tmp/f.tsv cargo test --release --lib -- --ignored number_fuzz --nocapture
let seed = 777;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const alpha = ['0','1','2','5','9','7','.','e','E','+','-','x','X','o','b','a','f','F','z',' ','\u00a0','\n','\u2028','Infinity','0x','0b','0o','_','1e400','9'.repeat(25)];
const lines = [];
const buf = new DataView(new ArrayBuffer(8));
const bits = (v) => { buf.setFloat64(0, v); return buf.getBigUint64(0).toString(); };
for (let i = 0; i < 30000; i++) {
  const len = 1 + Math.floor(rnd() * 8);
  let s = '';
  for (let j = 0; j < len; j++) s += alpha[Math.floor(rnd() * alpha.length)];
  const radix = [0, 0, 2, 8, 10, 16, 36, 7][Math.floor(rnd() * 8)];
  lines.push(['num', JSON.stringify(s), 0, bits(Number(s))]);
  lines.push(['pint', JSON.stringify(s), radix, bits(parseInt(s, radix))]);
  lines.push(['pflt', JSON.stringify(s), 0, bits(parseFloat(s))]);
}
console.log(lines.map(l => l.join('\t')).join('\n'));
