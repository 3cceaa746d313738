// Hoisting: function declarations are usable before their text, var is hoisted as undefined, and a
// function declaration in a block is block-scoped in strict code.
'use strict';
console.log(hoisted(), typeof later, later);
function hoisted() { return 'function declarations are hoisted'; }
var later = 'assigned';
console.log(later);
{
  function inBlock() { return 'block'; }
  console.log(inBlock());
}
console.log(typeof inBlock);
var f = function named() { return typeof named; };
console.log(f(), typeof named);
