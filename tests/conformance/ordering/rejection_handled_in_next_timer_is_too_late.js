// Handling a rejection in a later timer is too late: once the microtask queue drained with the
// rejection unhandled, Node reports it and exits with code 1.
// expect exit 1
const p = Promise.reject(new Error('handled too late'));
console.log('sync code runs');
setTimeout(() => p.catch(() => console.log('never printed')), 0);
