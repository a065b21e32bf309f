// Markdown for pull-request comments and GitHub step summaries: the verdict, its reasons, the costs and,
// for `check`, every failed check with its expected and actual value.
import { Decimal } from 'decimal.js';
import type { Evaluation } from '../core/evaluation/schema.js';
import type { FieldIssue } from '../core/issue-path.js';
import type { FileReport } from './checks.js';
import { isGenuineOption } from '../core/evaluation/cheapest.js';
import { describeNoBreakEven } from '../render/break-even-text.js';
import { describeProvenance } from '../render/provenance-text.js';
import { describeTippingPoint } from '../render/tipping-text.js';
import { compactCount } from '../core/significant.js';

const money = (value: string) => `$${new Decimal(value).toFixed(2)}`;
/** Pipes would break a table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

function optionRows(evaluation: Evaluation, limit: number): string[] {
  // A hybrid whose best baseline is zero servers repeats its functions' row: left out.
  const feasible = evaluation.options.filter(isGenuineOption).sort((a, b) => new Decimal(a.monthlyUsd!).comparedTo(b.monthlyUsd!));
  const rows = feasible.slice(0, limit).map((o) => `| ${o.id === evaluation.recommendation.optionId ? '**' + o.id + '**' : o.id} | ${o.architecture} | ${money(o.monthlyUsd!)} | ${money(o.horizonUsd!)} |`);
  if (feasible.length > limit) rows.push(`| … ${feasible.length - limit} more | | | |`);
  return rows;
}

export function formatEvaluationMarkdown(evaluation: Evaluation, name: string, horizonMonths: number): string {
  const r = evaluation.recommendation;
  const lines = [
    `### ${cell(name)}: **${r.architecture}** on ${r.provider} \`${r.service}\` (confidence ${r.confidence.toFixed(2)})`,
    '',
    r.summary,
    '',
    `Scores: serverless ${evaluation.scores.serverless}, traditional ${evaluation.scores.traditional}, hybrid ${evaluation.scores.hybrid}.`,
    '',
    '| Rule | Effect | Because |',
    '|---|---|---|',
    ...evaluation.firedRules.map((f) => `| \`${f.id}\` | ${f.effect} | ${cell(f.because)} |`),
    '',
    `| Option | Architecture | Month 1 | ${horizonMonths} months |`,
    '|---|---|---:|---:|',
    ...optionRows(evaluation, 8),
    '',
    evaluation.breakEven
      ? `Break-even: traditional becomes cheaper above **${compactCount(evaluation.breakEven.monthlyRequests)} requests/month** (\`${evaluation.breakEven.serverlessOption}\` vs \`${evaluation.breakEven.traditionalOption}\`).`
      : `Break-even: ${describeNoBreakEven(evaluation)}.`,
  ];
  if (evaluation.tippingPoints.length > 0) lines.push('', 'Tipping points:', ...evaluation.tippingPoints.map((tip) => `- ${describeTippingPoint(tip)}`));
  for (const warning of evaluation.warnings) lines.push('', `> ⚠️ ${warning}`);
  lines.push('', `<sub>${describeProvenance(evaluation)}</sub>`);
  return `${lines.join('\n')}\n`;
}

export interface BadInput {
  file: string;
  issues: FieldIssue[];
}

/** A file's issues in one line, "path: message; …". */
export function issuesLine(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

export function formatCheckMarkdown(reports: readonly FileReport[], bad: readonly BadInput[]): string {
  const failed = reports.flatMap((report) => report.checks.filter((c) => !c.ok).map((c) => ({ report, c })));
  const title =
    bad.length > 0
      ? `❌ archcalc check: ${bad.length} profile${bad.length === 1 ? '' : 's'} could not be read`
      : failed.length > 0
        ? `❌ archcalc check: ${failed.length} check${failed.length === 1 ? '' : 's'} failed`
        : `✅ archcalc check: all checks hold`;
  const lines = [`## ${title}`, ''];
  if (reports.length > 0) {
    lines.push('| Profile | Verdict | Option | Month 1 | Horizon | Checks |', '|---|---|---|---:|---:|---|');
    for (const { file, name, evaluation, checks } of reports) {
      const option = evaluation.options.find((o) => o.id === evaluation.recommendation.optionId)!;
      const status = checks.length === 0 ? 'none' : checks.map((c) => `${c.ok ? '✅' : '❌'} ${c.check}`).join(', ');
      lines.push(`| ${cell(name)} (\`${file}\`) | ${evaluation.recommendation.architecture} | \`${option.id}\` | ${money(option.monthlyUsd!)} | ${money(option.horizonUsd!)} | ${status} |`);
    }
    lines.push('');
  }
  if (failed.length > 0) {
    lines.push('### Failed checks', '');
    for (const { report, c } of failed) lines.push(`- \`${report.file}\` **${c.check}**: expected ${c.expected}, actual ${c.actual}${c.cause ? ` — ${c.cause}` : ''}`);
    lines.push('');
  }
  const drifted = reports.flatMap((report) => report.checks.filter((c) => c.ok && c.cause).map((c) => ({ report, c })));
  if (drifted.length > 0) {
    lines.push('### Moved, still within the baseline verdict', '');
    for (const { report, c } of drifted) lines.push(`- \`${report.file}\`: was ${c.expected}, now ${c.actual} — ${c.cause}`);
    lines.push('');
  }
  if (bad.length > 0) {
    lines.push('### Could not be read', '');
    // One issue on the file's line; several (a workload nothing can run has one per option), one to a line under it.
    for (const b of bad)
      if (b.issues.length === 1) lines.push(`- \`${b.file}\`: ${cell(issuesLine(b.issues))}`);
      else lines.push(`- \`${b.file}\`:`, ...b.issues.map((i) => `  - ${cell(`${i.path}: ${i.message}`)}`));
    lines.push('');
  }
  return lines.join('\n');
}
