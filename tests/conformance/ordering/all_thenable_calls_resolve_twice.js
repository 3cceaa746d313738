// An input thenable calling its resolve callback twice: Promise.all's element function ignores
// the second call ([[AlreadyCalled]]), so the first value stays.
const twice = { then(resolve) { resolve('first'); resolve('second'); } };
Promise.all([twice, 'b']).then((v) => console.log(v.join(',')));
const late = { then(resolve) { setTimeout(() => resolve('late'), 10); } };
Promise.all([late, Promise.resolve('now')]).then((v) => console.log(v.join(',')));
