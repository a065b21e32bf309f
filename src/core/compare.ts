// One profile under two pricing dates or two rulesets: both evaluations and what changed between them —
// the verdict, the cheapest option, each option's cost, and the price items that moved.
import { Decimal } from 'decimal.js';
import { evaluate, type EvaluateContext, type EvaluationResult } from './evaluate.js';
import type { Evaluation } from './evaluation/schema.js';
import { pricingInForce, type PricingCatalog } from './pricing/catalog.js';
import { Provider, type PricingFile, type PriceItem } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import { cheapestOption } from './evaluation/cheapest.js';

export interface PriceChange {
  provider: string;
  service: string;
  item: string;
  change: 'added' | 'removed' | 'changed';
  unit: string;
  from: string | null;
  to: string | null;
  fromTable: string | null;
  toTable: string | null;
}

export interface Comparison {
  baseline: Evaluation;
  candidate: Evaluation;
  changes: {
    verdictChanged: boolean;
    verdict: { from: string; to: string };
    recommendedOption: { from: string; to: string };
    cheapestOption: { from: string; to: string };
    options: Array<{ id: string; baselineMonthlyUsd: string | null; candidateMonthlyUsd: string | null; deltaUsd: string | null }>;
    priceChanges: PriceChange[];
    ruleset: { from: string; to: string } | null;
  };
}

/** A price item's price as one comparable string: its flat price, or its tiers. */
function priceOf(item: PriceItem): string {
  return item.priceUsd ?? item.tiers!.map((t) => `${t.priceUsd} to ${t.upTo ?? '∞'}`).join(', ');
}

/** A billing rule as one comparable line: "coldStartPercent 1", "672" (sources and notes left out). */
function ruleText(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  return Object.entries(value)
    .filter(([key]) => key !== 'source' && key !== 'note')
    .map(([key, v]) => `${key} ${JSON.stringify(v)}`)
    .join(', ');
}

/**
 * Every priced figure of a table, keyed service/item: items and instance types (on demand and committed), the
 * billing rules that change a bill without changing a price (granularity, caps, INIT-phase billing), and the
 * platform limits that decide feasibility.
 */
function figures(file: PricingFile | undefined): Map<string, { service: string; item: string; unit: string; price: string }> {
  const out = new Map<string, { service: string; item: string; unit: string; price: string }>();
  for (const service of file?.services ?? []) {
    for (const item of service.items) out.set(`${service.id}/${item.id}`, { service: service.id, item: item.id, unit: item.unit, price: priceOf(item) });
    for (const type of service.instanceTypes ?? []) {
      out.set(`${service.id}/${type.name}`, { service: service.id, item: type.name, unit: 'instance-hour', price: type.hourlyUsd });
      if (type.committed1yHourlyUsd)
        out.set(`${service.id}/${type.name}/1-year`, { service: service.id, item: `${type.name} (1-year commitment)`, unit: 'instance-hour', price: type.committed1yHourlyUsd });
    }
    for (const [key, value] of Object.entries(service.billing ?? {}))
      if (key !== 'note') out.set(`${service.id}/billing.${key}`, { service: service.id, item: `billing.${key}`, unit: 'billing rule', price: ruleText(value) });
    // Limits decide which options can run at all (how long, how much memory, what can start a function).
    for (const [key, value] of Object.entries(service.limits ?? {}))
      if (key !== 'source') out.set(`${service.id}/limits.${key}`, { service: service.id, item: `limits.${key}`, unit: 'platform limit', price: ruleText(value) });
  }
  return out;
}

/** The price items that differ between the tables in force on two dates, per provider. */
export function priceChanges(catalog: PricingCatalog, providers: readonly Provider[], fromDate: string, toDate: string): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const provider of providers) {
    const a = pricingInForce(catalog, provider, fromDate);
    const b = pricingInForce(catalog, provider, toDate);
    if (a === b) continue;
    const before = figures(a);
    const after = figures(b);
    const tables = { fromTable: a?.effectiveDate ?? null, toTable: b?.effectiveDate ?? null };
    for (const [key, f] of after) {
      const old = before.get(key);
      if (!old) changes.push({ provider, service: f.service, item: f.item, change: 'added', unit: f.unit, from: null, to: f.price, ...tables });
      else if (old.price !== f.price) changes.push({ provider, service: f.service, item: f.item, change: 'changed', unit: f.unit, from: old.price, to: f.price, ...tables });
    }
    for (const [key, f] of before)
      if (!after.has(key)) changes.push({ provider, service: f.service, item: f.item, change: 'removed', unit: f.unit, from: f.price, to: null, ...tables });
  }
  return changes;
}

export interface Side {
  pricingDate?: string;
  ruleset: EvaluateContext['ruleset'];
}

export type ComparisonResult = { ok: true; comparison: Comparison } | { ok: false; side: 'baseline' | 'candidate'; issues: Extract<EvaluationResult, { ok: false }>['issues'] };

export function compare(profile: WorkloadProfile, catalog: PricingCatalog, today: string, baseline: Side, candidate: Side): ComparisonResult {
  const run = (side: Side) => evaluate({ ...profile, pricingDate: side.pricingDate ?? profile.pricingDate }, { catalog, ruleset: side.ruleset, today });
  const a = run(baseline);
  if (!a.ok) return { ok: false, side: 'baseline', issues: a.issues };
  const b = run(candidate);
  if (!b.ok) return { ok: false, side: 'candidate', issues: b.issues };
  const [x, y] = [a.evaluation, b.evaluation];
  const ids = [...new Set([...x.options, ...y.options].map((o) => o.id))];
  const monthly = (e: Evaluation, id: string) => e.options.find((o) => o.id === id)?.monthlyUsd ?? null;
  return {
    ok: true,
    comparison: {
      baseline: x,
      candidate: y,
      changes: {
        verdictChanged: x.recommendation.architecture !== y.recommendation.architecture,
        verdict: { from: x.recommendation.architecture, to: y.recommendation.architecture },
        recommendedOption: { from: x.recommendation.optionId, to: y.recommendation.optionId },
        cheapestOption: { from: cheapestOption(x.options)!.id, to: cheapestOption(y.options)!.id },
        options: ids.map((id) => {
          const from = monthly(x, id);
          const to = monthly(y, id);
          return { id, baselineMonthlyUsd: from, candidateMonthlyUsd: to, deltaUsd: from !== null && to !== null ? new Decimal(to).sub(from).toString() : null };
        }),
        priceChanges: priceChanges(catalog, profile.providers ?? Provider.options, x.provenance.pricingDate, y.provenance.pricingDate),
        ruleset:
          x.provenance.ruleset === y.provenance.ruleset && x.provenance.rulesetVersion === y.provenance.rulesetVersion
            ? null
            : { from: `${x.provenance.ruleset} ${x.provenance.rulesetVersion}`, to: `${y.provenance.ruleset} ${y.provenance.rulesetVersion}` },
      },
    },
  };
}
