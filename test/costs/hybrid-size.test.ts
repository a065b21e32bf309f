// A hybrid's baseline runs a size of its own choosing: the size whose best month is cheapest, not the one the
// autoscaled servers chose. Checked here against every size the service offers, and against traffic that rises.
import t from 'tap';
import { bestHybridMonth } from '../../src/core/costs/hybrid.js';
import { chooseHybridSize, hybridCandidates } from '../../src/core/costs/hybrid-choice.js';
import { optionPlans } from '../../src/core/costs/options.js';
import { sizePlan } from '../../src/core/costs/server-choice.js';
import { fittingSizes, serverService, sharedSurroundings } from '../../src/core/costs/server-service.js';
import { selectPricing } from '../../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { growthFactor, scaleWeek, trafficWeek } from '../../src/core/traffic/week.js';
import { evaluate } from '../../src/core/evaluate.js';
import { formatUsd } from '../../src/core/costs/money.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';

const catalog = committedCatalog();

// A long-running API (5 s a request, 512 MB, no CPU of note): 416M requests a month in business hours, AWS at mid-2024.
const longCalls = WorkloadProfile.parse({
  traffic: { monthlyRequests: 416_187_657, pattern: 'business-hours' },
  execution: { averageDurationMs: 4998, memoryMb: 512, cpuMsPerRequest: 0, payloadKb: 0, egressKbPerResponse: 0 },
  latency: { coldStartTolerance: 'occasional' },
  applyFreeTier: false,
  pricingDate: '2024-06-01',
  providers: ['aws'],
});

function hybridsAt(profile: WorkloadProfile, volumeFactor = 1) {
  const files = selectPricing(catalog, profile.pricingDate!, profile.providers);
  const week = trafficWeek(profile.traffic, volumeFactor);
  return { files, week, hybrids: optionPlans(files, profile, week, profile.minInstances).filter((p) => p.architecture === 'hybrid') };
}

t.test("each hybrid's month is the cheapest over every size its service offers", async (t) => {
  const { files, week, hybrids } = hybridsAt(longCalls);
  t.same(
    hybrids.map((h) => h.id),
    ['aws/ec2+lambda-arm/hybrid', 'aws/fargate+lambda-arm/hybrid', 'aws/fargate-arm+lambda-arm/hybrid'],
  );
  for (const hybrid of hybrids) {
    const { server, fn } = hybrid.parts!;
    const ctx = serverService(files[0]!, server.service, longCalls, sharedSurroundings());
    let cheapestUsd = Infinity;
    for (const { size, capacityRps } of fittingSizes(ctx)) cheapestUsd = Math.min(cheapestUsd, bestHybridMonth(sizePlan(ctx, size, capacityRps), fn, longCalls, week, 'estimate').usd);
    t.equal(hybrid.price(week, 'estimate').usd, cheapestUsd, `${hybrid.id}: ${hybrid.variant}`);
  }
  // The autoscaled EC2 servers run on-demand t4g.medium; a baseline bought for every hour is cheaper on t3.medium
  // with its 1-year commitment (about 6% less than a t4g.medium baseline: $12,106 against $12,813).
  t.equal(hybrids[0]!.variant, 't3.medium baseline (1-year commitment), overflow to functions');
  t.match(optionPlans(files, longCalls, week, longCalls.minInstances).find((p) => p.id === 'aws/ec2/on-demand-autoscaled')!.variant, /^t4g\.medium/);
});

t.test('a hybrid never gets cheaper as traffic rises, though its size may change', async (t) => {
  // With the autoscaled servers' size, 1% more traffic moved the Fargate Arm hybrid from 2 vCPU / 16 GB tasks
  // ($11,153.50) to 16 vCPU / 120 GB tasks ($11,031.61).
  const before = hybridsAt(longCalls);
  const after = hybridsAt(longCalls, 1.01);
  for (const hybrid of before.hybrids) {
    const risen = after.hybrids.find((h) => h.id === hybrid.id)!;
    const [low, high] = [hybrid.exactTotal(before.week), risen.exactTotal(after.week)];
    t.ok(high >= low, `${hybrid.id}: ${low} then ${high}`);
  }
});

