// Why an evaluation has no break-even, in words, from its facts: a side the providers do not sell or that
// cannot run the workload, else that the search from 1k to 1T requests a month found no crossing (the
// summary says which side stayed cheaper). The page words it the same way.
import type { Evaluation } from '../core/evaluation/schema.js';

export function describeNoBreakEven(evaluation: Pick<Evaluation, 'facts'>): string {
  const { facts } = evaluation;
  if (facts.offeredServerlessOptions === 0) return 'none — the considered providers sell no functions';
  if (facts.feasibleServerlessOptions === 0) return 'none — no serverless option can run this workload';
  if (facts.offeredTraditionalOptions === 0) return 'none — the considered providers rent no servers';
  if (facts.feasibleTraditionalOptions === 0) return 'none — no traditional option can run this workload';
  return 'none between 1k and 1T requests/month';
}
