// Evaluations in worker threads, as `npm start` runs them: the same answers as on the event loop (single and
// batched), the same problems for what cannot be evaluated, and a pool that survives a worker dying and
// refuses to start broken.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { buildApp } from '../../src/http/app.js';
import { openEvaluationPool, startEvaluationPool } from '../../src/http/evaluation-pool.js';
import { committedCatalog, committedRulesets, PRICING_DIR, RULES_DIR } from '../helpers.js';

// Every pool here starts worker threads that load the TypeScript sources through tap's loader (~2–3 s each): on
// a busy 2-core machine running other test files beside it, this file needs more than tap's default 30 s.
t.setTimeout(120_000);

const TODAY = () => '2026-11-25';
const profile = { traffic: { monthlyRequests: 10_000_000, pattern: 'diurnal', growthPercentPerMonth: 2 }, execution: { averageDurationMs: 100 }, horizonMonths: 24 };
const UNRULY = new URL('../fixtures/workers/unruly-worker.mjs', import.meta.url);
// The worker's source: the TypeScript loader the tests run under loads it in each worker thread too.
const WORKER = new URL('../../src/http/evaluation-worker.ts', import.meta.url);

t.test('an evaluation from a worker is byte for byte the one made on the event loop', async (t) => {
  const pool = await openEvaluationPool({ size: 2, pricingDir: PRICING_DIR, rulesDir: RULES_DIR, workerUrl: WORKER });
  const pooled = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY, pool });
  const inline = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY });
  t.teardown(async () => {
    await pooled.close();
    await inline.close();
  });
  const post = (app: typeof inline, body: unknown) => app.inject({ method: 'POST', url: '/v1/evaluations', payload: body as object });
  const [a, b] = await Promise.all([post(pooled, profile), post(inline, profile)]);
  t.equal(a.statusCode, 200);
  t.equal(a.headers['content-type'], 'application/json; charset=utf-8');
  t.equal(a.body, b.body);
  // Several at once are spread over the workers and each answers its own request.
  const many = await Promise.all([1, 2, 3, 4].map((n) => post(pooled, { ...profile, horizonMonths: n })));
  t.same(many.map((r) => JSON.parse(r.body).options[0].projection.length), [1, 2, 3, 4]);
  // A batch is spread over the workers too, and reads as the event loop's would, failures in place.
  const batch = { profiles: [profile, { ...profile, pricingDate: '1990-01-01' }, { ...profile, horizonMonths: 2 }] };
  const batches = await Promise.all([pooled, inline].map((app) => app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: batch })));
  t.equal(batches[0]!.statusCode, 200);
  t.same(JSON.parse(batches[0]!.body), JSON.parse(batches[1]!.body));
  t.match(JSON.parse(batches[0]!.body).results[1], { index: 1, errors: [{ path: 'profiles[1].pricingDate' }] });
  const refused = await post(pooled, { ...profile, pricingDate: '1990-01-01' });
  t.equal(refused.statusCode, 422);
  t.match(JSON.parse(refused.body), { errors: [{ path: 'pricingDate', message: /had prices in force on 1990-01-01/ }] });
});

t.test("a fault in a worker's engine fails that job and the worker lives on", async (t) => {
  const pool = await openEvaluationPool({ size: 1, pricingDir: PRICING_DIR, rulesDir: RULES_DIR, workerUrl: WORKER });
  t.teardown(() => pool.close());
  // The routes never send an unknown ruleset; here the engine throws on it.
  const parsed = WorkloadProfile.parse(profile);
  await t.rejects(pool.evaluate({ profile: parsed, ruleset: 'no-such-ruleset', today: TODAY(), tippingPoints: false }), { message: /./ });
  t.match(await pool.evaluate({ profile: parsed, ruleset: 'default', today: TODAY(), tippingPoints: false }), { ok: true });
});

t.test('a worker that dies fails its jobs and is replaced; one that cannot start fails the pool', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-pool-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const marker = join(dir, 'marker');
  const pool = await openEvaluationPool({ size: 1, pricingDir: marker, rulesDir: dir, workerUrl: UNRULY });
  const job = (p: unknown) => pool.evaluate({ profile: p as never, ruleset: 'default', today: TODAY(), tippingPoints: false });
  t.match(await job({ a: 1 }), { ok: true, json: Buffer.from('{"a":1}') }, 'a worker may move a buffer of its own');
  await t.rejects(job('fault'), { message: 'engine fault' });
  await t.rejects(job('crash'), { message: 'worker crashed' });
  t.match(await job({ b: 2 }), { ok: true, json: Buffer.from('{"b":2}') }, 'a fresh worker took its place');
  // This time the replacement cannot start: no worker is left to take a job.
  writeFileSync(marker, '');
  await t.rejects(job('crash'), { message: 'worker crashed' });
  // Jobs sent while the replacement tries to start fail with its error; once it has failed, none is left.
  let error = '';
  for (let tries = 0; tries < 100 && error !== 'no evaluation worker is running'; tries++) {
    error = await job({ c: 3 }).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    t.match(error, /^(cannot start: marker present|no evaluation worker is running)$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  t.equal(error, 'no evaluation worker is running');
  await pool.close();
  t.ok(existsSync(marker));
  await t.rejects(openEvaluationPool({ size: 2, pricingDir: marker, rulesDir: dir, workerUrl: UNRULY }), { message: 'cannot start: marker present' });
});

t.test("each worker gets the young generation it is given, or V8's default", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-pool-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const limitsOf = async (youngGenerationMb?: number) => {
    const pool = await openEvaluationPool({ size: 1, pricingDir: join(dir, 'no-marker'), rulesDir: dir, workerUrl: UNRULY, youngGenerationMb });
    const answer = await pool.evaluate({ profile: 'limits' as never, ruleset: 'default', today: TODAY(), tippingPoints: false });
    await pool.close();
    return answer.ok ? JSON.parse(answer.json.toString()).maxYoungGenerationSizeMb : undefined;
  };
  t.equal(await limitsOf(192), 192);
  t.equal(await limitsOf(0), 48, "0 keeps V8's default for a worker");
  t.equal(await limitsOf(), 48);
});

t.test('a pool closes with its app, and a closed pool takes no jobs', async (t) => {
  const pool = startEvaluationPool({ size: 1, pricingDir: PRICING_DIR, rulesDir: RULES_DIR, workerUrl: WORKER });
  await pool.ready;
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY, pool });
  await app.close();
  await t.rejects(pool.evaluate({ profile: profile as never, ruleset: 'default', today: TODAY(), tippingPoints: false }), { message: 'the evaluation pool is closed' });
});
