// switch uses strict equality, falls through without break, evaluates case expressions lazily in order, allows
// default in the middle, and shares one block scope for all cases.
function classify(x) {
  const out = [];
  switch (x) {
    case 1: out.push('one');
    case 2: out.push('one or two'); break;
    default: out.push('default');
    case '3': out.push('string three'); break;
    case (out.push('evaluated case 4'), 4): out.push('four');
  }
  return out.join(', ');
}
for (const v of [1, 2, 3, '3', 4, 5]) console.log(JSON.stringify(v), '->', classify(v));
switch (true) { case 5 > 3: console.log('switch(true) idiom'); break; case true: console.log('never'); }
