// finally passes the original value/reason through and ignores what its callback returns,
// unless the callback throws (or returns a rejected promise): then that error wins.
Promise.resolve('keep').finally(() => 'ignored').then((v) => console.log('1:', v));
Promise.reject(new Error('orig')).finally(() => 'ignored').catch((e) => console.log('2:', e.message));
Promise.resolve('keep').finally(() => { throw new Error('thrown'); }).catch((e) => console.log('3:', e.message));
Promise.resolve('keep').finally(() => Promise.reject(new Error('rejected'))).catch((e) => console.log('4:', e.message));
Promise.resolve('keep').finally(undefined).then((v) => console.log('5:', v));
Promise.resolve('keep').finally(function () { console.log('6: callback arguments', arguments.length); });
