// The bench's server process: the real app on the committed tables, plus a trivial route to compare with,
// and where each POST /v1/evaluations spends its time inside the server (GET /bench/timings).
import { readConfig } from '../dist/config.js';
import { buildApp } from '../dist/http/app.js';
import { openConfiguredPool } from '../dist/http/serve.js';
import { loadPricingCatalog, loadRulesetDir } from '../dist/files/tables.js';

// Configured as npm start is, with argv[2] evaluation worker threads in place of ARCHCALC_WORKERS (0: on the event loop).
const config = readConfig({ ...process.env, ARCHCALC_WORKERS: process.argv[2] ?? '0' });
const pool = await openConfiguredPool(config);
const app = await buildApp({ catalog: loadPricingCatalog(config.pricingDir), rulesets: loadRulesetDir(config.rulesDir), pool });
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
