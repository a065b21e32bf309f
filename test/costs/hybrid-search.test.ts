// The hybrid's baseline is searched, not tried one by one past a dozen servers: the search must still land on
// the cheapest baseline of all, checked here against every baseline priced exactly.
import t from 'tap';
import { Bill } from '../../src/core/costs/bill.js';
import { formatUsd } from '../../src/core/costs/money.js';
import { priceHybridMonth } from '../../src/core/costs/hybrid.js';
import { hybridOption } from '../../src/core/costs/option-plan.js';
import { optionPlans } from '../../src/core/costs/options.js';
import { fleetFor } from '../../src/core/costs/servers.js';
import { selectPricing } from '../../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { trafficWeek } from '../../src/core/traffic/week.js';
import { committedCatalog } from '../helpers.js';

/**
 * The hybrid's month as the engine prices it, and the cheapest month of every baseline from 0 to the peak; at
 * `volumeFactor` × the profile's volume, after the first month has been searched (as a growing projection does).
 */
function searchedAndBest(input: Record<string, unknown>, provider: 'gcp' | 'azure' | 'aws', volumeFactor = 1, functionService?: string) {
  const profile = WorkloadProfile.parse({ ...input, providers: [provider] });
  const first = trafficWeek(profile.traffic);
  const plans = optionPlans(selectPricing(committedCatalog(), '2026-11-25', [provider]), profile, first, profile.minInstances);
  // The provider's hybrid pairs its servers with its cheapest function; another function can be asked for.
  const cheapest = plans.find((p) => p.parts && p.infeasibleBecause.length === 0)!;
  const partner = plans.find((p) => p.functionPlan?.service.id === functionService)?.functionPlan;
  const hybrid = partner ? hybridOption(cheapest.parts!.server, partner, profile) : cheapest;
  hybrid.price(first, 'estimate');
  const week = trafficWeek(profile.traffic, volumeFactor);
  const { server, fn } = hybrid.parts!;
  const peak = fleetFor(week, server.capacityRps, profile.minInstances, 'fixed').peak;
  let best = { baseline: -1, total: 0 as number | bigint };
  for (let baseline = 0; baseline <= peak; baseline++) {
    const bill = new Bill('exact');
    priceHybridMonth(server, fn, profile, week, baseline, bill);
    if (best.baseline < 0 || bill.totalPico < best.total) best = { baseline, total: bill.totalPico };
  }
  const searched = hybrid.price(week, 'exact');
  return { id: hybrid.id, peak, searched: { baseline: searched.baselineInstances!, usd: formatUsd(searched.total) }, best: { baseline: best.baseline, usd: formatUsd(best.total) } };
}

t.test('warm functions: a narrow dip beside a long plateau is found', async (t) => {
  // Cloud Run functions kept warm (no cold starts tolerated) cost about what Compute Engine servers do for
  // the same capacity: the month's total is flat from ~90 to ~770 servers, with a dip at 30 that a ternary
  // search stepped over ($100,960 for 726 servers against $97,007 for 30).
  const api = {
    traffic: { monthlyRequests: 1_920_509_457, pattern: 'diurnal', peakRps: 15_955.6 },
    execution: { averageDurationMs: 406, memoryMb: 2048 },
    latency: { coldStartTolerance: 'none' },
  };
  const { id, peak, searched, best } = searchedAndBest(api, 'gcp');
  t.equal(id, 'gcp/compute-engine+cloud-run-functions/hybrid');
  t.ok(peak > 1000, `${peak} baselines to choose from`);
  t.same(searched, best);
  t.equal(best.baseline, 30);
  // A later month of the same shape searches around the first month's best, scaled: the dip moves with it.
  const grown = searchedAndBest(api, 'gcp', 1.37);
  t.same(grown.searched, grown.best, `×1.37: ${grown.best.baseline} servers`);
});

t.test('warm instances that run 100 executions each: steps every few servers, the lowest one found', async (t) => {
  // Azure Functions Premium bills whole EP1 instances; each step down in instances is a saw-tooth in the total.
  const spiky = {
    traffic: { monthlyRequests: 3_942_287_612, pattern: 'spiky', peakRps: 40_946.6 },
    execution: { averageDurationMs: 9, memoryMb: 128 },
    latency: { coldStartTolerance: 'none' },
  };
  const premium = searchedAndBest(spiky, 'azure', 1, 'functions-premium');
  t.equal(premium.id, 'azure/virtual-machines+functions-premium/hybrid');
  t.same(premium.searched, premium.best);
  // Flex Consumption's always-ready instances, the cheaper warm capacity, bill their active time on top.
  const flex = searchedAndBest(spiky, 'azure');
  t.equal(flex.id, 'azure/virtual-machines+functions-flex/hybrid');
  t.same(flex.searched, flex.best);
});

t.test('functions on demand: the cost falls then rises, and the ternary search alone finds its bottom', async (t) => {
  const { searched, best, peak } = searchedAndBest({ traffic: { monthlyRequests: 2e9, pattern: 'diurnal', peakRps: 3000 }, execution: { averageDurationMs: 60, memoryMb: 512 } }, 'aws');
  t.ok(peak > 12, `${peak} baselines: more than are priced one by one`);
  t.same(searched, best);
});
