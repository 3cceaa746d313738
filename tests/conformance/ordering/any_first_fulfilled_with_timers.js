// any ignores rejections until one input fulfils; if all reject, it rejects with an
// AggregateError whose errors keep input order.
const later = (v, ms, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej : res)(v), ms));
Promise.any([later('e1', 10, true), later('ok', 30), later('e2', 20, true)]).then((v) => console.log('any:', v));
Promise.any([later('r1', 30, true), later('r2', 10, true)]).catch((e) => {
  console.log(e.constructor.name, e.message);
  console.log('errors:', e.errors.join(','));
});
