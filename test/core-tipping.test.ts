// Tipping points on the committed tables: the volume tipping point agrees with the break-even (same cost
// functions, same search), each flip is real on both sides, and inputs that flip nothing are left out.
import t from 'tap';
import { evaluate } from '../src/core/evaluate.js';
import { selectPricing } from '../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../src/core/profile/schema.js';
import { committedCatalog, defaultRuleset } from './helpers.js';

function run(input: Record<string, unknown>) {
  const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25', tippingPoints: true });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.evaluation;
}

const plain = { traffic: { monthlyRequests: 10_000_000 }, execution: { averageDurationMs: 100, memoryMb: 512 }, providers: ['aws'] };

t.test('plain 100 ms / 512 MB API on AWS: the volume tipping point agrees with the break-even within 1%', async (t) => {
  const evaluation = run(plain);
  const volume = evaluation.tippingPoints.find((p) => p.input === 'monthlyRequests')!;
  t.match(volume, { currentValue: 10_000_000, from: 'serverless', to: 'traditional' });
  const breakEven = evaluation.breakEven!.monthlyRequests;
  t.ok(Math.abs(volume.flipsAt / breakEven - 1) < 0.01, `tipping ${volume.flipsAt} vs break-even ${breakEven}`);
  const cheaper = (input: Record<string, unknown>) => {
    const e = run({ ...plain, ...input });
    const best = (a: string) => Math.min(...e.options.filter((o) => o.feasible && o.architecture === a).map((o) => Number(o.monthlyUsd)));
    return best('traditional') < best('serverless') ? 'traditional' : 'serverless';
  };
  t.equal(cheaper({ traffic: { monthlyRequests: Math.round(volume.flipsAt * 0.995) } }), 'serverless', 'just below');
  t.equal(cheaper({ traffic: { monthlyRequests: Math.round(volume.flipsAt * 1.005) } }), 'traditional', 'just above');
  const growth = evaluation.tippingPoints.find((p) => p.input === 'growthPercentPerMonth')!;
  t.ok(Math.abs(10_000_000 * Math.pow(1 + growth.flipsAt / 100, 11) / volume.flipsAt - 1) < 0.01, `month 12 reaches the flip volume at ${growth.flipsAt}%/month`);
  const oneMonth = run({ ...plain, horizonMonths: 1 });
  t.notOk(oneMonth.tippingPoints.some((p) => p.input === 'growthPercentPerMonth'), 'no growth tipping point within a single month');
});

t.test('inputs that flip nothing are absent; peak ratio and duration can flip', async (t) => {
  const bursty = run({ traffic: { averageRps: 100, peakRps: 1000 }, execution: { averageDurationMs: 60, cpuMsPerRequest: 25, memoryMb: 512 }, providers: ['aws'] });
  const inputs = bursty.tippingPoints.map((p) => p.input);
  t.ok(inputs.includes('peakToAverageRatio') || inputs.includes('averageDurationMs'), `found ${inputs.join(', ')}`);
  for (const p of bursty.tippingPoints) t.not(p.from, p.to);
  const cloudflareOnly = run({ ...plain, providers: ['cloudflare'], execution: { averageDurationMs: 10, memoryMb: 128 } });
  t.same(cloudflareOnly.tippingPoints, [], 'no traditional option: nothing to flip to');
  const idle = run({ ...plain, traffic: { monthlyRequests: 0 } });
  t.notOk(idle.tippingPoints.some((p) => p.input === 'monthlyRequests' || p.input === 'peakToAverageRatio'), 'no volume to scale');
  const noServers = run({ ...plain, providers: ['cloudflare', 'digitalocean'], execution: { averageDurationMs: 10, memoryMb: 128 }, compliance: { dedicatedTenancy: false } });
  t.ok(Array.isArray(noServers.tippingPoints));
});

t.test('off unless asked for', async (t) => {
  const result = evaluate(WorkloadProfile.parse(plain), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
  t.same(result.ok && result.evaluation.tippingPoints, []);
});

t.test('memory is searched to the MB: the flip sits on the first size past AWS Lambda\'s memory limit', async (t) => {
  const evaluation = run(plain);
  const memory = evaluation.tippingPoints.find((p) => p.input === 'memoryMb')!;
  const [aws] = selectPricing(committedCatalog(), '2026-11-25', ['aws']);
  const lambda = aws!.services.find((s) => s.id === 'lambda-arm')!;
  const limitMb = lambda.limits!.maxMemoryMb!;
  t.match(memory, { currentValue: 512, flipsAt: limitMb + 1, from: 'serverless', to: 'traditional' });
  // Each side of the flip, checked by evaluating there.
  const side = (memoryMb: number) => {
    const e = run({ ...plain, execution: { ...plain.execution, memoryMb } });
    const best = (a: string) => Math.min(...e.options.filter((o) => o.feasible && o.architecture === a).map((o) => Number(o.monthlyUsd)));
    return best('traditional') < best('serverless') ? 'traditional' : 'serverless';
  };
  t.equal(side(limitMb), 'serverless', `${limitMb} MB still fits a function`);
  t.equal(side(limitMb + 1), 'traditional', `${limitMb + 1} MB does not`);
});

t.test('a duration flip next to a platform limit is put on the limit: AWS Lambda stops runs at 900,000 ms', async (t) => {
  const nightly = { trigger: 'schedule', traffic: { monthlyRequests: 30, pattern: 'batch' }, execution: { averageDurationMs: 240_000, memoryMb: 1024 }, providers: ['aws'] };
  const duration = run(nightly).tippingPoints.find((p) => p.input === 'averageDurationMs')!;
  t.match(duration, { currentValue: 240_000, flipsAt: 900_000, from: 'serverless', to: 'traditional' });
  const feasible = (averageDurationMs: number) =>
    run({ ...nightly, execution: { ...nightly.execution, averageDurationMs } }).options.find((o) => o.id === 'aws/lambda-arm/on-demand')!.feasible;
  t.equal(feasible(900_000), true, 'a run of exactly the limit still fits');
  t.equal(feasible(900_001), false, 'a millisecond more does not');
  // Where no limit explains the flip, the bisection's value stands (0.1%), as for the plain API's volume.
  t.notOk(run(plain).tippingPoints.some((p) => p.input === 'averageDurationMs' && p.flipsAt === 900_000));
});
