// The real process behind the CLI's io: its streams, files, environment and date. Files are read and
// written synchronously: a command-line run has nothing else to do meanwhile, and skips the thread-pool hop.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import type { CliIo } from './io.js';

export function processIo(serve: CliIo['serve']): CliIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => text(process.stdin),
    readFile: async (path) => readFileSync(path, 'utf8'),
    writeFile: async (path, s) => writeFileSync(path, s, 'utf8'),
    appendFile: async (path, s) => appendFileSync(path, s, 'utf8'),
    env: process.env,
    today: new Date().toISOString().slice(0, 10),
    serve,
  };
}
