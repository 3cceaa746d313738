// The executor runs synchronously inside new Promise; handlers never run synchronously, even
// when the promise is already resolved.
console.log('1 before');
const p = new Promise((resolve) => { console.log('2 executor'); resolve('v'); console.log('3 after resolve'); });
p.then((v) => console.log('5 handler', v));
console.log('4 after then');
