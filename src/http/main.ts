#!/usr/bin/env node
// `npm start`: serve the API on the pricing and rules directories named by the environment (SPEC §6).
import { serve } from './serve.js';

await serve(process.env).catch((error: unknown) => {
  process.stderr.write(`archcalc: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
