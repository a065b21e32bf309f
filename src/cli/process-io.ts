// The real process behind the CLI's io: its streams, files, environment and date.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { CliIo } from './io.js';

export function processIo(serve: CliIo['serve']): CliIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => text(process.stdin),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, s) => writeFile(path, s, 'utf8'),
    appendFile: (path, s) => appendFile(path, s, 'utf8'),
    env: process.env,
    today: new Date().toISOString().slice(0, 10),
    serve,
  };
}
