// The cost chart: its data follows the engine (lines cross at the break-even), and the SVG is plain,
// labelled text served by POST and by a GET link that Markdown can embed.
import t from 'tap';
import { costCurve } from '../../src/core/chart.js';
import { findBreakEven } from '../../src/core/costs/break-even.js';
import { selectPricing } from '../../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { renderCostChart } from '../../src/render/cost-chart-svg.js';
import { compactCount } from '../../src/core/significant.js';
import { committedCatalog, testApp } from '../helpers.js';

const plain = { name: 'plain API', traffic: { monthlyRequests: 10_000_000 }, execution: { averageDurationMs: 100, memoryMb: 512 }, providers: ['aws'] };

t.test('the curve: serverless below traditional before the break-even, above it after', async (t) => {
  const profile = WorkloadProfile.parse(plain);
  const files = selectPricing(committedCatalog(), '2026-11-25', ['aws']);
  const breakEven = findBreakEven(files, profile)!.monthlyRequests;
  const curve = costCurve(files, profile, breakEven);
  t.equal(curve.volumes.length, 32);
  t.ok(curve.volumes[0]! <= 10_000_000 / 20 && curve.volumes.at(-1)! >= breakEven * 20, 'spans the workload and the break-even');
  curve.volumes.forEach((volume, i) => {
    const [s, trad] = [curve.series.serverless[i]!, curve.series.traditional[i]!];
    if (volume < breakEven * 0.9) t.ok(s < trad, `serverless cheaper at ${compactCount(volume)}`);
    if (volume > breakEven * 1.1) t.ok(s > trad, `traditional cheaper at ${compactCount(volume)}`);
  });
});

t.test('the SVG: axes with units, both markers, a legend, no script', async (t) => {
  const svg = renderCostChart(
    { volumes: [1e5, 1e6, 1e7, 1e8], series: { serverless: [0.5, 5, 50, 500], traditional: [40, 40, 60, 300], hybrid: [null, null, 55, 280] }, profileVolume: 2e6, breakEven: 5e7 },
    'a <test> & more',
  );
  t.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  t.notMatch(svg, /<script/);
  t.match(svg, /Monthly requests \(log scale\)/);
  t.match(svg, /Monthly cost, USD \(log scale\)/);
  t.match(svg, /break-even 50M\/month/);
  t.match(svg, /this workload 2M\/month/);
  t.match(svg, /a &lt;test&gt; &amp; more/);
  t.match(svg, />≤ \$1</);
  t.match(svg, />\$1,000</);
  t.equal(svg.match(/<path /g)?.length, 3, 'one line per architecture');
  t.match(svg, /M[\d.]+,[\d.]+ L/, 'the hybrid line starts where it has values');
  const empty = renderCostChart({ volumes: [1e3, 1e9], series: { serverless: [1, 2], traditional: [null, null], hybrid: [null, null] }, profileVolume: 1e12, breakEven: null }, 'x');
  t.match(empty, /traditional \(no feasible option\)/);
  t.notMatch(empty, /this workload/, 'a marker outside the range is left out');
});

t.test('a workload of a few requests a month is on the chart: the scale reaches down to one', async (t) => {
  const nightly = WorkloadProfile.parse({ traffic: { monthlyRequests: 30 }, execution: { averageDurationMs: 240_000, memoryMb: 1024 }, trigger: 'schedule', providers: ['aws'] });
  const files = selectPricing(committedCatalog(), '2026-11-25', ['aws']);
  const curve = costCurve(files, nightly, findBreakEven(files, nightly)?.monthlyRequests ?? null);
  t.equal(curve.volumes[0], 1.5, '30 ÷ 20');
  t.match(renderCostChart(curve, 'nightly'), /this workload 30\/month/);
  t.equal(costCurve(files, WorkloadProfile.parse({ ...plain, traffic: { monthlyRequests: 10 } }), null).volumes[0], 1, 'never below one request');
});

t.test('POST and GET serve the same SVG', async (t) => {
  const app = await testApp(t);
  const post = await app.inject({ method: 'POST', url: '/v1/charts/cost-vs-volume', payload: plain });
  t.equal(post.statusCode, 200);
  t.match(post.headers['content-type'], /^image\/svg\+xml/);
  t.match(post.body, /break-even \d+(\.\d+)?M\/month/);
  const encoded = Buffer.from(JSON.stringify(plain)).toString('base64url');
  const get = await app.inject({ method: 'GET', url: `/v1/charts/cost-vs-volume.svg?profile=${encoded}` });
  t.equal(get.statusCode, 200);
  t.equal(get.body, post.body);
  const yaml = Buffer.from('name: plain API\ntraffic: { monthlyRequests: 10000000 }\nexecution: { averageDurationMs: 100, memoryMb: 512 }\nproviders: [aws]\n').toString('base64url');
  t.equal((await app.inject({ method: 'GET', url: `/v1/charts/cost-vs-volume.svg?profile=${yaml}` })).body, post.body, 'YAML works too');
});

t.test('bad chart requests are 4xx problems', async (t) => {
  const app = await testApp(t);
  const garbled = await app.inject({ method: 'GET', url: `/v1/charts/cost-vs-volume.svg?profile=${Buffer.from('a: [').toString('base64url')}` });
  t.equal(garbled.statusCode, 400);
  t.match(garbled.json(), { type: '/problems/invalid-parameter', errors: [{ path: /^profile: line/ }] });
  const invalid = await app.inject({ method: 'GET', url: `/v1/charts/cost-vs-volume.svg?profile=${Buffer.from('{"traffic":{}}').toString('base64url')}` });
  t.equal(invalid.statusCode, 400);
  t.match(invalid.json().errors, [{ path: 'profile.traffic.monthlyRequests' }]);
  const early = await app.inject({ method: 'POST', url: '/v1/charts/cost-vs-volume', payload: { ...plain, pricingDate: '2019-01-01' } });
  t.equal(early.statusCode, 422);
  const missing = await app.inject({ method: 'GET', url: '/v1/charts/cost-vs-volume.svg' });
  t.equal(missing.statusCode, 400);
  t.match(missing.json().errors, [{ path: 'profile', message: 'required: the profile, as base64url-encoded JSON or YAML' }]);
});

t.test('charts for a profile with no traffic yet, no break-even, and every provider', async (t) => {
  const app = await testApp(t);
  const idle = await app.inject({ method: 'POST', url: '/v1/charts/cost-vs-volume', payload: { ...plain, traffic: { monthlyRequests: 0 } } });
  t.equal(idle.statusCode, 200);
  t.notMatch(idle.body, /this workload/, 'no volume, no marker');
  const edge = await app.inject({ method: 'POST', url: '/v1/charts/cost-vs-volume', payload: { ...plain, providers: ['cloudflare'], execution: { averageDurationMs: 10, memoryMb: 128 } } });
  t.notMatch(edge.body, /break-even/);
  t.match(edge.body, /traditional \(no feasible option\)/);
  const { providers: _omit, ...everywhere } = plain;
  const all = await app.inject({ method: 'POST', url: '/v1/charts/cost-vs-volume', payload: everywhere });
  t.equal(all.statusCode, 200);
});
