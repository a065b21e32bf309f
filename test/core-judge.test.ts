// A brief judgement (what each recommendation tipping-point probe rests on: no line items, projections or
// warnings) must see exactly what a full one sees: the same facts, so the same rules fire and the same verdict
// follows; and the probe's verdict, which scans the horizon only when it must, is the full one's. Checked
// over random profiles, with growth so that later months are re-priced.
import fc from 'fast-check';
import t from 'tap';
import { briefCostReport } from '../src/core/costs/report.js';
import { judge, recommendedArchitecture } from '../src/core/judge.js';
import { computeFacts } from '../src/core/rules/facts.js';
import { trafficWeek } from '../src/core/traffic/week.js';
import { decide } from '../src/core/verdict.js';
import { selectPricing } from '../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../src/core/profile/schema.js';
import { compileLoaded } from '../src/core/rules/load.js';
import { committedCatalog, defaultRuleset } from './helpers.js';

const catalog = committedCatalog();

const ruleset = defaultRuleset();

/** A judgement from a brief cost report, its break-even and horizon worked out: what a probe could need. */
function briefJudgement(files: ReturnType<typeof selectPricing>, profile: WorkloadProfile) {
  const made = briefCostReport(files, profile);
  const report = made.report;
  report.breakEven = made.breakEven();
  report.cheapestOptionChange = made.changeInHorizon();
  const facts = computeFacts({ profile, week: trafficWeek(profile.traffic), files, report });
  const outcome = ruleset.compiled.run(facts);
  return { report, facts, outcome, verdict: decide(outcome, report) };
}

const profileArb = fc.record({
  trigger: fc.constantFrom('http', 'queue', 'schedule'),
  traffic: fc.record({
    monthlyRequests: fc.integer({ min: 0, max: 2_000_000_000 }),
    pattern: fc.constantFrom('steady', 'diurnal', 'business-hours', 'spiky', 'batch'),
    growthPercentPerMonth: fc.constantFrom(0, 5, 25, -10),
  }),
  execution: fc.record({
    averageDurationMs: fc.integer({ min: 1, max: 20_000 }),
    memoryMb: fc.constantFrom(128, 512, 2048, 12_288),
    cpuMsPerRequest: fc.integer({ min: 0, max: 200 }),
  }),
  latency: fc.record({ coldStartTolerance: fc.constantFrom('none', 'occasional', 'any') }),
  applyFreeTier: fc.boolean(),
  horizonMonths: fc.constantFrom(1, 12, 36),
  pricingDate: fc.constantFrom('2023-09-01', '2026-11-25'),
});

t.test('a brief judgement has the full one\'s facts, fired rules and verdict', async (t) => {
  let judged = 0;
  fc.assert(
    fc.property(profileArb, (input) => {
      const profile = WorkloadProfile.parse(input);
      const files = selectPricing(catalog, profile.pricingDate!);
      const full = judge(files, profile, ruleset);
      const brief = briefJudgement(files, profile);
      t.same(brief.facts, full.facts);
      t.same(brief.outcome.fired.map((rule) => rule.id), full.outcome.fired.map((rule) => rule.id));
      t.equal(brief.verdict?.architecture, full.verdict?.architecture);
      t.equal(brief.verdict?.option.id, full.verdict?.option.id);
      // The probe's own way: the horizon scanned only when its answer could move the verdict.
      t.equal(recommendedArchitecture(files, profile, ruleset), full.verdict?.architecture ?? 'none');
      // What it leaves out, it leaves out entirely.
      t.ok(brief.report.options.every((option) => option.lineItems.length === 0 && option.projection.length === 0 && option.horizonUsd === null));
      t.same(brief.report.warnings, []);
      judged++;
    }),
    { numRuns: 40, seed: 20261127 },
  );
  t.equal(judged, 40);
});

t.test('a ruleset that reads the break-even in a way values cannot stand for: the probe computes it', async (t) => {
  const base = defaultRuleset().ruleset;
  const comparing = compileLoaded('comparing.yaml', {
    ...base,
    name: 'comparing',
    rules: [
      ...base.rules,
      {
        id: 'past-break-even-by-peak',
        when: { fact: 'volumeToBreakEvenRatio', op: 'gt', otherFact: 'peakToAverageRatio' },
        effect: { score: { traditional: 3 } },
        because: 'Past the break-even by more than the traffic swings.',
      },
    ],
  });
  for (const monthlyRequests of [1_000_000, 300_000_000, 3_000_000_000]) {
    const profile = WorkloadProfile.parse({ traffic: { monthlyRequests, growthPercentPerMonth: 5 }, execution: { averageDurationMs: 100, memoryMb: 512 }, providers: ['aws'] });
    const files = selectPricing(catalog, '2026-11-25', ['aws']);
    t.equal(recommendedArchitecture(files, profile, comparing), judge(files, profile, comparing).verdict!.architecture, `${monthlyRequests} requests a month`);
  }
});

t.test("a ruleset that turns on the horizon's change: the probe scans the horizon, with and without a change", async (t) => {
  const base = defaultRuleset().ruleset;
  const score = (architecture: string) => ({ score: { [architecture]: 20 } });
  const turning = compileLoaded('turning.yaml', {
    ...base,
    name: 'turning',
    rules: [
      ...base.rules,
      { id: 'changes', when: { fact: 'cheapestOptionChangesInHorizon', op: 'eq', value: true }, effect: score('traditional'), because: 'The cheapest option changes within the horizon.' },
      { id: 'holds', when: { fact: 'cheapestOptionChangesInHorizon', op: 'eq', value: false }, effect: score('serverless'), because: 'The cheapest option holds over the horizon.' },
    ],
  });
  const files = selectPricing(catalog, '2026-11-25', ['aws']);
  const verdicts: string[] = [];
  for (const growthPercentPerMonth of [0, 40]) {
    const profile = WorkloadProfile.parse({ traffic: { monthlyRequests: 1_000_000, growthPercentPerMonth }, execution: { averageDurationMs: 100, memoryMb: 512 }, providers: ['aws'], horizonMonths: 36 });
    const full = judge(files, profile, turning);
    t.equal(full.report.cheapestOptionChange !== null, growthPercentPerMonth > 0, `growth ${growthPercentPerMonth}%: a change ${growthPercentPerMonth > 0 ? 'within' : 'nowhere in'} the horizon`);
    const probe = recommendedArchitecture(files, profile, turning);
    t.equal(probe, full.verdict!.architecture, `growth ${growthPercentPerMonth}%`);
    verdicts.push(probe);
  }
  t.same(verdicts, ['serverless', 'traditional'], 'the change decides, either way');
});
