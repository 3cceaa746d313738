// console.group indents everything logged inside it by 2 spaces per level (multi-line values too);
// groupEnd past the outermost level is harmless; group labels are formatted like log arguments.
console.log('level 0');
console.group('Group %s', 'A');
console.log('level 1');
console.group();
console.log('level 2, object:', { a: 1, b: [1, 2] });
console.log({ long1: 'a fairly long value to force', long2: 'the object onto several lines' });
console.groupEnd();
console.info('back to level 1 (info)');
console.groupCollapsed('collapsed prints like group');
console.log('level 2 again');
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log('level 0 again');
