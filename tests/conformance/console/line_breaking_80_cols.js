// An object or array prints on one line when it fits in 80 columns (util.inspect's breakLength, indentation
// included); otherwise one entry per line, indented by 2, while a nested object that fits may stay on one line.
console.log({ a: 'short', b: 'values', c: 'fit', d: 'on', e: 'one line' });
console.log({ alpha: 'a fairly long string value', beta: 'another fairly long string', gamma: 3 });
console.log({ name: 'x', nested: { one: 'first value here', two: 'second value here', three: 'third' } });
console.log(['a somewhat long string number one', 'a somewhat long string number two', 'three']);
console.log({ k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 10, k11: 11, k12: 12, k13: 13 });
console.log('top-level strings are printed raw, never wrapped, however long they are: ' + 'x'.repeat(60));
