// One judgement of a profile: every option priced, the facts, the rules run and the verdict — what an
// evaluation writes out, and what the recommendation's tipping-point search asks again at each probe.
import { prepareOptions, type PreparedOptions } from './costs/options.js';
import { briefCostReport, costReport, type CostReport } from './costs/report.js';
import type { PricingFile } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import type { RulesetOutcome } from './rules/compile.js';
import { computeFacts, type FactValue } from './rules/facts.js';
import type { LoadedRuleset } from './rules/load.js';
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
  /** A brief cost report (see briefCostReport): enough for the verdict, not for writing the evaluation out. */
  brief = false,
): Judgement {
  const report = brief ? briefCostReport(files, profile, options) : costReport(files, profile, options);
  const facts = computeFacts({ profile, week: trafficWeek(profile.traffic), files, report });
  const outcome = ruleset.compiled.run(facts);
  return { report, facts, outcome, verdict: decide(outcome, report) };
}
