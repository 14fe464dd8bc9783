// Serves dynalite for the local cloud on a free loopback port, reported as one JSON line on stdout.
// Exits when the parent's stdin pipe closes: a host killed with SIGKILL cannot stop its children itself,
// but the kernel still closes the pipe, so no orphaned DynamoDB survives it.
'use strict';

const [modulePath, dataPath] = process.argv.slice(2);
if (!modulePath || !dataPath) {
  process.stderr.write('usage: node dynalite-child.js <path to node_modules/dynalite> <data folder>\n');
  process.exit(2);
}

const dynalite = require(modulePath);
const server = dynalite({ path: dataPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (error) => {
  process.stderr.write(`dynalite failed: ${error.message}\n`);
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

const stop = () => server.close(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
