// Start-up as `npm start` does it: configuration from the environment, tables loaded once, then listen.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { DEFAULT_WORKER_YOUNG_MB, readConfig } from '../../src/config.js';
import { serve } from '../../src/http/serve.js';
import { PRICING_DIR, RULES_DIR } from '../helpers.js';

t.test('configuration comes from the environment with the documented defaults', async (t) => {
  const defaults = readConfig({});
  t.equal(defaults.port, 3000);
  t.equal(defaults.host, '127.0.0.1');
  t.equal(defaults.pricingDir, PRICING_DIR);
  t.match(defaults.rulesDir, /rules$/);
  t.equal(defaults.workers, availableParallelism(), 'one evaluation worker per core');
  t.equal(defaults.workerYoungGenerationMb, DEFAULT_WORKER_YOUNG_MB);
  const set = readConfig({ PORT: '8080', HOST: '0.0.0.0', ARCHCALC_PRICING_DIR: '/p', ARCHCALC_RULES_DIR: '/r', ARCHCALC_WORKERS: '0', ARCHCALC_WORKER_YOUNG_MB: '0' });
  t.same(set, { port: 8080, host: '0.0.0.0', pricingDir: '/p', rulesDir: '/r', workers: 0, workerYoungGenerationMb: 0 });
  t.throws(() => readConfig({ ARCHCALC_WORKER_YOUNG_MB: 'big' }), { message: `ARCHCALC_WORKER_YOUNG_MB must be a size in MB from 0 (V8's default) to 4096, got "big"` });
  t.throws(() => readConfig({ ARCHCALC_WORKER_YOUNG_MB: '5000' }), { message: /got "5000"/ });
  t.throws(() => readConfig({ ARCHCALC_WORKERS: 'many' }), { message: 'ARCHCALC_WORKERS must be a number of worker threads from 0 to 64, got "many"' });
  t.throws(() => readConfig({ ARCHCALC_WORKERS: '65' }), { message: /got "65"/ });
  t.throws(() => readConfig({ PORT: 'eighty' }), { message: 'PORT must be a port number from 0 to 65535, got "eighty"' });
  t.throws(() => readConfig({ PORT: '70000' }), { message: /got "70000"/ });
});

/** serve() on the committed tables with ARCHCALC_WORKERS set to `workers`: pricing and an evaluation answer. */
const listens = (workers: string) => async (t: Test) => {
  const app = await serve({ PORT: '0', HOST: '127.0.0.1', ARCHCALC_WORKERS: workers });
  t.teardown(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const res = await fetch(`http://127.0.0.1:${port}/v1/pricing/aws`);
  t.equal(res.status, 200);
  const body = (await res.json()) as { versions: unknown[] };
  t.ok(body.versions.length >= 2);
  const evaluation = await fetch(`http://127.0.0.1:${port}/v1/evaluations`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: 'traffic: { monthlyRequests: 1000000 }\nexecution: { averageDurationMs: 50, memoryMb: 128 }\nproviders: [cloudflare]\nhorizonMonths: 1\n',
  });
  t.equal(evaluation.status, 200);
  const { provenance } = (await evaluation.json()) as { provenance: { pricingDate: string } };
  t.equal(provenance.pricingDate, new Date().toISOString().slice(0, 10), 'the pricing date defaults to today');
};

t.test('serve() listens on the committed tables, evaluating in two worker threads', listens('2'));
t.test('serve() listens on the committed tables, evaluating on the event loop (ARCHCALC_WORKERS=0)', listens('0'));

t.test('a broken pricing file stops start-up with the file and path in the message', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-serve-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(PRICING_DIR, dir, { recursive: true });
  const file = join(dir, 'gcp');
  const [name] = readdirYaml(file);
  writeFileSync(join(file, name!), readFileSync(join(file, name!), 'utf8').replace('kind: function', 'kind: lambda'));
  await t.rejects(serve({ PORT: '0', ARCHCALC_PRICING_DIR: dir }), {
    message: new RegExp(`invalid pricing file gcp/${name!.replace('.', '\\.')}:\\n  - services\\[\\d+\\]\\.kind: Invalid option`),
  });
});

t.test('a rule naming an unknown fact stops start-up naming the rule and the path', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-rules-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(RULES_DIR, dir, { recursive: true });
  const file = join(dir, 'default.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('{ fact: peakToAverageRatio, op: gte, value: 5 }', '{ fact: peakToAverage, op: gte, value: 5 }'));
  await t.rejects(serve({ PORT: '0', ARCHCALC_RULES_DIR: dir }), {
    message: 'invalid ruleset default.yaml:\n  - rule spiky-traffic: when.fact: unknown fact "peakToAverage" (GET /v1/facts lists them)',
  });
});

function readdirYaml(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml'));
}