t.test('a growing hybrid chooses its size again where traffic has doubled, as the servers do every month', async (t) => {
  // A spiky 100M-request API on Google Cloud growing 10% a month for two years (×8.9). In month 1 functions
  // alone are the hybrid's best month (its size, e2-small, is the first the table lists); from month 9, at
  // 2.14× the first month, it runs the size chosen at exactly 2×.
  const growing = WorkloadProfile.parse({
    traffic: { monthlyRequests: 100_000_000, pattern: 'spiky', growthPercentPerMonth: 10 },
    execution: { averageDurationMs: 100, memoryMb: 512 },
    horizonMonths: 24,
    providers: ['gcp'],
  });
  const result = evaluate(growing, { catalog, ruleset: defaultRuleset(), today: '2026-11-25' });
  if (!result.ok) throw new Error('evaluation failed');
  const hybrid = result.evaluation.options.find((o) => o.architecture === 'hybrid')!;
  t.match(hybrid.details, { instanceType: 'e2-small', baselineInstances: 0 });
  t.same(hybrid.projection.slice(0, 8).map((m) => m.instanceType), Array(8).fill(undefined), 'below 2×: the first size');
  t.same(new Set(hybrid.projection.slice(8).map((m) => m.instanceType)), new Set(['e2-standard-4']), 'from 2× (and at 4×, month 16): e2-standard-4');
  // Month 9 by hand: the size chosen at twice the first week, its best baseline at month 9's week.
  const { files, week: first, hybrids } = hybridsAt(growing);
  const { server, fn } = hybrids[0]!.parts!;
  const ctx = serverService(files[0]!, server.service, growing, sharedSurroundings());
  const atDouble = chooseHybridSize(ctx, fn, growing, scaleWeek(first, 2))!;
  t.equal(atDouble.size.name, 'e2-standard-4');
  const month9 = scaleWeek(first, growthFactor(10, 9));
  const settled = bestHybridMonth(atDouble, fn, growing, month9, 'exact');
  t.equal(formatUsd(settled.total), hybrid.projection[8]!.totalUsd);
  t.ok(settled.baselineInstances > 0);
  t.equal(hybrid.projection[8]!.baselineInstances, settled.baselineInstances, 'the month names its count of servers, which month 1 (none) does not have');
  // Kept on e2-small for two years, the same hybrid cost 6.5% more.
  let kept = 0;
  for (let month = 1; month <= 24; month++) kept += Number(hybrids[0]!.exactTotal(scaleWeek(first, growthFactor(10, month)))) / 1e12;
  t.ok(kept / Number(hybrid.horizonUsd) > 1.06, `kept on e2-small $${kept.toFixed(2)}, re-sized $${hybrid.horizonUsd}`);
});

t.test("a shrinking hybrid's months name their count of servers, and a month of none names no size", async (t) => {
  // The checkout API on DigitalOcean losing 15% of its traffic a month: a baseline of one s-2vcpu-4gb Droplet at
  // first, smaller Droplets from half the traffic, then functions alone.
  const shrinking = WorkloadProfile.parse({
    traffic: { averageRps: 100, peakRps: 1000, growthPercentPerMonth: -15 },
    execution: { averageDurationMs: 60, cpuMsPerRequest: 25, memoryMb: 512 },
    horizonMonths: 24,
    providers: ['digitalocean'],
  });
  const result = evaluate(shrinking, { catalog, ruleset: defaultRuleset(), today: '2026-11-25' });
  if (!result.ok) throw new Error('evaluation failed');
  const droplets = result.evaluation.options.find((o) => o.id === 'digitalocean/droplets+functions/hybrid')!;
  const functions = result.evaluation.options.find((o) => o.id === 'digitalocean/functions/on-demand')!;
  t.match(droplets.details, { instanceType: 's-2vcpu-4gb', baselineInstances: 1 });
  const none = droplets.projection.filter((m) => m.baselineInstances === 0);
  t.ok(none.length > 0 && none[0]!.month > 1, `functions alone from month ${none[0]?.month}`);
  for (const month of none) {
    t.equal(month.instanceType, undefined, `month ${month.month}: no server, no size`);
    t.equal(month.totalUsd, functions.projection[month.month - 1]!.totalUsd, `month ${month.month}: what the functions alone cost`);
  }
  const withServers = droplets.projection.filter((m) => m.baselineInstances !== 0);
  t.ok(withServers.every((m) => m.month < none[0]!.month), 'none again once the servers have gone');
  t.ok(withServers.some((m) => m.instanceType !== undefined), 'smaller Droplets on the way down');
});

t.test('the sizes a baseline may run: none that another does as well as at every count, cheapest per request first', async (t) => {
  const files = selectPricing(catalog, longCalls.pricingDate!, ['aws']);
  const fargate = files[0]!.services.find((s) => s.id === 'fargate')!;
  const ctx = serverService(files[0]!, fargate, longCalls, sharedSurroundings());
  const candidates = hybridCandidates(ctx);
  const all = fittingSizes(ctx);
  t.ok(candidates.length > 1 && candidates.length < all.length, `${candidates.length} of ${all.length} task sizes`);
  const perRps = candidates.map((plan) => plan.size.hourlyEstimate / plan.capacityRps);
  t.same(perRps, [...perRps].sort((a, b) => a - b), 'cheapest per request served first');
  for (const { size, capacityRps } of all) {
    if (candidates.some((plan) => plan.size === size)) continue;
    const better = candidates.find((plan) => plan.size.hourlyEstimate <= size.hourlyEstimate && plan.capacityRps >= capacityRps);
    t.ok(better, `${size.name} is left out for ${better?.size.name}`);
  }
  t.equal(hybridCandidates(ctx)[0], candidates[0], 'worked out once per service');
  const { hybrids, week } = hybridsAt(longCalls);
  t.equal(chooseHybridSize(ctx, hybrids[1]!.parts!.fn, longCalls, week)?.size.name, hybrids[1]!.parts!.server.size.name, 'the size the Fargate hybrid runs');
});
