// From fired rules to a recommendation: the highest-scoring architecture that is not excluded and has a
// feasible option, its cheapest option, a confidence from the score margin and a summary from the facts.
import { Decimal } from 'decimal.js';
import type { CostReport } from './costs/report.js';
import type { PureSide } from './costs/options.js';
import type { Evaluation, OptionOut } from './evaluation/schema.js';
import type { RulesetOutcome, RulesetScores } from './rules/compile.js';
import { cheapestOption, compareUsd } from './evaluation/cheapest.js';
import { FACT_INDEX, type FactValue } from './rules/facts.js';
import type { ArchitectureName } from './rules/schema.js';
import { compactCount, plainNumber } from './significant.js';

const ARCHITECTURES: readonly ArchitectureName[] = ['serverless', 'traditional', 'hybrid'];

export interface Verdict {
  architecture: ArchitectureName;
  option: OptionOut;
  confidence: number;
  /** Architectures still in the running, best first, with their scores. */
  ranking: Array<{ architecture: ArchitectureName; score: number }>;
}

/**
 * Confidence from the lead in points over the runner-up: 0.5 at a tie, about 0.82 at 4 points, 0.93 at 8,
 * and 0.99 when no other architecture remains.
 */
export function confidenceFromMargin(margin: number | undefined): number {
  if (margin === undefined) return 0.99;
  return Number(Math.min(0.99, 1 - 0.5 * Math.exp(-margin / 4)).toFixed(3));
}

export function decide(outcome: RulesetScores, report: CostReport): Verdict | undefined {
  const excluded = new Set(outcome.exclusions.map((e) => e.architecture));
  const ranking = ARCHITECTURES.filter((a) => !excluded.has(a) && cheapestOption(report.options, a) !== undefined)
    .map((architecture) => ({ architecture, score: outcome.scores[architecture], option: cheapestOption(report.options, architecture)! }))
    // Highest score first; a tie goes to the cheaper option.
    .sort((a, b) => b.score - a.score || compareUsd(a.option.monthlyUsd!, b.option.monthlyUsd!));
  const [winner, runnerUp] = ranking;
  if (!winner) return undefined;
  return {
    architecture: winner.architecture,
    option: winner.option,
    confidence: confidenceFromMargin(runnerUp ? winner.score - runnerUp.score : undefined),
    ranking: ranking.map(({ architecture, score }) => ({ architecture, score })),
  };
}

const usd = (value: string) => `$${new Decimal(value).toFixed(2)}`;
const fact = (facts: readonly FactValue[], name: string) => facts[FACT_INDEX.get(name)!];

function describeEffect(effect: RulesetOutcome['fired'][number]['effect']): string {
  if ('exclude' in effect) return `excludes ${effect.exclude}`;
  return Object.entries(effect.score)
    .map(([architecture, points]) => `${architecture} ${points! > 0 ? '+' : ''}${points}`)
    .join(', ');
}

/**
 * The one-paragraph summary, written from the verdict, the fired rules and the facts; `sideAtSearchLow` is the
 * cheaper side at the bottom of the break-even's search (see sideAtSearchLow), read where none was found.
 */
export function summarise(
  verdict: Verdict,
  outcome: RulesetOutcome,
  facts: readonly FactValue[],
  report: CostReport,
  horizonMonths: number,
  sideAtSearchLow: () => PureSide,
): string {
  const { option } = verdict;
  const scores = verdict.ranking.map((r) => `${r.architecture} ${r.score}`).join(', ');
  const deciding = outcome.fired
    .map((rule) => ({ rule, points: 'score' in rule.effect ? (rule.effect.score[verdict.architecture] ?? 0) : 0 }))
    .filter(({ points }) => points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 3)
    .map(({ rule }) => `${rule.id} (${describeEffect(rule.effect)})`);
  const sentences = [
    `${verdict.architecture[0]!.toUpperCase()}${verdict.architecture.slice(1)} is recommended: ${option.serviceName} on ${option.provider} (${option.variant}) at ${usd(option.monthlyUsd!)} in the first month and ${usd(option.horizonUsd!)} over ${horizonMonths} months.`,
    `Scores after ${outcome.fired.length} rules: ${scores}${deciding.length > 0 ? `; the strongest reasons: ${deciding.join('; ')}` : ''}.`,
  ];
  for (const exclusion of outcome.exclusions) sentences.push(`${exclusion.architecture[0]!.toUpperCase()}${exclusion.architecture.slice(1)} is excluded: ${exclusion.because}`);
  const peakRatio = fact(facts, 'peakToAverageRatio') as number;
  const idle = fact(facts, 'idleShareOfWeek') as number;
  const monthlyRequests = fact(facts, 'monthlyRequests') as number;
  sentences.push(
    `Traffic: ${compactCount(monthlyRequests)} request${monthlyRequests === 1 ? '' : 's'} a month, ${plainNumber(fact(facts, 'averageRps') as number)} per second on average, peak ${peakRatio.toPrecision(3)}× the average, ${Math.round(idle * 100)}% of the week near idle.`,
  );
  sentences.push(
    report.breakEven
      ? `Traditional becomes cheaper than serverless above ${compactCount(report.breakEven.monthlyRequests)} requests a month.`
      : noBreakEven(facts, sideAtSearchLow),
  );
  return sentences.join(' ');
}

export function firedRulesOut(outcome: RulesetOutcome): Evaluation['firedRules'] {
  return outcome.fired.map((rule) => ({
    id: rule.id,
    effect: describeEffect(rule.effect),
    because: rule.because,
    ...(rule.source ? { source: rule.source } : {}),
    conditions: rule.conditions,
  }));
}

/**
 * Why no break-even can exist where a side is missing: the providers considered do not sell it, or none of
 * its options can run the workload; undefined where both sides have options. The summary and the CLI's and
 * the page's words read it alike (`fact` reads a fact by name).
 */
export function missingSide(fact: (name: string) => unknown): string | undefined {
  if (fact('offeredServerlessOptions') === 0) return 'the considered providers sell no functions';
  if (fact('feasibleServerlessOptions') === 0) return 'no serverless option can run this workload';
  if (fact('offeredTraditionalOptions') === 0) return 'the considered providers rent no servers';
  if (fact('feasibleTraditionalOptions') === 0) return 'no traditional option can run this workload';
  return undefined;
}

/** Why no break-even was found: a side missing (see missingSide), or which side is cheaper throughout. */
function noBreakEven(facts: readonly FactValue[], sideAtSearchLow: () => PureSide): string {
  const missing = missingSide((name) => fact(facts, name));
  if (missing) return `No break-even: ${missing}.`;
  return sideAtSearchLow() === 'traditional'
    ? 'No break-even: traditional is cheaper than serverless already at 1k requests a month.'
    : 'No break-even: serverless stays cheaper than traditional at every volume searched, up to 1T requests a month.';
}
