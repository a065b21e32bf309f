// A plain-text report of an evaluation for a terminal.
import { Decimal } from 'decimal.js';
import type { Evaluation } from '../core/evaluation/schema.js';
import { isGenuineOption } from '../core/evaluation/cheapest.js';
import { compactCount } from '../core/significant.js';
import { describeNoBreakEven } from '../render/break-even-text.js';
import { describeProvenance } from '../render/provenance-text.js';
import { describeTippingPoint } from '../render/tipping-text.js';

const money = (value: string) => `$${new Decimal(value).toFixed(2)}`;

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
}

export function formatTable(evaluation: Evaluation, profileName: string, horizonMonths: number): string {
  const { recommendation: r } = evaluation;
  const lines = [
    `archcalc: ${profileName} (prices as of ${evaluation.provenance.pricingDate})`,
    `Recommendation: ${r.architecture} — ${r.provider} ${r.service} (confidence ${r.confidence.toFixed(2)})`,
    `  ${r.summary}`,
    '',
  ];
  const header = ['Option', 'Architecture', 'Month 1', `${horizonMonths} months`];
  // A hybrid whose best baseline is zero servers repeats its functions' row: left out.
  const feasible = evaluation.options.filter(isGenuineOption).sort((a, b) => new Decimal(a.monthlyUsd!).comparedTo(b.monthlyUsd!));
  const infeasible = evaluation.options.filter((o) => !o.feasible);
  const rows = [
    ...feasible.map((o) => [o.id, o.architecture, money(o.monthlyUsd!), money(o.horizonUsd!)]),
    ...infeasible.map((o) => [o.id, o.architecture, 'infeasible', '']),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  lines.push(pad(header, widths), pad(widths.map((w) => '-'.repeat(w)), widths), ...rows.map((row) => pad(row, widths)));
  if (infeasible.length > 0) lines.push('', 'Infeasible:', ...infeasible.map((o) => `  ${o.id}: ${o.infeasibleBecause}`));
  const be = evaluation.breakEven;
  lines.push(
    '',
    be
      ? `Break-even: ${compactCount(be.monthlyRequests)} requests/month (${be.serverlessOption} vs ${be.traditionalOption})`
      : `Break-even: ${describeNoBreakEven(evaluation)}`,
  );
  for (const tip of evaluation.tippingPoints) lines.push(`Tipping point: ${describeTippingPoint(tip)}`);
  const change = evaluation.cheapestOptionChange;
  if (change) lines.push(`Cheapest option changes in month ${change.month}: ${change.from} → ${change.to}`);
  for (const warning of evaluation.warnings) lines.push(`Warning: ${warning}`);
  lines.push(describeProvenance(evaluation));
  return `${lines.join('\n')}\n`;
}
