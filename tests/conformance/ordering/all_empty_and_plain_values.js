// Promise.all([]) is already resolved when returned; all of plain values still resolves in a
// later tick; any([]) rejects with an AggregateError with no errors.
const log = [];
Promise.all([]).then((v) => log.push('all([]) ' + v.length));
Promise.all([1, 2]).then((v) => log.push('all(values) ' + v.join('+')));
Promise.resolve().then(() => log.push('tick 1')).then(() => log.push('tick 2')).then(() => log.push('tick 3'));
Promise.any([]).catch((e) => log.push('any([]) ' + e.constructor.name + ' ' + e.errors.length));
setTimeout(() => console.log(log.join(' | ')), 0);
