// Answers travel compressed when the client asks (Accept-Encoding), and bodies may come compressed
// (Content-Encoding): an evaluation of ~165 KB goes as ~17 KB of gzip, the same bytes once inflated.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import t from 'tap';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { buildApp } from '../../src/http/app.js';
import { SLOT_COUNT } from '../../src/http/answer-slots.js';
import { openEvaluationPool } from '../../src/http/evaluation-pool.js';
import { committedCatalog, committedRulesets, PRICING_DIR, RULES_DIR } from '../helpers.js';

// One test opens a pool of worker threads (~2–3 s to load the sources): beside other test files, more than 30 s.
t.setTimeout(120_000);

const TODAY = () => '2026-11-25';
const profile = { traffic: { monthlyRequests: 10_000_000, pattern: 'diurnal', growthPercentPerMonth: 2 }, execution: { averageDurationMs: 100 }, horizonMonths: 36 };
const WORKER = new URL('../../src/http/evaluation-worker.ts', import.meta.url);
const INFLATE = { gzip: gunzipSync, br: brotliDecompressSync, deflate: inflateSync } as const;

t.test('an evaluation in each encoding the client may ask for inflates to the uncompressed answer', async (t) => {
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY });
  t.teardown(() => app.close());
  const post = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json', ...headers }, payload: profile });
  const plain = await post({});
  t.equal(plain.headers['content-encoding'], undefined, 'nothing asked, nothing compressed');
  for (const encoding of ['gzip', 'br', 'deflate'] as const) {
    const compressed = await post({ 'accept-encoding': encoding });
    t.equal(compressed.statusCode, 200);
    t.equal(compressed.headers['content-encoding'], encoding);
    t.match(compressed.headers.vary, /accept-encoding/i, 'caches keep the encodings apart');
    t.ok(compressed.rawPayload.length * 5 < plain.rawPayload.length, `${encoding}: ${compressed.rawPayload.length} bytes for ${plain.rawPayload.length}`);
    t.ok(INFLATE[encoding](compressed.rawPayload).equals(plain.rawPayload), `${encoding}: the same answer once inflated`);
  }
  // Brotli first where the client takes both (it is the smaller).
  t.equal((await post({ 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding'], 'br');
  // Problems are compressed too, and stay problems.
  const bad = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, payload: { traffic: { peakRPS: 3 } } });
  t.equal(bad.statusCode, 422);
  t.match(JSON.parse(bad.headers['content-encoding'] === 'gzip' ? gunzipSync(bad.rawPayload).toString() : bad.payload), { status: 422 });
});

t.test('a compressed body is inflated before it is read; one that cannot be is a 4xx problem naming why', async (t) => {
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY });
  t.teardown(() => app.close());
  const post = (payload: Buffer | string, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/v1/evaluations?tippingPoints=false', headers: { 'content-type': 'application/json', ...headers }, payload });
  const plain = await post(JSON.stringify(profile), {});
  const gzipped = await post(gzipSync(JSON.stringify(profile)), { 'content-encoding': 'gzip' });
  t.equal(gzipped.statusCode, 200);
  t.equal(gzipped.payload, plain.payload, 'the same evaluation as the body sent plain');
  const notGzip = await post(JSON.stringify(profile), { 'content-encoding': 'gzip' });
  t.equal(notGzip.statusCode, 400);
  t.equal(notGzip.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(notGzip.json(), { type: '/problems/undecodable-body', status: 400, detail: /decompress/ });
  const unknown = await post(JSON.stringify(profile), { 'content-encoding': 'zstd' });
  t.equal(unknown.statusCode, 415);
  t.match(unknown.json(), { type: '/problems/unsupported-content-encoding', status: 415, detail: /zstd/ });
  // The body limit counts the inflated bytes: a small gzip of a huge body is refused, not parsed.
  const bomb = gzipSync(`{"name":"${'x'.repeat(4_000_000)}"}`);
  t.ok(bomb.length < 10_000);
  const refused = await post(bomb, { 'content-encoding': 'gzip' });
  t.equal(refused.statusCode, 413);
});

/** A POST over a real socket, keeping the bytes as they came (fetch would inflate them). */
function rawPost(port: number, path: string, body: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

t.test("from the pool, the answer's shared slot is compressed as it is and freed once the compressed response is over", async (t) => {
  const pool = await openEvaluationPool({ size: 1, pricingDir: PRICING_DIR, rulesDir: RULES_DIR, workerUrl: WORKER });
  const app = await buildApp({ catalog: committedCatalog(), rulesets: committedRulesets(), today: TODAY, pool });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const path = '/v1/evaluations?tippingPoints=false';
  const plain = await rawPost(port, path, JSON.stringify(profile), {});
  // More requests than the worker has slots, in turn and two at a time: every answer its own, inflated.
  for (let i = 0; i < SLOT_COUNT; i++) {
    const encodings = [i % 2 === 0 ? 'gzip' : 'br', 'gzip'] as const;
    const answers = await Promise.all(encodings.map((encoding) => rawPost(port, path, JSON.stringify(profile), { 'accept-encoding': encoding })));
    for (const [k, answer] of answers.entries()) {
      const encoding = encodings[k]!;
      t.equal(answer.headers['content-encoding'], encoding);
      t.ok(INFLATE[encoding](answer.bytes).equals(plain.bytes), `request ${2 * i + k + 1} (${encoding})`);
    }
  }
  const after = await pool.evaluate({ profile: WorkloadProfile.parse(profile), ruleset: 'default', today: TODAY(), tippingPoints: false });
  t.ok(after.ok && after.json.buffer instanceof SharedArrayBuffer, 'the compressed responses freed their slots');
  if (after.ok) after.release();
});
