// Promise.race settles with whichever input's reaction runs first. Already-settled inputs react in input
// order, so a plain value placed first beats a resolved promise placed second; a thenable placed first loses (its then runs a tick later).
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.race([delay(1, 'timer'), 'plain value', Promise.resolve('resolved')]).then((v) => console.log('race 1:', v));
Promise.race([Promise.reject(new Error('rejected first')), Promise.resolve('resolved')])
  .then((v) => console.log('race 2:', v), (e) => console.log('race 2 rejected:', e.message));
Promise.race([delay(40, 'slow'), delay(10, 'fast')]).then((v) => console.log('race 3:', v));
const thenable = { then(r) { r('thenable') } };
Promise.race([thenable, Promise.resolve('native')]).then((v) => console.log('race 4:', v));
