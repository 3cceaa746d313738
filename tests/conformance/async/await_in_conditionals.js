// await in conditions, ternaries, logical operators (short-circuit skips the await entirely) and switch:
// the skipped awaits are visible because they would log.
const val = async (label, v) => { console.log('  evaluated', label); return v; };
async function main() {
  if (await val('if', true)) console.log('if branch');
  const t = (await val('cond', 0)) ? await val('yes', 'y') : await val('no', 'n');
  console.log('ternary ->', t);
  const a = (await val('left of ||', 'truthy')) || (await val('right of ||', 'skipped'));
  const b = (await val('left of &&', 0)) && (await val('right of &&', 'skipped'));
  const c = (await val('left of ??', null)) ?? (await val('right of ??', 'used'));
  console.log(a, b, c);
  switch (await val('switch', 2)) { case await val('case 1', 1): console.log('one'); break; case 2: console.log('two'); }
}
main();
