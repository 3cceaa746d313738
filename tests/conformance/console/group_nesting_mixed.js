// console.group indents everything printed inside it by two spaces per level, multi-line
// values included; groupEnd past the top level is harmless; group labels are formatted like log.
console.group('Level %d', 1);
console.log({ a: 1, b: [1, 2, 3], c: { d: { e: { f: 1 } } } });
console.group();
console.log('inside an unlabelled group');
console.log(Array.from({ length: 10 }, (_, i) => 'item' + i));
console.groupCollapsed('collapsed', { x: 1 });
console.log('line1\nline2');
console.groupEnd();
console.groupEnd();
console.info('back to level 1');
console.groupEnd();
console.groupEnd();
console.log('top');
