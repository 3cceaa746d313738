// Promises resolved from timers settle in timer order; their reactions run right after each timer,
// before the next timer callback.
const make = (name, ms) => new Promise((r) => setTimeout(() => { console.log('timer', name); r(name); }, ms));
make('slow', 60).then((v) => console.log('  then', v));
make('fast', 10).then((v) => console.log('  then', v));
make('mid', 35).then((v) => console.log('  then', v)).then(() => console.log('  then mid, step 2'));
