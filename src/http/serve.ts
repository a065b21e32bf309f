// Loads the tables once, then listens. A broken table stops start-up with its file and path named.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { readConfig, type Config } from '../config.js';
import { loadPricingCatalog, loadRulesetDir, packageRoot } from '../files/tables.js';
import { buildApp } from './app.js';
import { openEvaluationPool, type EvaluationPool } from './evaluation-pool.js';

// The compiled worker, found from the package root: `archcalc serve` runs from a bundle elsewhere in dist/.
const WORKER = pathToFileURL(join(packageRoot(), 'dist', 'http', 'evaluation-worker.js'));

/**
 * The evaluation workers `config` asks for, each loading the same tables, every one up; none for 0 workers
 * (evaluations then run on the event loop).
 */
export async function openConfiguredPool(config: Config): Promise<EvaluationPool | undefined> {
  if (config.workers === 0) return undefined;
  return openEvaluationPool({ size: config.workers, pricingDir: config.pricingDir, rulesDir: config.rulesDir, workerUrl: WORKER, youngGenerationMb: config.workerYoungGenerationMb });
}

export async function serve(env: NodeJS.ProcessEnv): Promise<FastifyInstance> {
  const config = readConfig(env);
  const catalog = loadPricingCatalog(config.pricingDir);
  const rulesets = loadRulesetDir(config.rulesDir);
  const pool = await openConfiguredPool(config);
  const app = await buildApp({ catalog, rulesets, logger: true, pool });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
