#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via `prepare`).
import { fileURLToPath } from 'node:url';
import { bundledMain } from '../dist/cli/bundle.js';
import { relaunchWithRoom } from '../dist/cli/heap-room.js';

// a large history: played again in a Node with the heap it needs (heap-room.ts)
const relaunched = await relaunchWithRoom(fileURLToPath(import.meta.url), process.argv.slice(2), process.env, process.execArgv, process.cwd());
if (relaunched !== undefined) process.exit(relaunched);

// the CLI as one file with its compiled code (dist/bundle/, src/cli/bundle.ts), else module by module
const main = bundledMain() ?? (await import('../dist/cli/main.js')).main;

// `motiv ... | head` closes the pipe early: that is not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
