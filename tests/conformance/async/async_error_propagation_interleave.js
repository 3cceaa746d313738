// An error thrown after an await travels up through awaiting callers, one tick per level, while an
// unrelated .then chain keeps running; the outermost caller catches it.
async function level3() { await null; console.log('level3 throws'); throw new Error('deep'); }
async function level2() { try { await level3(); } finally { console.log('level2 finally'); } }
async function level1() {
  try { await level2(); } catch (e) { console.log('level1 caught', e.message); return 'recovered'; }
}
level1().then((v) => console.log('level1 result', v));
let n = 0;
const chain = () => { n++; console.log(`chain ${n}`); if (n < 7) return Promise.resolve().then(chain); };
Promise.resolve().then(chain);
console.log('sync end');
