// One judgement of a profile: every option priced, the facts, the rules run and the verdict — what an
// evaluation writes out; and the verdict alone, as the recommendation's tipping-point search asks it at each
// of its probes.
import { prepareOptions, type PreparedOptions } from './costs/options.js';
import { briefCostReport, costReport, type CostReport } from './costs/report.js';
import type { PricingFile } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import type { RulesetOutcome } from './rules/compile.js';
import { computeFacts, FACT_INDEX, FACTS, type FactValue } from './rules/facts.js';
import { representativeValues } from './rules/representatives.js';
import type { LoadedRuleset } from './rules/load.js';
import type { ArchitectureName } from './rules/schema.js';
import { trafficWeek } from './traffic/week.js';
import { decide, type Verdict } from './verdict.js';

export interface Judgement {
  report: CostReport;
  facts: FactValue[];
  outcome: RulesetOutcome;
  /** Undefined when no architecture is left with a feasible option. */
  verdict: Verdict | undefined;
}

export function judge(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  ruleset: LoadedRuleset,
  /** Options prepared for this profile (or for one that differs only in its volume): see PreparedOptions. */
  options: PreparedOptions = prepareOptions(files, profile, profile.minInstances),
): Judgement {
  const report = costReport(files, profile, options);
  const facts = computeFacts({ profile, week: trafficWeek(profile.traffic), files, report });
  const outcome = ruleset.compiled.run(facts);
  return { report, facts, outcome, verdict: decide(outcome, report) };
}

const CHANGE_FACT = FACT_INDEX.get('cheapestOptionChangesInHorizon')!;
const GROWTH_FACT = FACT_INDEX.get('growthPercentPerMonth')!;
/** The facts that read the break-even. */
const BREAK_EVEN_FACTS = ['breakEvenMonthlyRequests', 'volumeToBreakEvenRatio'].map((name) => FACT_INDEX.get(name)!);

/** Per ruleset: values of each break-even fact that meet every way its rules judge it (see representativeValues). */
const breakEvenValues = new WeakMap<LoadedRuleset, Array<FactValue[] | undefined>>();

function breakEvenValuesOf(ruleset: LoadedRuleset): Array<FactValue[] | undefined> {
  let values = breakEvenValues.get(ruleset);
  if (!values) breakEvenValues.set(ruleset, (values = BREAK_EVEN_FACTS.map((i) => representativeValues(ruleset.ruleset, FACTS[i]!.name))));
  return values;
}

/**
 * The architecture a judgement recommends ('none' when nothing can run the workload), for a search that asks
 * dozens of times. From a brief cost report, whose two costly parts are done only when the verdict depends on
 * them: the rules, microseconds to run, are run first at values of the facts those parts decide that meet
 * every way the rules judge them (the break-even's at representative values, the horizon's change false and
 * true), and where every run gives one architecture that is the answer, whatever the parts would find.
 */
export function recommendedArchitecture(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  ruleset: LoadedRuleset,
  options: PreparedOptions = prepareOptions(files, profile, profile.minInstances),
): ArchitectureName | 'none' {
  const brief = briefCostReport(files, profile, options);
  const context = { profile, week: trafficWeek(profile.traffic), files, report: brief.report };
  // Only the facts some rule reads: a verdict depends on no other.
  const facts = computeFacts(context, ruleset.compiled.factsRead);
  const recommended = () => decide(ruleset.compiled.score(facts), brief.report)?.architecture ?? 'none';
  const [requestsValues, ratioValues] = breakEvenValuesOf(ruleset);
  if (requestsValues && ratioValues) {
    const answers = new Set<string>();
    search: for (const requests of requestsValues)
      for (const ratio of ratioValues)
        for (const changes of [false, true]) {
          [facts[BREAK_EVEN_FACTS[0]!], facts[BREAK_EVEN_FACTS[1]!], facts[CHANGE_FACT]] = [requests, ratio, changes];
          answers.add(recommended());
          if (answers.size > 1) break search;
        }
    if (answers.size === 1) return [...answers][0] as ArchitectureName | 'none';
  }
  brief.report.breakEven = brief.breakEven();
  for (const i of BREAK_EVEN_FACTS) facts[i] = FACTS[i]!.compute(context);
  facts[CHANGE_FACT] = false;
  const unchanged = recommended();
  facts[CHANGE_FACT] = true;
  const changed = recommended();
  if (unchanged === changed) return unchanged;
  return brief.changeInHorizon() !== null ? changed : unchanged;
}

/**
 * Whether the growth rate can move a judgement's verdict: growth reaches the facts only through whether the
 * cheapest option changes within the horizon (the first month's traffic and costs are the same at any rate),
 * and through its own fact for a ruleset that reads it. Two runs of the rules with the change fact each way.
 */
export function verdictTurnsOnGrowth(ruleset: LoadedRuleset, { facts, report }: Pick<Judgement, 'facts' | 'report'>): boolean {
  if (ruleset.compiled.factsRead.has(GROWTH_FACT)) return true;
  const changed = facts.slice();
  const [unchanged, flipped] = [false, true].map((changes) => {
    changed[CHANGE_FACT] = changes;
    return decide(ruleset.compiled.score(changed), report)?.architecture;
  });
  return unchanged !== flipped;
}
