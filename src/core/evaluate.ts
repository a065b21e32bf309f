// profile → pricing in force → traffic week → costs → facts → rules → evaluation. The one entry point
// both adapters call; pure apart from hashing.
import { createHash } from 'node:crypto';
import { ASSUMPTIONS } from './costs/assumptions.js';
import { prepareOptions } from './costs/options.js';
import { sideAtSearchLow } from './costs/break-even.js';
import type { Evaluation } from './evaluation/schema.js';
import type { FieldIssue } from './issue-path.js';
import { providersWithoutPricing, selectPricing, type PricingCatalog } from './pricing/catalog.js';
import { Provider } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import { FACTS } from './rules/facts.js';
import { judge } from './judge.js';
import type { LoadedRuleset } from './rules/load.js';
import { HOURS_PER_MONTH } from './traffic/week.js';
import { tippingPoints } from './tipping.js';
import { firedRulesOut, summarise } from './verdict.js';
import { ENGINE_VERSION } from '../version.js';

/** An evaluation, or — for a profile valid in shape that cannot be evaluated — the fields to change. */
export type EvaluationResult = { ok: true; evaluation: Evaluation } | { ok: false; issues: FieldIssue[] };

export interface EvaluateContext {
  catalog: PricingCatalog;
  ruleset: LoadedRuleset;
  /** Today's date (YYYY-MM-DD), the default pricingDate; given by the adapter so the core stays pure. */
  today: string;
  /** Search the tipping points (several dozen extra pricings of every option); off by default. */
  tippingPoints?: boolean;
}

/** JSON with object keys sorted at every level: the same profile always hashes the same. */
export function canonicalJson(value: unknown): string {
  // Built by concatenation: every evaluation hashes its profile, and arrays of parts cost more than the text.
  if (Array.isArray(value)) {
    let text = '[';
    // A parsed profile's arrays hold numbers and strings only (no holes, nothing undefined).
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${text}]`;
  }
  if (value !== null && typeof value === 'object') {
    let text = '{';
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${text}}`;
  }
  return JSON.stringify(value);
}

/**
 * Hash of the normalised workload: every field that shapes the evaluation except pricingDate (recorded on
 * its own, so a price change is not mistaken for a profile change), expect (which only CI reads) and $schema
 * (which only editors read: moving a profile to another folder changes its path, not the workload).
 */
export function profileHash(profile: WorkloadProfile): string {
  const { pricingDate: _pricingDate, expect: _expect, $schema: _schema, ...workload } = profile;
  return createHash('sha256').update(canonicalJson(workload)).digest('hex');
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
  // One preparation (function shapes, server sizes ranked) serves the projection and every search.
  const options = prepareOptions(files, profile, profile.minInstances);
  const { report, facts, outcome, verdict } = judge(files, profile, context.ruleset, options);
  const missing = providersWithoutPricing(context.catalog, pricingDate, providers);
  // A provider without a table at the date is left out, and the answer says so rather than passing over it.
  if (missing.length > 0)
    report.warnings.unshift(
      `${missing.map((m) => (m.firstTable ? `${m.provider} (tables from ${m.firstTable})` : m.provider)).join(', ')}: no pricing table in force on ${pricingDate}; left out of this evaluation`,
    );
  if (!verdict) {
    // One issue saying why nothing is left, then one per option with what stops it, so each reads on its own line.
    const exclusions = outcome.exclusions.map((e) => `${e.architecture} excluded by ${e.ruleId} (${e.because.replace(/\.$/, '')})`);
    const infeasible = report.options.filter((o) => !o.feasible).map((o) => ({ path: 'execution', message: `${o.id}: ${o.infeasibleBecause}` }));
    return { ok: false, issues: [{ path: 'execution', message: `no option can run this workload: ${exclusions.join('; ')}` }, ...infeasible] };
  }
  const evaluation: Evaluation = {
    recommendation: {
      architecture: verdict.architecture,
      provider: verdict.option.provider,
      service: verdict.option.service,
      optionId: verdict.option.id,
      confidence: verdict.confidence,
      summary: summarise(verdict, outcome, facts, report, profile.horizonMonths, () => sideAtSearchLow(options, profile.traffic)),
    },
    scores: outcome.scores,
    exclusions: outcome.exclusions,
    firedRules: firedRulesOut(outcome),
    options: report.options,
    breakEven: report.breakEven,
    cheapestOptionChange: report.cheapestOptionChange,
    tippingPoints: context.tippingPoints ? tippingPoints(files, profile, context.ruleset, options, verdict.architecture, { facts, report }) : [],
    warnings: report.warnings,
    facts: Object.fromEntries(FACTS.map((f, i) => [f.name, facts[i]])),
    // Object.assign, not spread: here a spread copy got a hidden class of its own in every evaluation.
    assumptions: Object.assign({}, ASSUMPTIONS, { hoursPerMonth: HOURS_PER_MONTH }),
    provenance: {
      pricing: files.map((f) => ({ provider: f.provider, effectiveDate: f.effectiveDate })),
      pricingDate,
      ruleset: context.ruleset.ruleset.name,
      rulesetVersion: context.ruleset.ruleset.version,
      engineVersion: ENGINE_VERSION,
      profileHash: profileHash(profile),
    },
  };
  return { ok: true, evaluation };
}
