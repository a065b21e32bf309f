// Whole evaluations on the committed pricing files: bills that add up, history that shows, limits that
// make options infeasible, the break-even and the month the cheapest option changes.
import { Decimal } from 'decimal.js';
import t from 'tap';
import { evaluate } from '../../src/core/evaluate.js';
import type { Evaluation, OptionOut } from '../../src/core/evaluation/schema.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';

const TODAY = '2026-11-25';

function attempt(input: Record<string, unknown>) {
  return evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: TODAY });
}

function run(input: Record<string, unknown>): Evaluation {
  const result = attempt(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.evaluation;
}

const api = (extra: Record<string, unknown> = {}) => ({
  traffic: { monthlyRequests: 10_000_000 },
  execution: { averageDurationMs: 100, memoryMb: 512, egressKbPerResponse: 4 },
  ...extra,
});

function option(evaluation: Evaluation, id: string): OptionOut {
  const found = evaluation.options.find((o) => o.id === id);
  if (!found) throw new Error(`no option ${id} in ${evaluation.options.map((o) => o.id).join(', ')}`);
  return found;
}

t.test('every bill adds up: lines to the month, quantity × price to each line, months to the horizon', async (t) => {
  const evaluation = run(api({ horizonMonths: 6, traffic: { monthlyRequests: 40_000_000, growthPercentPerMonth: 5 }, team: { opsHourlyRateUsd: 80 } }));
  const feasible = evaluation.options.filter((o) => o.feasible);
  t.ok(feasible.length >= 20, `${feasible.length} feasible options over all eight providers`);
  for (const o of feasible) {
    const lines = o.lineItems.reduce((sum, l) => sum.add(l.amountUsd), new Decimal(0));
    t.equal(lines.toString(), new Decimal(o.monthlyUsd!).toString(), `${o.id}: lines add up to monthlyUsd`);
    for (const l of o.lineItems) t.equal(new Decimal(l.quantity).mul(l.unitPriceUsd).toString(), new Decimal(l.amountUsd).toString(), `${o.id}: ${l.name}`);
    t.equal(o.projection.length, 6);
    t.equal(o.projection.reduce((sum, m) => sum.add(m.totalUsd), new Decimal(0)).toString(), new Decimal(o.horizonUsd!).toString(), `${o.id}: months add up`);
    t.equal(o.projection[0]!.totalUsd, o.monthlyUsd);
    t.ok(o.lineItems.some((l) => l.name === 'ops effort'), `${o.id}: ops effort priced at the profile's rate`);
  }
  t.ok(evaluation.options[0]!.projection[5]!.monthlyRequests > 40_000_000 * 1.27, 'growth applied');
});

t.test('the same Cloudflare profile at a 2023 and a 2025 pricing date prices different plans', async (t) => {
  const worker = { traffic: { monthlyRequests: 50_000_000 }, execution: { averageDurationMs: 30, cpuMsPerRequest: 5, memoryMb: 128 }, providers: ['cloudflare'] };
  const in2023 = run({ ...worker, pricingDate: '2023-06-01' });
  const in2025 = run({ ...worker, pricingDate: '2025-06-01' });
  t.same(in2023.options.map((o) => o.service).sort(), ['workers-bundled', 'workers-unbound']);
  t.same(in2025.options.map((o) => o.service), ['workers-standard']);
  t.same(in2023.provenance.pricing, [{ provider: 'cloudflare', effectiveDate: '2021-11-18' }]);
  t.same(in2025.provenance.pricing, [{ provider: 'cloudflare', effectiveDate: '2024-03-01' }]);
  // Standard: $5 + 40M × $0.30/M + (250M − 30M) CPU-ms × $0.02/M = 5 + 12 + 4.40.
  t.equal(option(in2025, 'cloudflare/workers-standard/on-demand').monthlyUsd, '21.4');
  // Bundled: $5 + 40M × $0.50/M = $25.
  t.equal(option(in2023, 'cloudflare/workers-bundled/on-demand').monthlyUsd, '25');
});

t.test('AWS EC2 pays for public IPv4 only from 2024-02-01', async (t) => {
  const aws = api({ providers: ['aws'] });
  const before = option(run({ ...aws, pricingDate: '2024-01-31' }), 'aws/ec2/on-demand-autoscaled');
  const after = option(run({ ...aws, pricingDate: '2024-02-01' }), 'aws/ec2/on-demand-autoscaled');
  t.notOk(before.lineItems.some((l) => /IPv4/.test(l.name)));
  const ipv4 = after.lineItems.find((l) => /IPv4/.test(l.name))!;
  const instanceHours = after.details.instanceHours as number;
  t.equal(ipv4.quantity, instanceHours + 2 * 730, 'one address per instance-hour and two for the load balancer');
  t.equal(ipv4.unitPriceUsd, '0.005');
  const rise = new Decimal(after.monthlyUsd!).sub(before.monthlyUsd!);
  const oldFleetIpv4 = new Decimal((before.details.instanceHours as number) + 2 * 730).mul('0.005');
  t.ok(rise.gt(0) && rise.lte(oldFleetIpv4), `the bill rises by ${rise}, no more than IPv4 on the old fleet (${oldFleetIpv4}): fewer, larger instances may now be cheaper`);
  t.not(before.details.instanceType, after.details.instanceType, 'here it is: a per-instance charge changes which size is cheapest');
});

t.test('AWS EC2 with a 1-year commitment: a t3.medium month is the $19.05 AWS prints for a Standard RI, 1 year, No Upfront', async (t) => {
  // https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/ (US East, Linux): $19.05 for a 730-hour month of
  // t3.medium, as two public copies of the page print it. 3 GB per request needs the 4 GiB size.
  const evaluation = run(api({ providers: ['aws'], traffic: { monthlyRequests: 1_000_000 }, execution: { averageDurationMs: 100, memoryMb: 3000 } }));
  const committed = option(evaluation, 'aws/ec2/committed-fixed');
  const instances = committed.lineItems.find((l) => /instances/.test(l.name))!;
  t.same(instances, { name: 'Amazon EC2 (Linux, shared tenancy): t3.medium instances, 1-year commitment', quantity: 1460, unit: 'instance-hour', unitPriceUsd: '0.0261', amountUsd: '38.106' });
  t.equal(new Decimal(instances.amountUsd).div(2).toFixed(2), '19.05', 'two servers for availability, $19.05 each');
  // Only T3 has a 1-year price in the tables: a load that needs larger servers commits to more T3s, never to
  // a type whose 1-year price no source gives.
  const busy = run(api({ providers: ['aws'], traffic: { monthlyRequests: 300_000_000 } }));
  t.match(option(busy, 'aws/ec2/on-demand-autoscaled').details.instanceType, /^c7g\./);
  t.match(option(busy, 'aws/ec2/committed-fixed').details.instanceType, /^t3\./);
  // The same rates in every AWS table: none of the sources is later than 2022.
  for (const pricingDate of ['2023-09-01', '2024-03-01'])
    t.equal(option(run({ ...api({ providers: ['aws'] }), pricingDate }), 'aws/ec2/committed-fixed').feasible, true, pricingDate);
});

t.test('AWS Lambda bills the INIT phase of on-demand cold starts only from 2025-08-01', async (t) => {
  // By hand: 10M invocations × 100 ms × 0.5 GB = 500,000 GB-s. From 2025-08-01, 1% of them cold-start and each
  // bills its INIT time at the same rate: 100,000 × 0.3 s (the table's typical INIT) × 0.5 GB = 15,000 GB-s
  // more; at the 200 ms a profile can state, 10,000 GB-s. x86 at $0.0000166667 per GB-s.
  const aws = api({ providers: ['aws'], applyFreeTier: false });
  const compute = (e: Evaluation) => option(e, 'aws/lambda-x86/on-demand').lineItems.find((l) => /compute/.test(l.name))!;
  const before = run({ ...aws, pricingDate: '2025-07-31' });
  const after = run({ ...aws, pricingDate: '2025-08-01' });
  const measured = run({ ...aws, pricingDate: '2025-08-01', execution: { ...aws.execution, initDurationMs: 200 } });
  t.same([compute(before).quantity, compute(before).amountUsd], [500_000, '8.33335']);
  t.same([compute(after).quantity, compute(after).amountUsd], [515_000, '8.5833505']);
  t.same([compute(measured).quantity, compute(measured).amountUsd], [510_000, '8.500017']);
  t.same(option(after, 'aws/lambda-x86/on-demand').details, { billedDurationMs: 100, billedMemoryMb: 512, mode: 'on-demand', coldStartPercent: 1, billedInitMsPerColdStart: 300, gateway: 'apigw-http' });
  t.match(after.warnings.join('\n'), /aws\/lambda-x86\/on-demand, aws\/lambda-arm\/on-demand: cold starts \(1% of invocations\) are billed 300 ms of INIT each, the pricing table's typical INIT time.*initDurationMs/);
  t.notMatch(measured.warnings.join('\n'), /INIT/, 'a stated INIT time needs no warning');
  t.notMatch(before.warnings.join('\n'), /INIT/);
  // Warm capacity pays for its own initialisation: nothing is added.
  const warm = run({ ...aws, pricingDate: '2025-08-01', latency: { coldStartTolerance: 'none' } });
  const warmBefore = run({ ...aws, pricingDate: '2025-07-31', latency: { coldStartTolerance: 'none' } });
  t.equal(option(warm, 'aws/lambda-x86/provisioned').monthlyUsd, option(warmBefore, 'aws/lambda-x86/provisioned').monthlyUsd);
});

t.test('a 20-minute job breaks the 15-minute function limit and says so', async (t) => {
  const evaluation = run({ traffic: { monthlyRequests: 3000, pattern: 'batch' }, execution: { averageDurationMs: 1_200_000, memoryMb: 2048 }, providers: ['aws', 'gcp', 'azure'] });
  const lambda = option(evaluation, 'aws/lambda-x86/on-demand');
  t.equal(lambda.feasible, false);
  t.equal(lambda.monthlyUsd, null);
  t.same(lambda.lineItems, []);
  t.match(lambda.infeasibleBecause, /AWS Lambda \(x86_64\) stops a run after 900000 ms; the workload runs up to 1200000 ms/);
  t.match(lambda.infeasibleBecause, /API Gateway \(HTTP APIs\) stops a run after 30000 ms/);
  t.equal(option(evaluation, 'azure/functions-consumption/on-demand').feasible, false, 'Azure consumption stops at 10 minutes');
  t.equal(option(evaluation, 'gcp/cloud-run-functions/on-demand').feasible, true, 'Cloud Run functions run HTTP requests for up to 60 minutes');
  t.equal(evaluation.options.filter((o) => o.architecture === 'hybrid' && o.provider === 'aws').length, 0, 'no AWS hybrid without a feasible function');
});

t.test('no cold starts tolerated: warm capacity is priced where sold, infeasible where not', async (t) => {
  const evaluation = run(api({ latency: { coldStartTolerance: 'none' } }));
  const lambda = option(evaluation, 'aws/lambda-arm/provisioned');
  t.ok(lambda.lineItems.some((l) => /provisioned concurrency/.test(l.name)));
  t.notOk(lambda.lineItems.some((l) => /^AWS Lambda.*free tier/.test(l.name)), 'no Lambda free tier with provisioned concurrency');
  t.match(option(evaluation, 'digitalocean/functions/provisioned').infeasibleBecause, /cold starts .* sells no warm capacity/);
  t.equal(option(evaluation, 'cloudflare/workers-standard/on-demand').infeasibleBecause, 'Cloudflare Workers (Standard usage model) offers at most 128 MB of memory; the workload needs 512 MB');
  t.ok(option(evaluation, 'gcp/cloud-run-functions/provisioned').lineItems.some((l) => /minimum-instance idle/.test(l.name)));
});

t.test('websockets: functions that cannot hold connections are infeasible', async (t) => {
  const evaluation = run(api({ state: 'long-lived-connections', execution: { averageDurationMs: 50, memoryMb: 128 } }));
  t.match(option(evaluation, 'aws/lambda-x86/on-demand').infeasibleBecause, /long-lived connections/);
  t.equal(option(evaluation, 'cloudflare/workers-standard/on-demand').feasible, true);
});

t.test('break-even: the volume where the best traditional option stops costing more than the best serverless one', async (t) => {
  const plain = api({ providers: ['aws'], execution: { averageDurationMs: 100, memoryMb: 512 } });
  const evaluation = run(plain);
  const be = evaluation.breakEven!;
  t.ok(be.monthlyRequests > 50_000_000 && be.monthlyRequests < 1e9, `break-even ${be.monthlyRequests}`);
  t.match(be.serverlessOption, /^aws\/lambda/);
  t.match(be.traditionalOption, /^aws\/(ec2|fargate)/);
  const cheapestOf = (e: Evaluation, architecture: string) =>
    e.options.filter((o) => o.feasible && o.architecture === architecture).reduce((m, o) => Decimal.min(m, o.monthlyUsd!), new Decimal(Infinity));
  const below = run({ ...plain, traffic: { monthlyRequests: Math.floor(be.monthlyRequests * 0.99) } });
  const above = run({ ...plain, traffic: { monthlyRequests: Math.ceil(be.monthlyRequests * 1.01) } });
  t.ok(cheapestOf(below, 'serverless').lt(cheapestOf(below, 'traditional')), 'serverless cheaper 1% below');
  t.ok(cheapestOf(above, 'traditional').lt(cheapestOf(above, 'serverless')), 'traditional cheaper 1% above');
});

t.test('the month the cheapest option changes under growth', async (t) => {
  const growing = run(api({ providers: ['aws'], horizonMonths: 36, traffic: { monthlyRequests: 20_000_000, growthPercentPerMonth: 15 } }));
  const change = growing.cheapestOptionChange!;
  t.ok(change.month > 1 && change.month <= 36, `changes in month ${change.month}`);
  t.match(change.from, /lambda/);
  t.not(change.to, change.from);
  t.equal(run(api({ providers: ['aws'] })).cheapestOptionChange, null, 'flat traffic: no change');
});

t.test('a steady baseline with bursts: the hybrid keeps servers and sends bursts to functions', async (t) => {
  const weights = Array.from({ length: 24 }, (_, h) => (h === 12 ? 10 : 1));
  const evaluation = run({ traffic: { averageRps: 60, hourlyWeights: weights }, execution: { averageDurationMs: 50, cpuMsPerRequest: 20, memoryMb: 256 }, providers: ['aws'] });
  const hybrid = option(evaluation, 'aws/ec2+lambda-arm/hybrid');
  t.ok((hybrid.details.baselineInstances as number) > 0, `baseline ${hybrid.details.baselineInstances}`);
  t.ok((hybrid.details.functionSharePercent as number) > 0, 'bursts overflow to functions');
  t.ok(new Decimal(hybrid.monthlyUsd!).lte(option(evaluation, 'aws/lambda-arm/on-demand').monthlyUsd!));
  t.ok(new Decimal(hybrid.monthlyUsd!).lte(option(evaluation, 'aws/ec2/on-demand-fixed').monthlyUsd!));
});

t.test('DigitalOcean bills a droplet at most 672 hours a month', async (t) => {
  const droplets = option(run(api({ providers: ['digitalocean'] })), 'digitalocean/droplets/on-demand-fixed');
  const instances = droplets.lineItems.find((l) => / instances$/.test(l.name))!;
  t.equal(instances.quantity, 2 * 672);
});

t.test("a DigitalOcean load balancer runs a node per 10,000 requests a second of the week's peak", async (t) => {
  const nodes = (averageRps: number) => {
    const droplets = option(run({ traffic: { averageRps, pattern: 'steady' }, execution: { averageDurationMs: 20, memoryMb: 128 }, providers: ['digitalocean'], horizonMonths: 1 }), 'digitalocean/droplets/on-demand-fixed');
    return droplets.lineItems.find((l) => l.name === 'DigitalOcean Load Balancer (regional): load balancer nodes')!;
  };
  t.match(nodes(9_999), { quantity: 1, unit: 'node-month', amountUsd: '12' });
  t.match(nodes(10_001), { quantity: 2, amountUsd: '24' }, 'one node past 10,000 requests a second');
  t.match(nodes(45_000), { quantity: 5, amountUsd: '60' });
});

t.test('a workload no server can hold is infeasible everywhere it does not fit', async (t) => {
  const evaluation = run(api({ execution: { averageDurationMs: 100, memoryMb: 20_000 }, providers: ['gcp'] }));
  t.match(option(evaluation, 'gcp/compute-engine/on-demand-autoscaled').infeasibleBecause, /no Compute Engine size has room for one request of 20000 MB/);
  t.equal(option(evaluation, 'gcp/cloud-run-functions/on-demand').feasible, true, 'a 32 GiB function still fits');
});

t.test('profiles that cannot be evaluated name the field to change', async (t) => {
  t.same(attempt(api({ providers: ['aws'], pricingDate: '2019-01-01' })), {
    ok: false,
    issues: [{ path: 'pricingDate', message: 'none of the providers (aws) had prices in force on 2019-01-01' }],
  });
  t.same(attempt(api({ providers: ['cloudflare'], execution: { averageDurationMs: 100, memoryMb: 4096 } })), {
    ok: false,
    issues: [
      {
        path: 'execution',
        message:
          'no option can run this workload: serverless excluded by no-function-can-run-it (Every function option breaks a platform limit (duration, memory, payload, CPU, connections, cold starts, or what can start it); ' +
          "see each option's infeasibleBecause); traditional excluded by no-servers-offered (None of the considered providers rents servers; add one that does to weigh traditional); " +
          'hybrid excluded by no-provider-has-both-halves (A hybrid needs, from one provider, a function that can run the workload and a server size that fits it; no considered provider has both)',
      },
      { path: 'execution', message: 'cloudflare/workers-standard/on-demand: Cloudflare Workers (Standard usage model) offers at most 128 MB of memory; the workload needs 4096 MB' },
    ],
  });
  // One issue per option, each with what stops it; a committed fleet names the sizes it could commit to.
  const huge = attempt(api({ providers: ['aws'], execution: { averageDurationMs: 100, memoryMb: 262_144 } }));
  t.notOk(huge.ok);
  const issues = huge.ok ? [] : huge.issues;
  t.equal(issues.length, 1 + 11, 'the reason nothing is left, then each of AWS’s eleven options');
  t.ok(issues.every((i) => i.path === 'execution'));
  t.ok(
    issues.some((i) => i.message === 'aws/ec2/committed-fixed: no Amazon EC2 (Linux, shared tenancy) size with a 1-year commitment price has room for one request of 262144 MB beside the memory kept for the system'),
  );
});

t.test('where there is no break-even or no architecture, the summary and the exclusions say which case it is', async (t) => {
  const lastSentence = (e: Evaluation) => e.recommendation.summary.slice(e.recommendation.summary.lastIndexOf('. ', e.recommendation.summary.length - 2) + 2);
  const excludedBy = (e: Evaluation) => e.exclusions.map((x) => `${x.architecture}: ${x.ruleId}`);
  // Heroku sells dynos only: serverless is not "unable to run it", there is none to run it on.
  const dynos = run(api({ providers: ['heroku'] }));
  t.same(excludedBy(dynos), ['serverless: no-functions-offered', 'hybrid: no-provider-has-both-halves']);
  t.equal(lastSentence(dynos), 'No break-even: the considered providers sell no functions.');
  // Cloudflare sells functions only.
  const workers = run(api({ providers: ['cloudflare'], execution: { averageDurationMs: 10, memoryMb: 128 } }));
  t.same(excludedBy(workers), ['traditional: no-servers-offered', 'hybrid: no-provider-has-both-halves']);
  t.equal(lastSentence(workers), 'No break-even: the considered providers rent no servers.');
  // AWS sells functions, but none runs for 20 minutes; no hybrid can be built without one.
  const video = run(api({ providers: ['aws'], execution: { averageDurationMs: 1_200_000, memoryMb: 2048 } }));
  t.ok(excludedBy(video).includes('serverless: no-function-can-run-it'));
  t.ok(excludedBy(video).includes('hybrid: no-provider-has-both-halves'));
  t.notOk(excludedBy(video).includes('hybrid: no-hybrid-keeps-a-server'), 'no hybrid was priced, so none chose zero servers');
  t.equal(lastSentence(video), 'No break-even: no serverless option can run this workload.');
  // Hybrids are priced here, and each does best with no server at all.
  const plain = run(api({ providers: ['aws'] }));
  t.ok(plain.options.some((o) => o.architecture === 'hybrid' && o.details.baselineInstances === 0));
  t.same(excludedBy(plain), ['hybrid: no-hybrid-keeps-a-server']);
  // A 3 GB function kept warm on Azure (an EP1 instance, or Flex's always-ready 4 GB size) costs more than the
  // one server the profile asks for: servers win from the bottom of the search.
  const warm = run(api({ providers: ['azure'], minInstances: 1, execution: { averageDurationMs: 100, memoryMb: 3000 }, latency: { coldStartTolerance: 'none' } }));
  t.equal(warm.breakEven, null);
  t.equal(lastSentence(warm), 'No break-even: traditional is cheaper than serverless already at 1k requests a month.');
  // DigitalOcean's functions stay cheaper than its droplets for a burst every hour (the checkout example).
  const bursts = run({ traffic: { averageRps: 100, peakRps: 1000 }, execution: { averageDurationMs: 60, cpuMsPerRequest: 25, memoryMb: 512 }, providers: ['digitalocean'] });
  t.equal(bursts.breakEven, null);
  t.equal(lastSentence(bursts), 'No break-even: serverless stays cheaper than traditional at every volume searched, up to 1T requests a month.');
});

t.test('the least volume the schema takes, and none at all, still search the break-even from 1k to 1T requests', async (t) => {
  for (const monthlyRequests of [0.001, 0]) {
    const evaluation = run(api({ providers: ['aws'], traffic: { monthlyRequests } }));
    t.equal(evaluation.breakEven?.monthlyRequests, run(api({ providers: ['aws'] })).breakEven?.monthlyRequests, `${monthlyRequests} a month`);
    // The gateway has no free tier: a thousandth of a request costs a billionth of a dollar there.
    t.ok(new Decimal(option(evaluation, 'aws/lambda-x86/on-demand').monthlyUsd!).lte('0.000000001'), 'next to nothing');
  }
});

t.test('same input, same output; the verdict comes with provenance and warnings', async (t) => {
  const input = api({ traffic: { averageRps: 5, peakRps: 1 } });
  const first = run(input);
  t.equal(JSON.stringify(run(input)), JSON.stringify(first));
  t.equal(first.provenance.pricingDate, TODAY);
  t.match(first.provenance.profileHash, /^[0-9a-f]{64}$/);
  t.match(first.warnings, [/traffic\.peakRps \(1\) is below the busiest hour/]);
  t.ok(first.recommendation.confidence >= 0.5 && first.recommendation.confidence <= 1);
  t.match(first.recommendation.summary, /is recommended: .* Scores after \d+ rules: /);
  // What only editors and CI read leaves the workload's hash alone: a JSON profile's $schema path, expect.
  const annotated = run({ ...input, $schema: '../openapi/workload-profile.schema.json', expect: { architecture: 'serverless' } });
  t.equal(annotated.provenance.profileHash, first.provenance.profileHash);
  t.not(run({ ...input, horizonMonths: 13 }).provenance.profileHash, first.provenance.profileHash);
});

t.test('a hybrid keeps its first month’s function when another becomes the cheaper partner as traffic grows', async (t) => {
  // 20 ms at 128 MB, 10M requests growing 5% a month: from month 18 (~22.9M) Lambda on Arm costs less than on
  // x86, so a hybrid chosen afresh each month would change partner. It used to crash the projection.
  const evaluation = run({ traffic: { monthlyRequests: 10_000_000, growthPercentPerMonth: 5 }, execution: { averageDurationMs: 20, memoryMb: 128 }, horizonMonths: 24 });
  const hybrid = option(evaluation, 'aws/ec2+lambda-x86/hybrid');
  t.equal(hybrid.projection.length, 24, 'every month is priced');
  t.notOk(evaluation.options.some((o) => o.id === 'aws/ec2+lambda-arm/hybrid'), 'the option list is the first month’s');
  const lambdaX86 = option(evaluation, 'aws/lambda-x86/on-demand');
  for (const month of hybrid.projection)
    t.ok(new Decimal(month.totalUsd).lte(lambdaX86.projection[month.month - 1]!.totalUsd), `month ${month.month}: no dearer than its own functions alone`);
});

t.test('a provider without a table at the pricing date is left out, and the warnings say so', async (t) => {
  const mid2024 = run(api({ pricingDate: '2024-06-01' }));
  t.same(
    mid2024.provenance.pricing.map((p) => p.provider),
    ['aws', 'cloudflare', 'digitalocean', 'vercel', 'heroku'],
  );
  t.equal(mid2024.warnings[0], 'gcp (tables from 2025-03-06), azure (tables from 2025-10-01), netlify (tables from 2025-09-04): no pricing table in force on 2024-06-01; left out of this evaluation');
  t.notOk(run(api({ pricingDate: '2026-06-01' })).warnings.some((w) => /no pricing table in force/.test(w)), 'every provider has a table by then');
  // A pricing directory of AWS tables only (ARCHCALC_PRICING_DIR) has no date at which GCP starts.
  const awsOnly = { byProvider: new Map([['aws', committedCatalog().byProvider.get('aws')!]] as const) };
  const result = evaluate(WorkloadProfile.parse(api({ providers: ['aws', 'gcp'] })), { catalog: awsOnly, ruleset: defaultRuleset(), today: TODAY });
  t.equal(result.ok && result.evaluation.warnings[0], `gcp: no pricing table in force on ${TODAY}; left out of this evaluation`);
});

t.test("a hybrid that keeps no server in any month says so instead of naming a baseline it never runs", async (t) => {
  const quiet = run(api({ providers: ['aws'] }));
  const hybrid = quiet.options.find((o) => o.architecture === 'hybrid')!;
  t.equal(hybrid.details.baselineInstances, 0);
  t.equal(hybrid.variant, 'no server pays at this load in any month: every request to functions');
  // Growing into a baseline: the horizon's later months keep servers, and the variant names their size.
  const growing = run(api({ providers: ['aws'], traffic: { monthlyRequests: 10_000_000, growthPercentPerMonth: 40 }, horizonMonths: 24 }));
  const grown = growing.options.find((o) => o.architecture === 'hybrid')!;
  t.ok(grown.projection.some((m) => (m.baselineInstances ?? 0) > 0), 'a later month keeps a server');
  t.match(grown.variant, /baseline.*overflow to functions/);
});
