// Tipping points on the committed tables: the cost tipping point by volume agrees with the break-even (same
// cost functions, same search), each flip is real on both sides, inputs that flip nothing are left out, and the
// recommendation's own tipping points are where a full evaluation's verdict changes.
import fc from 'fast-check';
import t from 'tap';
import { evaluate } from '../src/core/evaluate.js';
import { bisectFlip } from '../src/core/costs/break-even.js';
import { selectPricing } from '../src/core/pricing/catalog.js';
import { toSignificant } from '../src/core/significant.js';
import { describeTippingPoint } from '../src/render/tipping-text.js';
import { WorkloadProfile } from '../src/core/profile/schema.js';
import { compileLoaded } from '../src/core/rules/load.js';
import { Ruleset } from '../src/core/rules/schema.js';
import { committedCatalog, defaultRuleset } from './helpers.js';

type Tip = ReturnType<typeof run>['tippingPoints'][number];
const costTip = (tips: readonly Tip[], input: string) => tips.find((p) => p.kind === 'cost' && p.input === input);

function run(input: Record<string, unknown>) {
  const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25', tippingPoints: true });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.evaluation;
}

const plain = { traffic: { monthlyRequests: 10_000_000 }, execution: { averageDurationMs: 100, memoryMb: 512 }, providers: ['aws'] };

