// A named function expression's own name is an immutable binding inside it: sloppy code
// ignores writes (`f = 1`, `f++`, `f += 1`) but still evaluates them; strict code throws
// TypeError. The expressions' values follow the spec (ToNumeric of the old value, etc.).
const sloppy = function f() {
  const results = [];
  results.push(f = 1, typeof f);
  results.push(f++, typeof f);
  results.push(++f, typeof f);
  results.push(f--, --f, typeof f);
  results.push(f += 1, typeof f);
  results.push(f *= 2, typeof f);
  return results;
};
console.log(sloppy());

const withValueOf = function g() {
  g.valueOf = () => 41;
  return [g++, ++g, g--, --g, g + 1, typeof g];
};
console.log(withValueOf());

const strict = function h() {
  'use strict';
  const out = [];
  for (const attempt of [() => { h = 1; }, () => { h++; }, () => { --h; }, () => { h += 1; }]) {
    try {
      attempt();
      out.push('no error');
    } catch (e) {
      out.push(`${e.constructor.name}: ${e.message}`);
    }
  }
  out.push(typeof h);
  return out;
};
console.log(strict());

// The outer variable holding the function is an ordinary binding.
let k = function k2() { return typeof k2; };
k = k();
console.log(k);
