// Delays are converted with ToNumber: numeric strings count, NaN/negative/undefined become 1 ms,
// so these all run in registration order with the 1 ms timers, before the 40 and 80 ms ones.
setTimeout(() => console.log('string "80"'), '80');
setTimeout(() => console.log('negative'), -10);
setTimeout(() => console.log('NaN'), NaN);
setTimeout(() => console.log('undefined'));
setTimeout(() => console.log('zero'), 0);
setTimeout(() => console.log('string "40"'), '40');
