// One judgement of a profile: every option priced, the facts, the rules run and the verdict — what an
// evaluation writes out; and the verdict alone, as the recommendation's tipping-point search asks it at each
// of its probes.
import { prepareOptions, type PreparedOptions } from './costs/options.js';
import { briefCostReport, costReport, type CostReport } from './costs/report.js';
import type { PricingFile } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import type { RulesetOutcome } from './rules/compile.js';
import { computeFacts, FACT_INDEX, type FactValue } from './rules/facts.js';
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
  /** From a brief cost report (see briefCostReport), its horizon scanned: the same facts, less to write out. */
  brief = false,
): Judgement {
  let report: CostReport;
  if (brief) {
    const made = briefCostReport(files, profile, options);
    report = made.report;
    report.cheapestOptionChange = made.changeInHorizon();
  } else report = costReport(files, profile, options);
  const facts = computeFacts({ profile, week: trafficWeek(profile.traffic), files, report });
  const outcome = ruleset.compiled.run(facts);
  return { report, facts, outcome, verdict: decide(outcome, report) };
}

const CHANGE_FACT = FACT_INDEX.get('cheapestOptionChangesInHorizon')!;

/**
 * The architecture a judgement recommends ('none' when nothing can run the workload), for a search that asks
 * dozens of times. From a brief cost report; the horizon is scanned for a change of the cheapest option only
 * when that fact could move the verdict: the rules, microseconds to run, are run with it false and true first,
 * and where both give the same architecture that is the answer whatever the scan would find.
 */
export function recommendedArchitecture(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  ruleset: LoadedRuleset,
  options: PreparedOptions = prepareOptions(files, profile, profile.minInstances),
): ArchitectureName | 'none' {
  const { report, changeInHorizon } = briefCostReport(files, profile, options);
  const facts = computeFacts({ profile, week: trafficWeek(profile.traffic), files, report });
  const recommended = (changes: boolean) => {
    facts[CHANGE_FACT] = changes;
    return decide(ruleset.compiled.run(facts), report)?.architecture ?? 'none';
  };
  const unchanged = recommended(false);
  const changed = recommended(true);
  if (unchanged === changed) return unchanged;
  return changeInHorizon() !== null ? changed : unchanged;
}
