#!/usr/bin/env node
// The `archcalc` executable: the real process around run().
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { run } from './program.js';

const code = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => text(process.stdin),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, s) => writeFile(path, s, 'utf8'),
  appendFile: (path, s) => appendFile(path, s, 'utf8'),
  env: process.env,
  today: new Date().toISOString().slice(0, 10),
  // Loaded only for `serve`, so evaluate and check start without Fastify.
  serve: async (env) => (await import('../http/serve.js')).serve(env),
});
process.exitCode = code;
