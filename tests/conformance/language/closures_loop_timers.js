// The classic closure-in-loop timer puzzle: var shares one binding (prints 3 three times), let makes one per
// iteration, and an IIFE or an extra setTimeout argument captures the value.
for (var i = 0; i < 3; i++) setTimeout(() => console.log('var', i), 0);
for (let j = 0; j < 3; j++) setTimeout(() => console.log('let', j), 0);
for (var k = 0; k < 3; k++) ((k) => setTimeout(() => console.log('iife', k), 0))(k);
for (var m = 0; m < 3; m++) setTimeout((m) => console.log('arg', m), 0, m);
