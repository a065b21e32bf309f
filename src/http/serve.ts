// Loads the tables once, then listens. A broken table stops start-up with its file and path named.
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../config.js';
import { loadPricingCatalog, loadRulesetDir } from '../files/tables.js';
import { buildApp } from './app.js';

export async function serve(env: NodeJS.ProcessEnv): Promise<FastifyInstance> {
  const config = readConfig(env);
  const catalog = loadPricingCatalog(config.pricingDir);
  const rulesets = loadRulesetDir(config.rulesDir);
  const app = await buildApp({ catalog, rulesets, logger: true });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
