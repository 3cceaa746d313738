// Assigning a const: in its TDZ the ReferenceError comes first (SetMutableBinding checks initialisation before mutability), afterwards a TypeError — in the same function, from a closure, and before/after the declaration ran.
function early() { try { x = 1; const x = 2; } catch (e) { console.log('early:', e.name); } }
early();
function late() { const y = 1; try { y = 2; } catch (e) { console.log('late:', e.name); } return y; }
console.log(late());
function fromClosure() {
  const write = () => { try { w = 3; } catch (e) { console.log('closure:', e.name); } };
  write();
  const w = 1;
  write();
  return w;
}
console.log(fromClosure());
function compound() { const n = 1; try { n += 1; } catch (e) { console.log('compound:', e.name); } try { n++; } catch (e) { console.log('update:', e.name); } return n; }
console.log(compound());
