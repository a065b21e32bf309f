// `archcalc check`: holds each evaluation to its profile's `expect` block and to a saved baseline, and says
// for a changed verdict whether the profile, the pricing tables or the ruleset changed (SPEC §7, §10).
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { PriceChange } from '../core/compare.js';
import type { Evaluation } from '../core/evaluation/schema.js';
import type { WorkloadProfile } from '../core/profile/schema.js';

/** What a baseline remembers of one profile's evaluation. */
export const BaselineEntry = z.object({
  architecture: z.string(),
  optionId: z.string(),
  monthlyUsd: z.string(),
  profileHash: z.string(),
  pricing: z.array(z.object({ provider: z.string(), effectiveDate: z.string() })),
  ruleset: z.string(),
  rulesetVersion: z.string(),
});
export type BaselineEntry = z.infer<typeof BaselineEntry>;

export const BaselineFile = z.strictObject({
  archcalcBaseline: z.literal(1),
  profiles: z.record(z.string(), BaselineEntry).describe('Keyed by the profile file path as given on the command line'),
});
export type BaselineFile = z.infer<typeof BaselineFile>;

export interface CheckOutcome {
  check: 'architecture' | 'maxMonthlyUsd' | 'maxHorizonUsd' | 'baseline';
  expected: string;
  actual: string;
  ok: boolean;
  /** For a baseline change: what moved. */
  cause?: string;
}

export interface FileReport {
  file: string;
  name: string;
  evaluation: Evaluation;
  checks: CheckOutcome[];
}

export function baselineEntry(evaluation: Evaluation): BaselineEntry {
  const option = evaluation.options.find((o) => o.id === evaluation.recommendation.optionId)!;
  const { provenance } = evaluation;
  return {
    architecture: evaluation.recommendation.architecture,
    optionId: option.id,
    monthlyUsd: option.monthlyUsd!,
    profileHash: provenance.profileHash,
    pricing: provenance.pricing,
    ruleset: provenance.ruleset,
    rulesetVersion: provenance.rulesetVersion,
  };
}

const money = (v: Decimal.Value) => `$${new Decimal(v).toFixed(2)}`;

/** The prices and billing rules that differ between two tables of a provider (core/compare's priceChanges). */
export type TableChanges = (provider: string, fromTable: string, toTable: string) => readonly PriceChange[];

/** At most this many moved items are named per table; the rest are counted. */
const NAMED_CHANGES = 3;

function changeText(c: PriceChange): string {
  const what = `${c.service} ${c.item}`;
  return c.change === 'changed' ? `${what} ${c.from} → ${c.to}` : c.change === 'added' ? `${what} added (${c.to})` : `${what} removed`;
}

/**
 * Why a verdict moved: the profile, the pricing tables or the ruleset — so a pull request is not blamed for a
 * price change. With `tableChanges`, a table that moved also names what moved in it.
 */
export function driftCause(before: BaselineEntry, now: BaselineEntry, tableChanges?: TableChanges): string {
  const causes: string[] = [];
  if (before.profileHash !== now.profileHash) causes.push('the profile changed');
  const was = new Map(before.pricing.map((p) => [p.provider, p.effectiveDate]));
  const moved = now.pricing
    .filter((p) => was.get(p.provider) !== p.effectiveDate)
    .map((p) => {
      const from = was.get(p.provider);
      const changes = from !== undefined && tableChanges ? tableChanges(p.provider, from, p.effectiveDate) : [];
      const named = changes.slice(0, NAMED_CHANGES).map(changeText);
      if (changes.length > NAMED_CHANGES) named.push(`${changes.length - NAMED_CHANGES} more`);
      return `${p.provider} ${from ?? '(none)'} → ${p.effectiveDate}${named.length > 0 ? `: ${named.join(', ')}` : ''}`;
    });
  const dropped = before.pricing.filter((p) => !now.pricing.some((n) => n.provider === p.provider)).map((p) => `${p.provider} no longer considered`);
  if (moved.length + dropped.length > 0) causes.push(`the pricing tables changed (${[...moved, ...dropped].join(', ')})`);
  if (before.ruleset !== now.ruleset || before.rulesetVersion !== now.rulesetVersion)
    causes.push(`the ruleset changed (${before.ruleset} ${before.rulesetVersion} → ${now.ruleset} ${now.rulesetVersion})`);
  return causes.length > 0 ? causes.join('; ') : 'nothing recorded changed (the engine itself did)';
}

export function runChecks(profile: WorkloadProfile, evaluation: Evaluation, baseline: BaselineEntry | undefined, tableChanges?: TableChanges): CheckOutcome[] {
  const option = evaluation.options.find((o) => o.id === evaluation.recommendation.optionId)!;
  const outcomes: CheckOutcome[] = [];
  const expect = profile.expect;
  if (expect?.architecture !== undefined)
    outcomes.push({ check: 'architecture', expected: expect.architecture, actual: evaluation.recommendation.architecture, ok: expect.architecture === evaluation.recommendation.architecture });
  if (expect?.maxMonthlyUsd !== undefined)
    outcomes.push({
      check: 'maxMonthlyUsd',
      expected: `≤ ${money(expect.maxMonthlyUsd)}`,
      actual: `${money(option.monthlyUsd!)} (${option.id})`,
      ok: new Decimal(option.monthlyUsd!).lte(expect.maxMonthlyUsd),
    });
  if (expect?.maxHorizonUsd !== undefined)
    outcomes.push({
      check: 'maxHorizonUsd',
      expected: `≤ ${money(expect.maxHorizonUsd)} over ${profile.horizonMonths} months`,
      actual: `${money(option.horizonUsd!)} (${option.id})`,
      ok: new Decimal(option.horizonUsd!).lte(expect.maxHorizonUsd),
    });
  if (baseline) {
    const now = baselineEntry(evaluation);
    const ok = now.architecture === baseline.architecture;
    outcomes.push({
      check: 'baseline',
      expected: `${baseline.architecture} (${baseline.optionId}, ${money(baseline.monthlyUsd)})`,
      actual: `${now.architecture} (${now.optionId}, ${money(now.monthlyUsd)})`,
      ok,
      ...(ok && now.optionId === baseline.optionId && now.monthlyUsd === baseline.monthlyUsd ? {} : { cause: driftCause(baseline, now, tableChanges) }),
    });
  }
  return outcomes;
}
