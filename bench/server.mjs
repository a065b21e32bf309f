// The bench's server process: the real app on the committed tables, plus a trivial route to compare with,
// and where each POST /v1/evaluations spends its time inside the server (GET /bench/timings).
import { join } from 'node:path';
import { readConfig } from '../dist/config.js';
import { buildApp } from '../dist/http/app.js';
import { openEvaluationPool } from '../dist/http/evaluation-pool.js';
import { loadPricingCatalog, loadRulesetDir, packageRoot } from '../dist/files/tables.js';

const root = packageRoot();
// argv[2]: evaluation worker threads, as ARCHCALC_WORKERS gives npm start (0: on the event loop).
const workers = Number(process.argv[2] ?? 0);
const [pricingDir, rulesDir] = [join(root, 'pricing'), join(root, 'rules')];
// Each worker with the young generation npm start gives it (ARCHCALC_WORKER_YOUNG_MB).
const { workerYoungGenerationMb } = readConfig(process.env);
const pool =
  workers > 0
    ? await openEvaluationPool({ size: workers, pricingDir, rulesDir, workerUrl: new URL('../dist/http/evaluation-worker.js', import.meta.url), youngGenerationMb: workerYoungGenerationMb })
    : undefined;
const app = await buildApp({ catalog: loadPricingCatalog(pricingDir), rulesets: loadRulesetDir(rulesDir), pool });
app.get('/bench/trivial', async () => ({ ok: true }));

// Milliseconds summed per phase of each evaluation request: received → validated → evaluated → encoded → sent.
const phases = { requests: 0, parseAndValidate: 0, evaluate: 0, serialize: 0, send: 0 };
const marks = new WeakMap();
const isEvaluation = (request) => request.routeOptions.url === '/v1/evaluations';
app.addHook('onRequest', async (request) => void (isEvaluation(request) && marks.set(request, [performance.now()])));
app.addHook('preHandler', async (request) => void marks.get(request)?.push(performance.now()));
app.addHook('preSerialization', async (request, _reply, payload) => (marks.get(request)?.push(performance.now()), payload));
app.addHook('onSend', async (request, _reply, payload) => (marks.get(request)?.push(performance.now()), payload));
app.addHook('onResponse', async (request) => {
  const m = marks.get(request);
  if (!m || m.length !== 4) return;
  const done = performance.now();
  phases.requests++;
  phases.parseAndValidate += m[1] - m[0];
  phases.evaluate += m[2] - m[1];
  phases.serialize += m[3] - m[2];
  phases.send += done - m[3];
});
app.get('/bench/timings', async () => {
  const n = Math.max(1, phases.requests);
  const out = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, k === 'requests' ? v : v / n]));
  for (const k of Object.keys(phases)) phases[k] = 0;
  return out;
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${app.server.address().port}\n`);
