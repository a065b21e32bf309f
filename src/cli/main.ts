#!/usr/bin/env node
// The `archcalc` executable: the real process around run(). bin/archcalc starts the same program from a
// start-up snapshot (snapshot.ts) when one was built for this node; this file is the plain way in.
import { processIo } from './process-io.js';
import { run } from './program.js';

// Fastify is loaded only for `serve`, so evaluate and check start without it.
const code = await run(process.argv.slice(2), processIo(async (env) => (await import('../http/serve.js')).serve(env)));
process.exitCode = code;
