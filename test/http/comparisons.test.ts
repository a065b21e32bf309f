// POST /v1/comparisons and POST /v1/evaluations/batch through inject().
import t from 'tap';
import { MAX_BATCH } from '../../src/http/routes/evaluations.js';
import { testApp } from '../helpers.js';

const aws = {
  name: 'orders API on AWS',
  traffic: { monthlyRequests: 40_000_000 },
  execution: { averageDurationMs: 100, memoryMb: 512 },
  providers: ['aws'],
  horizonMonths: 3,
};

t.test('an AWS profile at 2024-01-15 and 2024-03-01: the public IPv4 charge is what moved', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/comparisons',
    payload: { profile: aws, baseline: { pricingDate: '2024-01-15' }, candidate: { pricingDate: '2024-03-01' } },
  });
  t.equal(res.statusCode, 200);
  const { baseline, candidate, changes } = res.json();
  t.same(baseline.provenance.pricing, [{ provider: 'aws', effectiveDate: '2023-08-11' }]);
  t.same(candidate.provenance.pricing, [{ provider: 'aws', effectiveDate: '2024-02-01' }]);
  t.same(changes.priceChanges, [
    { provider: 'aws', service: 'data-transfer', item: 'public-ipv4', change: 'added', unit: 'IP-hour', from: null, to: '0.005', fromTable: '2023-08-11', toTable: '2024-02-01' },
  ]);
  const ec2 = changes.options.find((o: { id: string }) => o.id === 'aws/ec2/on-demand-autoscaled');
  t.ok(Number(ec2.deltaUsd) > 0, `EC2 costs more by ${ec2.deltaUsd}`);
  const lambda = changes.options.find((o: { id: string }) => o.id === 'aws/lambda-arm/on-demand');
  t.equal(lambda.deltaUsd, '0', 'functions hold no public IPv4 addresses');
  t.equal(changes.ruleset, null);
  t.equal(changes.verdictChanged, changes.verdict.from !== changes.verdict.to);
});

t.test('the same side twice: no price moved and no ruleset changed', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'POST', url: '/v1/comparisons', payload: { profile: aws } });
  t.equal(res.statusCode, 200);
  t.same(res.json().changes.priceChanges, []);
  t.equal(res.json().changes.ruleset, null);
  t.match(res.json().changes.options[0], { deltaUsd: '0' });
});

t.test('Cloudflare across its 2024 plan change: items removed and added', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/comparisons',
    payload: { profile: { ...aws, providers: ['cloudflare'], execution: { averageDurationMs: 20, memoryMb: 128 } }, baseline: { pricingDate: '2023-06-01' }, candidate: { pricingDate: '2025-06-01' } },
  });
  const changes = res.json().changes;
  t.ok(changes.priceChanges.some((c: { service: string; change: string }) => c.service === 'workers-standard' && c.change === 'added'));
  t.ok(changes.priceChanges.some((c: { service: string; change: string }) => c.service === 'workers-bundled' && c.change === 'removed'));
  t.same(changes.cheapestOption.to, 'cloudflare/workers-standard/on-demand');
  t.ok(changes.options.some((o: { baselineMonthlyUsd: string | null; deltaUsd: string | null }) => o.baselineMonthlyUsd === null && o.deltaUsd === null), 'options on one side only');
});

t.test('a side that cannot be evaluated is a 422 naming that side', async (t) => {
  const app = await testApp(t);
  const early = await app.inject({ method: 'POST', url: '/v1/comparisons', payload: { profile: aws, baseline: { pricingDate: '2019-01-01' } } });
  t.equal(early.statusCode, 422);
  t.match(early.json(), { detail: 'the baseline cannot be evaluated', errors: [{ path: 'baseline.pricingDate' }] });
  const late = await app.inject({ method: 'POST', url: '/v1/comparisons', payload: { profile: aws, candidate: { pricingDate: '2019-01-01' } } });
  t.match(late.json(), { detail: 'the candidate cannot be evaluated', errors: [{ path: 'candidate.pricingDate' }] });
  const infeasible = await app.inject({ method: 'POST', url: '/v1/comparisons', payload: { profile: { ...aws, providers: ['cloudflare'], execution: { averageDurationMs: 10, memoryMb: 4096 } } } });
  t.match(infeasible.json(), { errors: [{ path: 'profile.execution' }] });
  const typo = await app.inject({ method: 'POST', url: '/v1/comparisons', payload: { profile: aws, candidate: { pricingdate: '2024-01-01' } } });
  t.equal(typo.statusCode, 422);
  t.match(typo.json().errors, [{ path: 'candidate.pricingdate', message: /unknown field "pricingdate" \(did you mean "pricingDate"\?/ }]);
});

t.test('a batch: one result per profile, in order, failures named by index', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/evaluations/batch',
    payload: { profiles: [aws, { ...aws, pricingDate: '2019-01-01' }, { ...aws, providers: ['cloudflare'], execution: { averageDurationMs: 5, memoryMb: 128 } }] },
  });
  t.equal(res.statusCode, 200);
  const { results } = res.json();
  t.same(results.map((r: { index: number }) => r.index), [0, 1, 2]);
  t.match(results[0].evaluation.recommendation, { provider: 'aws' });
  t.match(results[1].errors, [{ path: 'profiles[1].pricingDate' }]);
  t.match(results[2].evaluation.recommendation, { provider: 'cloudflare' });
});

t.test('a batch over the limit: 422 naming the limit; invalid members named by index', async (t) => {
  const app = await testApp(t);
  const over = await app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { profiles: Array(MAX_BATCH + 1).fill(aws) } });
  t.equal(over.statusCode, 422);
  t.match(over.json().errors, [{ path: 'profiles', message: `at most ${MAX_BATCH} profiles per batch` }]);
  const invalid = await app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { profiles: [aws, { ...aws, horizonMonths: 0 }] } });
  t.match(invalid.json().errors, [{ path: 'profiles[1].horizonMonths' }]);
});

t.test('a missing profile or profiles list: 422 saying it is required and what it wants', async (t) => {
  const app = await testApp(t);
  const comparison = await app.inject({ method: 'POST', url: '/v1/comparisons', payload: { candidate: { pricingDate: '2024-03-01' } } });
  t.equal(comparison.statusCode, 422);
  t.match(comparison.json().errors, [{ path: 'profile', message: 'required: a workload profile object, with traffic and execution at least' }]);
  const batch = await app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: {} });
  t.equal(batch.statusCode, 422);
  t.match(batch.json().errors, [{ path: 'profiles', message: `required: a list of 1 to ${MAX_BATCH} workload profiles` }]);
});