t.test('plain 100 ms / 512 MB API on AWS: the volume tipping point agrees with the break-even within 1%', async (t) => {
  const evaluation = run(plain);
  const volume = costTip(evaluation.tippingPoints, 'monthlyRequests')!;
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
  const growth = costTip(evaluation.tippingPoints, 'growthPercentPerMonth')!;
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

t.test('a bisection probes only values it can show, and stops where none lies between the two', async (t) => {
  const probed: number[] = [];
  const above = (v: number) => (probed.push(v), v >= 1.0015);
  // Finer than 4 digits can tell: without the stop, 1.001 and 1.002 would be bisected for ever.
  const found = bisectFlip(1, 1.002, above, (flipped) => flipped, true, { tolerance: 1e-6, shown: (v) => toSignificant(v, 4) });
  t.same(found, { value: 1.002, inside: 1.001, at: true });
  t.same(probed, [1.001], 'one probe: the next midpoint, 1.0015, shows as 1.002');
});

t.test('off unless asked for', async (t) => {
  const result = evaluate(WorkloadProfile.parse(plain), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
  t.same(result.ok && result.evaluation.tippingPoints, []);
});

t.test('memory is searched to the MB: the flip sits on the first size past AWS Lambda\'s memory limit', async (t) => {
  const evaluation = run(plain);
  const memory = costTip(evaluation.tippingPoints, 'memoryMb')!;
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
  const duration = costTip(run(nightly).tippingPoints, 'averageDurationMs')!;
  t.match(duration, { currentValue: 240_000, flipsAt: 900_000, from: 'serverless', to: 'traditional' });
  const feasible = (averageDurationMs: number) =>
    run({ ...nightly, execution: { ...nightly.execution, averageDurationMs } }).options.find((o) => o.id === 'aws/lambda-arm/on-demand')!.feasible;
  t.equal(feasible(900_000), true, 'a run of exactly the limit still fits');
  t.equal(feasible(900_001), false, 'a millisecond more does not');
  // Where no limit explains the flip, the bisection's value stands (0.1%), as for the plain API's volume.
  t.notOk(run(plain).tippingPoints.some((p) => p.input === 'averageDurationMs' && p.flipsAt === 900_000));
  // The recommendation flips there too: nothing else can run a 15-minute-plus job as a function.
  t.match(run(nightly).tippingPoints.find((p) => p.kind === 'recommendation' && p.input === 'averageDurationMs'), { flipsAt: 900_000, from: 'serverless', to: 'traditional' });
});

t.test("the recommendation's tipping points: where a full evaluation's verdict changes", async (t) => {
  const recommended = (input: Record<string, unknown>) => {
    const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
    return result.ok ? result.evaluation.recommendation.architecture : 'none';
  };
  const tips = run(plain).tippingPoints.filter((p) => p.kind === 'recommendation');
  t.same(
    tips.map((p) => p.input),
    ['monthlyRequests', 'memoryMb'],
    'volume and memory move the verdict within their ranges; duration and the steady peak do not',
  );
  const volume = tips[0]!;
  t.match(volume, { from: 'serverless', to: 'traditional' });
  // The rules turn to servers well before the costs cross: past-break-even is not what moves them here.
  t.ok(volume.flipsAt < run(plain).breakEven!.monthlyRequests / 2, `${volume.flipsAt} against the break-even`);
  // Bisected to 1%: the flip itself, and 1% below it still the current verdict.
  t.equal(recommended({ ...plain, traffic: { monthlyRequests: volume.flipsAt } }), 'traditional');
  t.equal(recommended({ ...plain, traffic: { monthlyRequests: Math.round(volume.flipsAt * 0.99) } }), 'serverless');
  // Memory too, in whole MB; a flip on a platform's limit would be put on the first MB past it.
  const memory = tips[1]!;
  t.match(memory, { from: 'serverless', to: 'hybrid' });
  t.equal(recommended({ ...plain, execution: { ...plain.execution, memoryMb: memory.flipsAt } }), 'hybrid');
  t.equal(recommended({ ...plain, execution: { ...plain.execution, memoryMb: Math.round(memory.flipsAt * 0.99) } }), 'serverless');
  const queue = run({ ...plain, trigger: 'queue' }).tippingPoints.find((p) => p.kind === 'recommendation' && p.input === 'memoryMb');
  t.match(queue, { flipsAt: 10_241, from: 'serverless', to: 'traditional' }, "a queue consumer's verdict turns at AWS Lambda's 10,240 MB limit, to the MB");
});

t.test("a recommendation flip next to a rule's threshold is put on it", async (t) => {
  const recommended = (input: Record<string, unknown>) => {
    const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
    return result.ok ? result.evaluation.recommendation.architecture : 'none';
  };
  // A steady 521 requests a second: high steady volume (at least 200 a second, peak at most twice the average).
  const busy = { traffic: { monthlyRequests: 1_370_000_000, pattern: 'steady' }, execution: { averageDurationMs: 120, memoryMb: 2048 }, team: { opsCapacity: 'none' }, providers: ['aws'] };
  const tips = run(busy).tippingPoints.filter((tip) => tip.kind === 'recommendation');
  t.equal(recommended(busy), 'traditional');
  // 200 requests a second are 525.6M a month (× 2,628,000 s): the bisection alone stopped at 524.3M, a grid point.
  t.match(tips.find((tip) => tip.input === 'monthlyRequests'), { flipsAt: 525_599_999, to: 'serverless' });
  t.equal(recommended({ ...busy, traffic: { ...busy.traffic, monthlyRequests: 525_599_999 } }), 'serverless');
  t.equal(recommended({ ...busy, traffic: { ...busy.traffic, monthlyRequests: 525_600_000 } }), 'traditional');
  // The peak's rules turn at exactly twice the average: 2 is still steady, a hair above is not.
  t.match(tips.find((tip) => tip.input === 'peakToAverageRatio'), { flipsAt: 2, to: 'serverless' });
  const withPeak = (ratio: number) => ({ ...busy, traffic: { ...busy.traffic, peakRps: (ratio * busy.traffic.monthlyRequests) / 2_628_000 } });
  t.equal(recommended(withPeak(2)), 'traditional');
  t.equal(recommended(withPeak(2.000001)), 'serverless');
  // A threshold on the current value itself: a diurnal week's peak is 1.5× its average, where flat-traffic
  // stops firing. The flip is shown a unit of the sixth digit past it, so that it still says which way.
  const diurnal = { traffic: { monthlyRequests: 137_000_000, pattern: 'diurnal' }, execution: { averageDurationMs: 700, memoryMb: 512 }, team: { opsCapacity: 'dedicated' }, providers: ['aws'] };
  const edge = run(diurnal).tippingPoints.find((tip) => tip.kind === 'recommendation' && tip.input === 'peakToAverageRatio')!;
  t.match(edge, { currentValue: 1.5, flipsAt: 1.50001, from: 'traditional', to: 'serverless' });
  t.equal(describeTippingPoint(edge), 'recommendation flips to serverless above 1.5× peak-to-average (now 1.5)');
  const diurnalPeak = (ratio: number) => ({ ...diurnal, traffic: { ...diurnal.traffic, peakRps: (ratio * 137_000_000) / 2_628_000 } });
  t.equal(recommended(diurnalPeak(1.5)), 'traditional');
  t.equal(recommended(diurnalPeak(1.50001)), 'serverless');
  // And below: a peak of 5× is spiky (at least 5×); a hair less is not.
  const spiky = { traffic: { averageRps: 5, peakRps: 25 }, execution: { averageDurationMs: 30, memoryMb: 256 }, latency: { coldStartTolerance: 'none' }, providers: ['aws'] };
  const below = run(spiky).tippingPoints.find((tip) => tip.kind === 'recommendation' && tip.input === 'peakToAverageRatio')!;
  t.match(below, { currentValue: 5, flipsAt: 4.99999, from: 'serverless', to: 'traditional' });
  t.equal(describeTippingPoint(below), 'recommendation flips to traditional below 5× peak-to-average (now 5)');
  t.equal(recommended({ ...spiky, traffic: { averageRps: 5, peakRps: 5 * 4.99999 } }), 'traditional');
});

t.test('growth moves the recommendation through whether the cheapest option changes within the horizon', async (t) => {
  const recommended = (input: Record<string, unknown>, ruleset = defaultRuleset()) => {
    const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset, today: '2026-11-25' });
    return result.ok ? result.evaluation.recommendation.architecture : 'none';
  };
  // A hybrid by one point: growing 2% a month, the cheapest option changes in month 24, and that adds it.
  const growing = {
    traffic: { monthlyRequests: 30_000_000, pattern: 'business-hours', growthPercentPerMonth: 2 },
    execution: { averageDurationMs: 20, memoryMb: 512 },
    latency: { coldStartTolerance: 'occasional' },
    horizonMonths: 36,
    providers: ['aws', 'digitalocean', 'cloudflare'],
  };
  const evaluation = run(growing);
  t.match(evaluation.cheapestOptionChange, { month: 24 });
  t.ok(evaluation.firedRules.some((rule) => rule.id === 'growth-crosses-break-even'));
  const growth = evaluation.tippingPoints.find((tip) => tip.kind === 'recommendation' && tip.input === 'growthPercentPerMonth')!;
  // Searched on the last month's volume ÷ the first's (×4 steps), shown as a rate of 4 digits that was probed.
  t.match(growth, { currentValue: 2, flipsAt: 1.291, from: 'hybrid', to: 'serverless' });
  t.equal(describeTippingPoint(growth), 'recommendation flips to serverless below 1.29% growth a month (now 2)');
  const withGrowth = (growthPercentPerMonth: number) => ({ ...growing, traffic: { ...growing.traffic, growthPercentPerMonth } });
  t.equal(recommended(withGrowth(1.291)), 'serverless');
  t.equal(recommended(withGrowth(1.4)), 'hybrid');
  // Where the verdict is the same with the change and without, growth is not searched: the plain API.
  t.notOk(run({ ...plain, horizonMonths: 36, traffic: { monthlyRequests: 10_000_000, growthPercentPerMonth: 5 } }).tippingPoints.some((tip) => tip.kind === 'recommendation' && tip.input === 'growthPercentPerMonth'));
  // A ruleset that reads the rate itself: the flip is put on its threshold (a hair past it, as shown in 4 digits).
  const base = defaultRuleset().ruleset;
  const fastGrowth = { id: 'fast-growth', when: { fact: 'growthPercentPerMonth', op: 'gte', value: 5 }, effect: { score: { traditional: 20 } }, because: 'Plan servers for fast growth.' };
  const reading = compileLoaded('test', Ruleset.parse({ ...base, rules: [...base.rules, fastGrowth] }));
  const result = evaluate(WorkloadProfile.parse({ ...plain, horizonMonths: 36 }), { catalog: committedCatalog(), ruleset: reading, today: '2026-11-25', tippingPoints: true });
  const onThreshold = result.ok && result.evaluation.tippingPoints.find((tip) => tip.kind === 'recommendation' && tip.input === 'growthPercentPerMonth');
  t.match(onThreshold, { currentValue: 0, flipsAt: 5.001, to: 'traditional' });
  t.equal(recommended({ ...plain, horizonMonths: 36, traffic: { monthlyRequests: 10_000_000, growthPercentPerMonth: 4.999 } }, reading), 'serverless');
  t.equal(recommended({ ...plain, horizonMonths: 36, traffic: { monthlyRequests: 10_000_000, growthPercentPerMonth: 5 } }, reading), 'traditional');
  // A threshold on the current rate, 0: any growth at all flips it, shown as the smallest step past 0.
  const anyGrowth = { ...fastGrowth, id: 'any-growth', when: { fact: 'growthPercentPerMonth', op: 'gt', value: 0 } };
  const atZero = compileLoaded('test', Ruleset.parse({ ...base, rules: [...base.rules, anyGrowth] }));
  const flat = evaluate(WorkloadProfile.parse({ ...plain, horizonMonths: 36 }), { catalog: committedCatalog(), ruleset: atZero, today: '2026-11-25', tippingPoints: true });
  const past = flat.ok && flat.evaluation.tippingPoints.find((tip) => tip.kind === 'recommendation' && tip.input === 'growthPercentPerMonth');
  t.match(past, { currentValue: 0, flipsAt: 0.0001, from: 'serverless', to: 'traditional' });
});

t.test('a hybrid verdict: the cost comparison can flip where the recommendation does not', async (t) => {
  const bursty = { traffic: { averageRps: 100, peakRps: 1000 }, execution: { averageDurationMs: 60, cpuMsPerRequest: 25, memoryMb: 512 }, providers: ['aws'] };
  const evaluation = run(bursty);
  t.equal(evaluation.recommendation.architecture, 'hybrid');
  const duration = costTip(evaluation.tippingPoints, 'averageDurationMs')!;
  t.match(duration, { from: 'serverless', to: 'traditional' });
  t.notOk(
    evaluation.tippingPoints.some((p) => p.kind === 'recommendation' && p.input === 'averageDurationMs'),
    'no duration from 1 ms to 6 s moves the hybrid verdict',
  );
  const shorter = run({ ...bursty, execution: { ...bursty.execution, averageDurationMs: duration.flipsAt * 0.9 } });
  t.equal(shorter.recommendation.architecture, 'hybrid', `still hybrid at ${duration.flipsAt * 0.9} ms`);
  for (const tip of evaluation.tippingPoints.filter((p) => p.kind === 'recommendation')) t.equal(tip.from, 'hybrid');
  const volume = evaluation.tippingPoints.find((p) => p.kind === 'recommendation' && p.input === 'monthlyRequests')!;
  t.match(volume, { to: 'serverless' });
  t.ok(volume.flipsAt < volume.currentValue, 'less traffic, no baseline worth keeping');
});

t.test('at each tipping point, a full evaluation gives the answer it names', async (t) => {
  // Found by checking random profiles: a flip bisected and then rounded to 4 digits can name a value where the
  // verdict has not changed (toward the current value: "17.77×" for a flip at 17.774), or has changed back
  // (away from it, where costs step). The searches now probe only values of 4 digits, and show one they probed.
  const recommended = (input: Record<string, unknown>) => {
    const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
    return result.ok ? result.evaluation.recommendation.architecture : 'none';
  };
  // The case that showed it: a bursty API whose hybrid verdict turns to serverless between 17.77× and 17.78×.
  const bursty = {
    traffic: { monthlyRequests: 1_316_279_654, peakRps: 5152.29 },
    execution: { averageDurationMs: 23, memoryMb: 512 },
    latency: { coldStartTolerance: 'none' },
    team: { opsCapacity: 'none' },
    providers: ['aws', 'digitalocean', 'cloudflare'],
  };
  const peak = run(bursty).tippingPoints.find((tip) => tip.kind === 'recommendation' && tip.input === 'peakToAverageRatio')!;
  // Bisected to 1%: the flip lies between the last probe still hybrid and this one.
  t.match(peak, { flipsAt: 17.87, from: 'hybrid', to: 'serverless' });
  const withPeak = (ratio: number) => ({ ...bursty, traffic: { ...bursty.traffic, peakRps: (ratio * bursty.traffic.monthlyRequests) / 2_628_000 } });
  t.equal(recommended(withPeak(17.87)), 'serverless');
  t.equal(recommended(withPeak(17.78)), 'serverless');
  t.equal(recommended(withPeak(17.77)), 'hybrid', 'where the flip used to be shown');
  // Where costs step, the verdict can turn back past a flip for a window narrower than the rounding: this
  // business-hours API is traditional from 1215.05 to 1215.4 ms only (the cost ratio crosses 1.1 and back),
  // serverless again down to 1210.5 ms. A bisection that probed 1215.247 and rounded it showed 1215, where
  // nothing had flipped; probing whole milliseconds, it finds the lasting flip.
  const narrow = {
    traffic: { monthlyRequests: 1_370_000_000, pattern: 'business-hours' },
    execution: { averageDurationMs: 4000, memoryMb: 512 },
    latency: { coldStartTolerance: 'occasional' },
    team: { opsCapacity: 'dedicated' },
    providers: ['aws', 'digitalocean', 'cloudflare'],
  };
  const withDuration = (averageDurationMs: number) => ({ ...narrow, execution: { ...narrow.execution, averageDurationMs } });
  const duration = run(narrow).tippingPoints.find((tip) => tip.kind === 'recommendation' && tip.input === 'averageDurationMs')!;
  t.match(duration, { flipsAt: 1208, from: 'serverless', to: 'traditional' });
  t.equal(recommended(withDuration(1208)), 'traditional');
  t.equal(recommended(withDuration(1215)), 'serverless', 'what rounding showed');
  // The cost kind's answer: the cheaper of the best feasible serverless and traditional options, month 1.
  const cheaperSide = (input: Record<string, unknown>) => {
    const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
    if (!result.ok) return 'none';
    const best = (a: string) => Math.min(...result.evaluation.options.filter((o) => o.feasible && o.architecture === a).map((o) => Number(o.monthlyUsd)));
    return best('traditional') < best('serverless') ? 'traditional' : 'serverless';
  };
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        monthlyRequests: fc.integer({ min: 3, max: 10 }).map((e) => 10 ** e * 1.37),
        pattern: fc.constantFrom('steady', 'diurnal', 'business-hours', 'spiky', 'batch'),
        averageDurationMs: fc.constantFrom(5, 40, 120, 700, 4000),
        memoryMb: fc.constantFrom(128, 512, 2048),
        coldStartTolerance: fc.constantFrom('none', 'occasional', 'any'),
        opsCapacity: fc.constantFrom('none', 'part-time', 'dedicated'),
        providers: fc.constantFrom(['aws'], ['gcp', 'azure'], ['aws', 'digitalocean', 'cloudflare']),
      }),
      async (p) => {
        const input = {
          traffic: { monthlyRequests: p.monthlyRequests, pattern: p.pattern },
          execution: { averageDurationMs: p.averageDurationMs, memoryMb: p.memoryMb },
          latency: { coldStartTolerance: p.coldStartTolerance },
          team: { opsCapacity: p.opsCapacity },
          providers: p.providers,
        };
        // The cost kind's growth is derived from its volume tipping point, not searched: the volume's is checked.
        for (const tip of run(input).tippingPoints.filter((tip) => tip.kind === 'recommendation' || tip.input !== 'growthPercentPerMonth')) {
          // "above 30000 ms" on a platform's limit: a hair past it. Whole inputs are already past.
          const past = (tip.flipsAt > tip.currentValue ? 1 : -1) * Math.abs(tip.flipsAt) * 1e-9;
          const at = tip.input === 'memoryMb' || tip.input === 'monthlyRequests' ? tip.flipsAt : tip.flipsAt + past;
          const moved =
            tip.input === 'monthlyRequests' ? { ...input, traffic: { ...input.traffic, monthlyRequests: at } }
            : tip.input === 'growthPercentPerMonth' ? { ...input, traffic: { ...input.traffic, growthPercentPerMonth: at } }
            : tip.input === 'averageDurationMs' ? { ...input, execution: { ...input.execution, averageDurationMs: at } }
            : tip.input === 'memoryMb' ? { ...input, execution: { ...input.execution, memoryMb: at } }
            : { ...input, traffic: { ...input.traffic, peakRps: (at * p.monthlyRequests) / 2_628_000 } };
          checked++;
          const answer = tip.kind === 'recommendation' ? recommended(moved) : cheaperSide(moved);
          if (answer !== tip.to) throw new Error(`${JSON.stringify(input)}: ${tip.kind} ${tip.input} at ${at} is ${answer}, not ${tip.to}`);
        }
      },
    ),
    { numRuns: 25, seed: 20261127 },
  );
  t.ok(checked >= 25, `${checked} tipping points checked`);
});
