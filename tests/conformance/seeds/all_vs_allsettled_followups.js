// Seed "all vs allSettled", follow-up questions: empty arrays resolve with [] at once, a plain number shows up
// as { status: 'fulfilled', value }, and the output order is the input order, not the settle order.
const delay = (ms, v) => new Promise(resolve => setTimeout(() => resolve(v), ms));
Promise.all([]).then(v => console.log('all([])', v));
Promise.allSettled([]).then(v => console.log('allSettled([])', v));
Promise.allSettled([42]).then(v => console.log('allSettled([42])', v));
Promise.all([delay(40, 'slow'), delay(1, 'fast'), 'sync']).then(v => console.log('order', v));
Promise.any([delay(5, 'first fulfilled'), Promise.reject(new Error('x'))]).then(v => console.log('any', v));
