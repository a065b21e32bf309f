// Settings from the environment, shared by `npm start`, `archcalc serve` and the CLI (SPEC §6).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from './files/tables.js';

export interface Config {
  port: number;
  host: string;
  pricingDir: string;
  rulesDir: string;
  /** Worker threads the server evaluates in: one per core by default; 0 evaluates on the event loop. */
  workers: number;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = packageRoot();
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`PORT must be a port number from 0 to 65535, got "${portText}"`);
  const workersText = env.ARCHCALC_WORKERS ?? String(availableParallelism());
  const workers = Number(workersText);
  if (!/^\d+$/.test(workersText) || workers > 64) throw new ConfigError(`ARCHCALC_WORKERS must be a number of worker threads from 0 to 64, got "${workersText}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    pricingDir: env.ARCHCALC_PRICING_DIR ?? join(root, 'pricing'),
    rulesDir: env.ARCHCALC_RULES_DIR ?? join(root, 'rules'),
    workers,
  };
}
