// Promise.any with every input rejected rejects with an AggregateError whose errors keep input order
// (not rejection order), and whose message is fixed.
const later = (ms, reason) => new Promise((_, rej) => setTimeout(() => rej(reason), ms));
Promise.any([later(15, 'a'), later(5, 'b'), Promise.reject(new TypeError('c')), 'never rejected?']).then((v) => console.log('any 1:', v));
Promise.any([later(15, 'a'), later(5, 'b'), Promise.reject(new TypeError('c'))])
  .catch((e) => {
    console.log(e.constructor.name, e instanceof AggregateError, e instanceof Error);
    console.log(e.message);
    console.log(e.errors.map(String));
    console.log(Array.isArray(e.errors), e.name);
  });
