// Differential fuzz input for value::number::number_fuzz (node is the oracle):
//   node src/value/tests/fuzz_number_format.js > /tmp/f.tsv; node src/value/tests/fuzz_number_parse.js >> /tmp/f.tsv
//   TIDE_NUMBER_FUZZ=/tmp/f.tsv cargo test --release --lib -- --ignored number_fuzz --nocapture
// Random doubles of many magnitudes; emit op \t bits \t arg \t node result
let seed = 12345;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const buf = new DataView(new ArrayBuffer(8));
const lines = [];
for (let i = 0; i < 20000; i++) {
  let x;
  const r = rnd();
  if (r < 0.3) x = Math.round(rnd() * 10 ** Math.floor(rnd() * 8)) / 10 ** Math.floor(rnd() * 6);
  else if (r < 0.6) x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 60 - 30);
  else { buf.setUint32(0, Math.floor(rnd() * 2 ** 32)); buf.setUint32(4, Math.floor(rnd() * 2 ** 32)); x = buf.getFloat64(0); if (!isFinite(x)) continue; }
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0).toString();
  lines.push(['str', bits, 0, String(x)]);
  const f = Math.floor(rnd() * 21);
  lines.push(['fixed', bits, f, x.toFixed(f)]);
  lines.push(['exp', bits, f, x.toExponential(f)]);
  lines.push(['expu', bits, 0, x.toExponential()]);
  const p = 1 + Math.floor(rnd() * 25);
  lines.push(['prec', bits, p, x.toPrecision(p)]);
  const radix = 2 + Math.floor(rnd() * 35);
  lines.push(['radix', bits, radix, x.toString(radix)]);
  const s = String(x);
  lines.push(['num', bits, 0, String(Number(s))]);
  lines.push(['pf', bits, 0, String(parseFloat(s + 'x'))]);
}
console.log(lines.map(l => l.join('\t')).join('\n'));
