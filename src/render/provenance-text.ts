// Which tables and rules an evaluation used, in one line a reader can check against pricing/ and rules/:
// "Prices: aws 2025-08-01, gcp 2025-03-06 (as of 2026-11-27); ruleset default 2026.11.6; engine 0.1.0".
import type { Evaluation } from '../core/evaluation/schema.js';

export function describeProvenance({ provenance: p }: Evaluation): string {
  const tables = p.pricing.map((table) => `${table.provider} ${table.effectiveDate}`).join(', ');
  return `Prices: ${tables} (as of ${p.pricingDate}); ruleset ${p.ruleset} ${p.rulesetVersion}; engine ${p.engineVersion}`;
}
