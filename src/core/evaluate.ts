// profile → pricing in force → costs → verdict → evaluation. The one entry point both adapters call.
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { ASSUMPTIONS } from './costs/assumptions.js';
import type { Architecture } from './costs/options.js';
import { costReport, type CostReport } from './costs/report.js';
import type { Evaluation, OptionOut } from './evaluation/schema.js';
import type { FieldIssue } from './issue-path.js';
import { selectPricing, type PricingCatalog } from './pricing/catalog.js';
import { Provider } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import { ENGINE_VERSION } from '../version.js';

/** An evaluation, or — for a profile valid in shape that cannot be evaluated — the fields to change. */
export type EvaluationResult = { ok: true; evaluation: Evaluation } | { ok: false; issues: FieldIssue[] };

export interface EvaluateContext {
  catalog: PricingCatalog;
  /** Today's date (YYYY-MM-DD), the default pricingDate; given by the adapter so the core stays pure. */
  today: string;
}

/** JSON with object keys sorted at every level: the same profile always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const ARCHITECTURES: readonly Architecture[] = ['serverless', 'traditional', 'hybrid'];

/** A hybrid whose best baseline is zero servers is its functions alone: not a hybrid to weigh. */
function isGenuine(option: OptionOut): boolean {
  return option.feasible && !(option.architecture === 'hybrid' && option.details.baselineInstances === 0);
}

function cheapestOf(options: readonly OptionOut[], architecture?: Architecture): OptionOut | undefined {
  let best: OptionOut | undefined;
  for (const option of options) {
    if (!isGenuine(option) || (architecture && option.architecture !== architecture)) continue;
    if (!best || new Decimal(option.monthlyUsd!).lt(best.monthlyUsd!)) best = option;
  }
  return best;
}

function usd(value: string): string {
  return `$${new Decimal(value).toFixed(2)}`;
}

/** The cost verdict: the cheapest feasible option, and how far ahead of the best other architecture it is. */
function costVerdict(report: CostReport) {
  const best = cheapestOf(report.options);
  if (!best) return undefined;
  const perArchitecture = Object.fromEntries(ARCHITECTURES.map((a) => [a, cheapestOf(report.options, a)])) as Record<Architecture, OptionOut | undefined>;
  const runnerUp = ARCHITECTURES.filter((a) => a !== best.architecture)
    .map((a) => perArchitecture[a])
    .filter((o): o is OptionOut => o !== undefined)
    .sort((a, b) => new Decimal(a.monthlyUsd!).comparedTo(b.monthlyUsd!))[0];
  const bestUsd = new Decimal(best.monthlyUsd!);
  // Relative saving against the best other architecture (1 when there is none). A cent is added to both
  // sides so that free options compare without dividing by zero.
  const cent = new Decimal('0.01');
  const margin = runnerUp ? new Decimal(runnerUp.monthlyUsd!).sub(bestUsd).div(cent.add(runnerUp.monthlyUsd!)).toNumber() : 1;
  // Cost score: 100 for the cheapest architecture, proportionally less for dearer ones.
  const scores = Object.fromEntries(
    ARCHITECTURES.map((a) => {
      const own = perArchitecture[a];
      return [a, own ? Math.round(bestUsd.add(cent).div(cent.add(own.monthlyUsd!)).toNumber() * 100) : 0];
    }),
  ) as Record<Architecture, number>;
  return { best, runnerUp, margin, scores };
}

export function evaluate(profile: WorkloadProfile, context: EvaluateContext): EvaluationResult {
  const pricingDate = profile.pricingDate ?? context.today;
  const providers = profile.providers ?? Provider.options;
  const files = selectPricing(context.catalog, pricingDate, providers);
  if (files.length === 0)
    return {
      ok: false,
      issues: [{ path: 'pricingDate', message: `none of the providers (${providers.join(', ')}) had prices in force on ${pricingDate}` }],
    };
  const report = costReport(files, profile);
  const verdict = costVerdict(report);
  if (!verdict)
    return {
      ok: false,
      issues: [{ path: 'execution', message: `no option can run this workload: ${report.options.map((o) => `${o.id}: ${o.infeasibleBecause}`).join('; ')}` }],
    };
  const { best, runnerUp, margin, scores } = verdict;
  const summary =
    `${best.serviceName} (${best.variant}) on ${best.provider} is the cheapest feasible option at ${usd(best.monthlyUsd!)} in the first month` +
    (runnerUp ? `, ${Math.round(margin * 100)}% below the best ${runnerUp.architecture} option (${runnerUp.id}, ${usd(runnerUp.monthlyUsd!)})` : '') +
    `; ${profile.horizonMonths}-month total ${usd(best.horizonUsd!)}.`;
  const evaluation: Evaluation = {
    recommendation: {
      architecture: best.architecture,
      provider: best.provider,
      service: best.service,
      optionId: best.id,
      confidence: Number((0.5 + 0.5 * Math.min(1, Math.max(0, margin))).toFixed(3)),
      summary,
    },
    scores,
    exclusions: [],
    firedRules: [],
    options: report.options,
    breakEven: report.breakEven,
    cheapestOptionChange: report.cheapestOptionChange,
    tippingPoints: [],
    warnings: report.warnings,
    assumptions: { ...ASSUMPTIONS, hoursPerMonth: 730 },
    provenance: {
      pricing: files.map((f) => ({ provider: f.provider, effectiveDate: f.effectiveDate })),
      pricingDate,
      rulesetVersion: 'none',
      engineVersion: ENGINE_VERSION,
      profileHash: createHash('sha256').update(canonicalJson(profile)).digest('hex'),
    },
  };
  return { ok: true, evaluation };
}
