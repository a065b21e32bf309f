// Why an evaluation has no break-even, in words, from its facts: a side missing, as the summary says it
// (missingSide), else that the search from 1k to 1T requests a month found no crossing (the summary says
// which side stayed cheaper). The page words it the same way.
import type { Evaluation } from '../core/evaluation/schema.js';
import { missingSide } from '../core/verdict.js';

export function describeNoBreakEven(evaluation: Pick<Evaluation, 'facts'>): string {
  const missing = missingSide((name) => evaluation.facts[name]);
  return missing ? `none — ${missing}` : 'none between 1k and 1T requests/month';
}
