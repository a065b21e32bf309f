// The fact catalogue: every fact documented, and the edge values facts take when a profile or a set of
// pricing tables leaves them nothing to measure.
import t from 'tap';
import { FACTS, computeFacts, type FactContext } from '../../src/core/rules/facts.js';
import { trafficWeek } from '../../src/core/traffic/week.js';
import { profile } from '../costs/examples.js';
import type { OptionOut } from '../../src/core/evaluation/schema.js';

const fact = (ctx: FactContext, name: string) => computeFacts(ctx)[FACTS.findIndex((f) => f.name === name)];

function option(architecture: string, monthlyUsd: string, details: Record<string, number> = {}): OptionOut {
  return { id: architecture, architecture: architecture as OptionOut['architecture'], provider: 'aws', service: 's', serviceName: 'S', variant: 'v', pricingEffectiveDate: '2024-01-01', monthlyUsd, horizonUsd: monthlyUsd, lineItems: [], projection: [], details, feasible: true };
}

function context(options: OptionOut[], overrides: Record<string, unknown> = {}): FactContext {
  const p = profile({ averageDurationMs: 100 }, { traffic: { monthlyRequests: 0 }, ...overrides });
  return { profile: p, week: trafficWeek(p.traffic), files: [], report: { options, breakEven: null, cheapestOptionChange: null, warnings: [] } };
}

t.test('every fact has a unique name, a type and a meaning', async (t) => {
  t.equal(new Set(FACTS.map((f) => f.name)).size, FACTS.length);
  for (const f of FACTS) {
    t.match(f.description, /^[A-Z0-9]/, `${f.name} describes itself`);
    if (f.type === 'number') t.ok(f.unit, `${f.name} has a unit`);
  }
});

t.test('no traffic, no pricing tables, no options: facts that cannot be measured are null or neutral', async (t) => {
  const ctx = context([]);
  t.equal(fact(ctx, 'peakToAverageRatio'), 1, 'no traffic is flat traffic');
  t.equal(fact(ctx, 'smallestColdStartMs'), null);
  t.equal(fact(ctx, 'maxDurationExceedsEveryFunctionLimit'), false, 'no function platforms, nothing exceeded');
  t.equal(fact(ctx, 'cheapestServerlessUsd'), null);
  t.equal(fact(ctx, 'serverlessToTraditionalCostRatio'), null);
  t.equal(fact(ctx, 'hybridSavingsPercent'), null);
  t.equal(fact(ctx, 'hybridBaselineSharePercent'), null);
  t.equal(fact(ctx, 'cheapestArchitecture'), 'none');
  t.equal(fact(ctx, 'volumeToBreakEvenRatio'), null);
  t.equal(fact(ctx, 'trafficPattern'), 'steady');
  t.equal(fact(ctx, 'p99TargetMs'), null);
  t.equal(fact(ctx, 'latencyHeadroomMs'), null);
});

t.test('hybrid savings against free options, and against the better pure option', async (t) => {
  t.equal(fact(context([option('serverless', '0'), option('hybrid', '0', { baselineInstances: 1, baselineSharePercent: 80 })]), 'hybridSavingsPercent'), 0);
  const ctx = context([option('serverless', '100'), option('traditional', '80'), option('hybrid', '60', { baselineInstances: 2, baselineSharePercent: 70 })]);
  t.equal(fact(ctx, 'hybridSavingsPercent'), 25);
  t.equal(fact(ctx, 'hybridBaselineSharePercent'), 70);
  t.equal(fact(ctx, 'serverlessToTraditionalCostRatio'), 1.25);
  t.equal(fact(ctx, 'cheapestArchitecture'), 'hybrid');
  t.equal(fact(context([option('hybrid', '5', { baselineInstances: 0 })]), 'feasibleHybridOptions'), 0, 'a hybrid of zero servers does not count');
  t.equal(fact(context([option('hybrid', '5', { baselineInstances: 0 })]), 'pricedHybridOptions'), 1, 'but was priced');
  const unable = { ...option('serverless', ''), feasible: false, infeasibleBecause: 'too long' };
  t.same([fact(context([unable]), 'offeredServerlessOptions'), fact(context([unable]), 'feasibleServerlessOptions')], [1, 0], 'offered, not feasible');
  t.equal(fact(context([unable]), 'offeredTraditionalOptions'), 0);
  t.equal(fact(context([option('traditional', '0')]), 'serverlessToTraditionalCostRatio'), null, 'no serverless option, no ratio');
});

t.test('the cheapest option is found on the exact amounts, even where two differ beyond what a float holds', async (t) => {
  // 0.1 and 0.10000000000000000001 are the same double: only the decimals tell them apart.
  const [dearer, cheaper] = [option('traditional', '0.10000000000000000001'), option('serverless', '0.1')];
  t.equal(fact(context([dearer, cheaper]), 'cheapestArchitecture'), 'serverless');
  t.equal(fact(context([cheaper, dearer]), 'cheapestArchitecture'), 'serverless');
  // Exactly equal: the option listed first stays the cheapest.
  t.equal(fact(context([option('traditional', '5.5'), option('serverless', '5.50')]), 'cheapestArchitecture'), 'traditional');
  t.equal(fact(context([option('traditional', '7.25'), option('serverless', '7.25')]), 'cheapestArchitecture'), 'traditional', 'the same text: equal without decimals');
  t.equal(fact(context([option('serverless', '9'), option('traditional', '12.25')]), 'cheapestArchitecture'), 'serverless', 'floats apart decide alone');
});

t.test("a pattern's shape facts are the same at every volume, whatever the rounding of its rates", async (t) => {
  // Diurnal peaks at 1.5× its average by construction; unrounded, the ratio read 1.5000000000000002 at some
  // volumes (47,612,916 requests a month) and 1.5 at others, and flat-traffic (≤ 1.5) fired and did not.
  for (const monthlyRequests of [47_000_000, 47_612_868, 47_612_916, 1e9 / 3]) {
    const ctx = context([], { traffic: { monthlyRequests, pattern: 'diurnal' } });
    t.equal(fact(ctx, 'peakToAverageRatio'), 1.5, `${monthlyRequests} a month`);
  }
  // An hour at exactly a fifth of the average is idle at every volume: 24 weights of 0.2 and 1 averaging 1.
  const weights = [0.2, ...Array(22).fill(1), 1.8];
  for (const monthlyRequests of [1, 47_612_916, 1e9 / 3, 7e12 / 7]) {
    const ctx = context([], { traffic: { monthlyRequests, hourlyWeights: weights } });
    t.equal(fact(ctx, 'idleShareOfWeek'), 7 / 168, `${monthlyRequests} a month`);
  }
});
