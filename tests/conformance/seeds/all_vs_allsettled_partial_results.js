// Seed "all vs allSettled", mistake 1: expecting Promise.all to give partial results. Its .then never fires
// when rejectingP rejects; the fix filters allSettled's fulfilled entries.
const p1 = Promise.resolve(1);
const rejectingP = new Promise((_, reject) => setTimeout(() => reject(new Error('nope')), 5));
const p3 = new Promise(resolve => setTimeout(() => resolve(3), 10));

// Wrong: .then() never fires if rejectingP rejects
Promise.all([p1, rejectingP, p3])
  .then(results => console.log('never printed', results))
  .catch(e => console.log('Promise.all rejected:', e.message));
// Fix: switch to allSettled and filter
Promise.allSettled([p1, rejectingP, p3])
  .then(results => results
    .filter(r => r.status === 'fulfilled')
    .map(r => r.value)
  )
  .then(values => console.log('fulfilled values:', values));
