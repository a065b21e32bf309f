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
  /**
   * Each evaluation worker's young generation, in MB; 0 keeps V8's default (48 MB). An evaluation makes ~3 MB
   * of short-lived objects: with room for more of them, fewer are caught alive by a collection, copied and
   * promoted, and the collector's helper threads take less of the cores the evaluations need.
   */
  workerYoungGenerationMb: number;
}

export class ConfigError extends Error {}

/**
 * Three times V8's default young generation for a worker (48 MB): under load on two cores, 128 to 192 MB served
 * 7–12% more evaluations a second than the default, and 256 MB less than they did (README, speed).
 */
export const DEFAULT_WORKER_YOUNG_MB = 144;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = packageRoot();
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`PORT must be a port number from 0 to 65535, got "${portText}"`);
  const workersText = env.ARCHCALC_WORKERS ?? String(availableParallelism());
  const workers = Number(workersText);
  if (!/^\d+$/.test(workersText) || workers > 64) throw new ConfigError(`ARCHCALC_WORKERS must be a number of worker threads from 0 to 64, got "${workersText}"`);
  const youngText = env.ARCHCALC_WORKER_YOUNG_MB ?? String(DEFAULT_WORKER_YOUNG_MB);
  const workerYoungGenerationMb = Number(youngText);
  if (!/^\d+$/.test(youngText) || workerYoungGenerationMb > 4096)
    throw new ConfigError(`ARCHCALC_WORKER_YOUNG_MB must be a size in MB from 0 (V8's default) to 4096, got "${youngText}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    pricingDir: env.ARCHCALC_PRICING_DIR ?? join(root, 'pricing'),
    rulesDir: env.ARCHCALC_RULES_DIR ?? join(root, 'rules'),
    workers,
    workerYoungGenerationMb,
  };
}
