// One worker of the evaluation pool: loads the tables itself, says it is ready, then evaluates each job it is
// sent and answers with the evaluation encoded as JSON bytes (moved to the main thread, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '../core/evaluate.js';
import { loadPricingCatalog, loadRulesetDir } from '../files/tables.js';
import type { PoolAnswer, PoolJob } from './evaluation-pool.js';
import { JsonBytesWriter } from './json-bytes.js';

const { pricingDir, rulesDir } = workerData as { pricingDir: string; rulesDir: string };
const catalog = loadPricingCatalog(pricingDir);
const rulesets = loadRulesetDir(rulesDir);
/** Answers are encoded into one buffer at hand, then copied into one of their own that can be moved. */
const json = new JsonBytesWriter();

function answer(job: PoolJob): PoolAnswer {
  try {
    const result = evaluate(job.profile, { catalog, ruleset: rulesets.get(job.ruleset)!, today: job.today, tippingPoints: job.tippingPoints });
    if (!result.ok) return { id: job.id, ok: false, issues: result.issues };
    return { id: job.id, ok: true, json: json.bytes(result.evaluation).slice().buffer };
  } catch (error) {
    // A fault in the engine is the route's 500, as it would be without the pool, and the worker lives on.
    return { id: job.id, ok: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.on('message', (job: PoolJob) => {
  const reply = answer(job);
  parentPort!.postMessage(reply, reply.ok === true ? [reply.json] : []);
});
parentPort!.postMessage('ready');
