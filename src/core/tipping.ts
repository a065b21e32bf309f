// Tipping points (SPEC §10): for each key input, the nearest value at which the answer changes, found by
// search on the real functions. Two answers are searched: the recommendation itself (every probe prices the
// options, derives the facts and runs the rules, as an evaluation does) and the cheaper of the best
// serverless and the best traditional option — "traditional becomes cheaper above 41.2M requests a month",
// the break-even's comparison, hybrids left out. The inputs moved are in tipping/inputs.ts, one search in
// tipping/search.ts.
import type { PreparedOptions } from './costs/options.js';
import type { Evaluation } from './evaluation/schema.js';
import type { Judgement } from './judge.js';
import type { PricingFile } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import type { LoadedRuleset } from './rules/load.js';
import { inputs, type Answer, type Input } from './tipping/inputs.js';
import { pastCurrent, searchInput, type Search } from './tipping/search.js';
import { trafficWeek } from './traffic/week.js';

/** The cheaper pure side: found to 0.1%, the volume along the break-even's grid, so the two agree. */
const costSearch = (input: Input): Search => ({
  answerAt: input.side!,
  volumeGrid: input.name === 'monthlyRequests',
  step: 2,
  tolerance: 0.001,
  wholeUnits: true,
  limits: input.limits,
});

/**
 * The recommendation: each probe is a whole judgement, dozens of times a cost search's, so the steps are ×4
 * and the bisection stops at 1% (the rules' own thresholds are round figures, not measurements).
 */
const recommendationSearch = (input: Input): Search => ({
  answerAt: input.recommendation,
  volumeGrid: input.name === 'monthlyRequests',
  step: 4,
  tolerance: 0.01,
  wholeUnits: false,
  limits: [...input.limits, ...input.thresholds],
});

export function tippingPoints(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  ruleset: LoadedRuleset,
  /** The profile's options, prepared once by the evaluation and shared with its cost report. */
  trafficOnly: PreparedOptions,
  /** The architecture the evaluation recommends. */
  recommended: Answer,
  /** The evaluation's facts (by FACTS index) and cost report. */
  judgement: Pick<Judgement, 'facts' | 'report'>,
): Evaluation['tippingPoints'] {
  const list = inputs(files, profile, ruleset, trafficOnly, judgement);
  const search = (kind: 'recommendation' | 'cost', now: Answer) =>
    list.flatMap((input) => {
      if (kind === 'cost' && !input.side) return [];
      const found = searchInput(input, kind === 'cost' ? costSearch(input) : recommendationSearch(input), now);
      if (!found) return [];
      const { scale } = input;
      const [currentValue, flipsAt] = scale ? [scale.shownAs(input.current), scale.shownAs(found.flipsAt)] : [Number(input.current.toPrecision(6)), found.flipsAt];
      return [{ kind, input: input.name, currentValue, flipsAt: pastCurrent(flipsAt, currentValue, found.up), from: now, to: found.to }];
    });
  // An evaluation has a feasible option, and a hybrid needs a feasible function: neither answer is 'none' now.
  const costs = search('cost', trafficOnly.cheaperSide(trafficWeek(profile.traffic)));
  return [...search('recommendation', recommended), ...costs, ...growthTip(profile, costs.find((p) => p.input === 'monthlyRequests'))];
}

/**
 * Growth: the monthly rate at which the horizon's last month reaches the volume tipping point. A month's
 * costs depend only on its own volume, so this follows from the volume search without pricing again:
 * volume × (1 + g)^(months − 1) = flip volume.
 */
function growthTip(profile: WorkloadProfile, volumeTip: Evaluation['tippingPoints'][number] | undefined): Evaluation['tippingPoints'] {
  if (!volumeTip || profile.horizonMonths < 2) return [];
  const growth = (Math.pow(volumeTip.flipsAt / volumeTip.currentValue, 1 / (profile.horizonMonths - 1)) - 1) * 100;
  return [{ kind: 'cost', input: 'growthPercentPerMonth', currentValue: profile.traffic.growthPercentPerMonth, flipsAt: Number(growth.toPrecision(4)), from: volumeTip.from, to: volumeTip.to }];
}
