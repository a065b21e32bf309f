// One worker of the evaluation pool: loads the tables itself, says it is ready, then evaluates each job it is
// sent and answers with the evaluation encoded as JSON bytes (moved to the main thread, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '../core/evaluate.js';
import { loadPricingCatalog, loadRulesetDir } from '../files/tables.js';
import type { PoolAnswer, PoolJob } from './evaluation-pool.js';

const { pricingDir, rulesDir } = workerData as { pricingDir: string; rulesDir: string };
const catalog = loadPricingCatalog(pricingDir);
const rulesets = loadRulesetDir(rulesDir);
const encoder = new TextEncoder();
/** Where answers are encoded before their bytes are copied out (grown to fit on first use): encoding into a buffer at hand is ~2× faster than encode(). */
let scratch = new Uint8Array(0);

/** `text` as UTF-8 bytes in a buffer of their own (so the whole buffer can be moved to the main thread). */
function utf8(text: string): ArrayBuffer {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.slice(0, written).buffer;
}

function answer(job: PoolJob): PoolAnswer {
  try {
    const result = evaluate(job.profile, { catalog, ruleset: rulesets.get(job.ruleset)!, today: job.today, tippingPoints: job.tippingPoints });
    if (!result.ok) return { id: job.id, ok: false, issues: result.issues };
    return { id: job.id, ok: true, json: utf8(JSON.stringify(result.evaluation)) };
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
