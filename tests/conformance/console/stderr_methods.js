// console.error and console.warn write to stderr (not compared by the snapshot: only stdout and the exit code
// are), console.info and console.debug to stdout. stdout must contain exactly the log/info/debug lines.
console.log('log: stdout');
console.error('error: stderr');
console.info('info: stdout');
console.warn('warn: stderr');
console.debug('debug: stdout');
console.error(new Error('an error on stderr does not change the exit code'));
console.log('done, exit code 0');
