// What happens to a pooled answer's bytes: in shared slots, sent as they are and freed when each response
// is over — sent, its client gone mid-evaluation, or its batch failed — and still answered when none is free.
import t from 'tap';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { buildApp } from '../../src/http/app.js';
import { SLOT_COUNT } from '../../src/http/answer-slots.js';
import { openEvaluationPool, type EvaluationPool } from '../../src/http/evaluation-pool.js';
import { committedCatalog, committedRulesets, PRICING_DIR, RULES_DIR } from '../helpers.js';

// Every pool here starts worker threads that load the TypeScript sources through tap's loader (~2–3 s each): on
// a busy 2-core machine running other test files beside it, this file needs more than tap's default 30 s.
t.setTimeout(120_000);

const TODAY = () => '2026-11-25';
const profile = { traffic: { monthlyRequests: 10_000_000, pattern: 'diurnal', growthPercentPerMonth: 2 }, execution: { averageDurationMs: 100 }, horizonMonths: 24 };
// The worker's source: the TypeScript loader the tests run under loads it in each worker thread too.
const WORKER = new URL('../../src/http/evaluation-worker.ts', import.meta.url);

t.test('answers come in shared slots, freed once sent; with none free they still come, in buffers of their own', async (t) => {
  const pool = await openEvaluationPool({ size: 1, pricingDir: PRICING_DIR, rulesDir: RULES_DIR, workerUrl: WORKER });
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY, pool });
  t.teardown(() => app.close());
  const job = () => pool.evaluate({ profile: WorkloadProfile.parse(profile), ruleset: 'default', today: TODAY(), tippingPoints: false });
  const inShared = (result: Awaited<ReturnType<typeof job>>) => result.ok && result.json.buffer instanceof SharedArrayBuffer;
  // Held without being released, the worker's slots run out; the answers after them are the same bytes.
  const held = [];
  for (let i = 0; i < SLOT_COUNT + 2; i++) held.push(await job());
  t.same(held.map(inShared), [...Array(SLOT_COUNT).fill(true), false, false]);
  const texts = new Set(held.map((result) => (result.ok ? result.json.toString() : '')));
  t.equal(texts.size, 1, 'every answer the same bytes, in a slot or not');
  for (const result of held) if (result.ok) result.release();
  const again = await job();
  t.ok(inShared(again), 'released slots are written again');
  if (again.ok) {
    again.release();
    again.release();
  }
  // Over a real socket, each response frees its slot when it is over: more requests than slots, then a slot is free.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  for (let i = 0; i < SLOT_COUNT * 2; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/v1/evaluations?tippingPoints=false`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) });
    t.equal(await response.text(), [...texts][0]!, `request ${i + 1}`);
  }
  const after = await job();
  t.ok(inShared(after), 'the responses freed their slots');
  if (after.ok) after.release();
});

t.test("a response whose connection is gone before the worker answers frees its answer's slot at once", async (t) => {
  const pool = await openEvaluationPool({ size: 1, pricingDir: PRICING_DIR, rulesDir: RULES_DIR, workerUrl: WORKER });
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY, pool });
  t.teardown(() => app.close());
  // The client goes away while the route waits for the worker: its socket is destroyed a tick after the handler starts.
  app.addHook('preHandler', async (request) => void setImmediate(() => request.raw.socket.destroy()));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const send = () =>
    fetch(`http://127.0.0.1:${port}/v1/evaluations?tippingPoints=false`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) }).catch(() => 'gone');
  for (let i = 0; i < SLOT_COUNT + 1; i++) t.equal(await send(), 'gone');
  // The worker answered every one of them (it answers in order, this job after theirs) and each slot was freed.
  const held = [];
  for (let i = 0; i < SLOT_COUNT; i++) held.push(await pool.evaluate({ profile: WorkloadProfile.parse(profile), ruleset: 'default', today: TODAY(), tippingPoints: false }));
  t.ok(held.every((result) => result.ok && result.json.buffer instanceof SharedArrayBuffer), 'every slot free again');
  for (const result of held) if (result.ok) result.release();
});

t.test('a batch frees every answer it got, whether it is answered or one of its evaluations failed', async (t) => {
  // A stand-in pool: each answer notes when it is released; a profile named "fault" fails in the engine.
  const released: number[] = [];
  let answered = 0;
  const pool: EvaluationPool = {
    ready: Promise.resolve(),
    evaluate: async (job) => {
      const n = answered++;
      if (job.profile.name === 'fault') throw new Error('engine fault');
      return { ok: true, json: Buffer.from(`{"n":${n}}`), release: () => void released.push(n) };
    },
    close: async () => undefined,
  };
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY, pool });
  t.teardown(() => app.close());
  const batch = (names: string[]) => app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { profiles: names.map((name) => ({ ...profile, name })) } });
  const ok = await batch(['a', 'b']);
  t.equal(ok.statusCode, 200);
  t.same(JSON.parse(ok.body), { results: [{ index: 0, evaluation: { n: 0 } }, { index: 1, evaluation: { n: 1 } }] });
  t.same(released, [0, 1]);
  const failed = await batch(['c', 'fault', 'd']);
  t.equal(failed.statusCode, 500);
  t.same(released.sort(), [0, 1, 2, 4], 'the answers that came are freed; the failed one had nothing to free');
});
