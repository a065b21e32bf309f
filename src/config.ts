// Settings from the environment, shared by `npm start`, `archcalc serve` and the CLI (SPEC §6).
import { join } from 'node:path';
import { packageRoot } from './files/tables.js';

export interface Config {
  port: number;
  host: string;
  pricingDir: string;
  rulesDir: string;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = packageRoot();
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`PORT must be a port number from 0 to 65535, got "${portText}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    pricingDir: env.ARCHCALC_PRICING_DIR ?? join(root, 'pricing'),
    rulesDir: env.ARCHCALC_RULES_DIR ?? join(root, 'rules'),
  };
}
