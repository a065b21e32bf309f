// One worker of the evaluation pool: loads the tables itself, says it is ready, then evaluates each job it is
// sent and answers with the evaluation encoded as JSON bytes, written into memory shared with the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '../core/evaluate.js';
import { loadPricingCatalog, loadRulesetDir } from '../files/tables.js';
import { AnswerSlotWriter } from './answer-slots.js';
import type { PoolAnswer, PoolJob, PoolWorkerData } from './evaluation-pool.js';
import { JsonBytesWriter } from './json-bytes.js';

const { pricingDir, rulesDir, answerSlots } = workerData as PoolWorkerData;
const catalog = loadPricingCatalog(pricingDir);
const rulesets = loadRulesetDir(rulesDir);
/** Answers are encoded into one buffer at hand, then copied into a free shared slot (or a buffer of their own). */
const json = new JsonBytesWriter();
const slots = new AnswerSlotWriter(answerSlots);

function answer(job: PoolJob): PoolAnswer {
  try {
    const result = evaluate(job.profile, { catalog, ruleset: rulesets.get(job.ruleset)!, today: job.today, tippingPoints: job.tippingPoints });
    if (!result.ok) return { id: job.id, ok: false, issues: result.issues };
    const bytes = json.bytes(result.evaluation);
    const slot = slots.write(bytes);
    return slot === undefined ? { id: job.id, ok: true, json: bytes.slice().buffer } : { id: job.id, ok: true, slot, length: bytes.length };
  } catch (error) {
    // A fault in the engine is the route's 500, as it would be without the pool, and the worker lives on.
    return { id: job.id, ok: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.on('message', (job: PoolJob) => {
  const reply = answer(job);
  parentPort!.postMessage(reply, reply.ok === true && 'json' in reply ? [reply.json] : []);
});
parentPort!.postMessage('ready');
