// Seed "differences between approaches", edge cases: Promise.all([]) resolves with [], Promise.any([]) rejects
// with an AggregateError, and Promise.race([]) never settles (the program still ends: nothing is pending).
Promise.all([]).then((v) => console.log('all([]) ->', v));
Promise.allSettled([]).then((v) => console.log('allSettled([]) ->', v));
Promise.any([]).catch((e) => console.log('any([]) ->', e.constructor.name, e.errors, e.message));
const never = Promise.race([]);
never.then(() => console.log('race([]) settled?!'));
setTimeout(() => console.log('after a timer, race([]) is still', never), 5);
