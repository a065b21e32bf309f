// The overflow a hybrid's baseline leaves to its functions: each hour's requests above what the baseline
// serves, in the hour's burst and in the rest of it, as a share of the month and, for functions sized or
// billed hour by hour (warm capacity, per-active-instance billing), as their instance-seconds.
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_WEEK, sortedShape, type SortedShape, type TrafficWeek } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { activeInstanceSeconds, executionsPerInstance, warmInstanceSeconds, warmSecondsBusiestFirst, weekActiveInstanceSeconds } from './function-usage.js';
import type { FunctionPlan } from './serverless.js';

/** An hour's burst for a peak of `burstFactor` × the hour's average: its share of the hour, and what the rest of the hour keeps of the average. */
interface HourBurst {
  burstShare: number;
  /** The base rate is average × keep ÷ rest (written so, each hour gives the same bits as alone). */
  keep: number;
  rest: number;
}

function hourBurst(burstFactor: number): HourBurst {
  const burstShare = Math.min(ASSUMPTIONS.burstMinutesPerHour / 60, 1 / burstFactor);
  // burstShare is at most burstMinutesPerHour / 60 < 1, so `rest` is never 0.
  return { burstShare, keep: 1 - burstShare * burstFactor, rest: 1 - burstShare };
}

function baseRate(averageRps: number, burst: HourBurst): number {
  return Math.max(0, (averageRps * burst.keep) / burst.rest);
}

/** The overflow of an hour averaging `average`: what the baseline cannot take in its burst and in the rest of it. Never falls as `average` rises. */
function overflowRate(average: number, burstFactor: number, burst: HourBurst, baselineRps: number): number {
  const peakOverflow = Math.max(0, average * burstFactor - baselineRps);
  return burst.burstShare * peakOverflow + (1 - burst.burstShare) * Math.max(0, baseRate(average, burst) - baselineRps);
}

/**
 * Warm instance-seconds a month for the overflow above a baseline serving `baselineRps`, counted as
 * warmInstanceSeconds counts a week's: each hour's overflow (its burst's and the rest of the hour's) is that
 * hour's rate of warm work, at a peak of the overflow's own burst (its busiest peak ÷ its busiest hour). The
 * overflow week is never built: an hour's overflow never falls as its load rises, so its hours are taken
 * busiest first from the shape's sorted rates, and its busiest hour is the week's busiest.
 */
export function overflowWarmSeconds(week: TrafficWeek, baselineRps: number, fn: FunctionPlan, execution: WorkloadProfile['execution']): number {
  if (baselineRps <= 0) return warmInstanceSeconds(week, execution, fn.shape);
  const sorted = sortedShape(week.shape);
  const { scale, burstFactor } = week;
  const burst = hourBurst(burstFactor);
  const overflowOf = (rate: number) => overflowRate(rate * scale, burstFactor, burst, baselineRps);
  const busiest = overflowOf(sorted.rates[0]!);
  const busiestPeak = Math.max(0, sorted.rates[0]! * scale * burstFactor - baselineRps);
  const perInstance = executionsPerInstance(execution, fn.shape);
  return warmSecondsBusiestFirst(sorted, overflowOf, busiest > 0 ? busiestPeak / busiest : 1, execution, perInstance);
}

/** Active instance-seconds a month of a function billed per active instance, taking the overflow above a baseline serving `baselineRps` (see activeInstanceSeconds). */
export function overflowActiveSeconds(week: TrafficWeek, baselineRps: number, fn: FunctionPlan): number {
  // No baseline: the functions' own week, to the last bit, as the function option bills it.
  if (baselineRps <= 0) return weekActiveInstanceSeconds(week, fn.execution, fn.shape, fn.eventsPerInvocation);
  const { scale, burstFactor } = week;
  const burst = hourBurst(burstFactor);
  const batch = fn.eventsPerInvocation;
  const overflowOf = (rate: number) => overflowRate(rate * scale, burstFactor, burst, baselineRps) / batch;
  return activeInstanceSeconds(sortedShape(week.shape), overflowOf, fn.execution, fn.shape, executionsPerInstance(fn.execution, fn.shape));
}

/**
 * How an hour's requests arrive when its peak is `burstFactor` × its average: at the peak rate for a short
 * burst (ASSUMPTIONS.burstMinutesPerHour, or less when the burst alone would exceed the hour's volume), and
 * at a lower base rate for the rest of the hour. Returns the burst's share of the hour and the base rate.
 */
export function intraHourShape(averageRps: number, burstFactor: number): { burstShare: number; baseRps: number } {
  const burst = hourBurst(burstFactor);
  return { burstShare: burst.burstShare, baseRps: baseRate(averageRps, burst) };
}

/** Σ over the week's hours of max(0, factor × hour's rate − limitRps). */
function excessOver(sorted: SortedShape, factor: number, limitRps: number): number {
  // Hours above the limit come first: find how many by bisection (none when factor is 0).
  const threshold = limitRps / factor;
  let lo = 0;
  let hi = HOURS_PER_WEEK;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted.rates[mid]! > threshold) lo = mid + 1;
    else hi = mid;
  }
  return factor * sorted.sums[lo]! - limitRps * lo;
}

/**
 * The share of the week's requests above a baseline serving `baselineRps`: the part of each hour's burst and
 * of the rest of the hour that the baseline cannot take. Every hour has the same burst shape, so both parts
 * are sums over the sorted hours: Σ of each hour's overflow (overflowRate) ÷ the week's rate.
 */
export function overflowShare(week: TrafficWeek, baselineRps: number): number {
  if (baselineRps <= 0) return 1;
  const sorted = sortedShape(week.shape);
  const total = sorted.sums[HOURS_PER_WEEK]! * week.scale;
  // Each hour's base rate is its average × baseFactor (intraHourShape is linear in the average).
  const { burstShare, baseRps: baseFactor } = intraHourShape(1, week.burstFactor);
  const overflow =
    burstShare * excessOver(sorted, week.burstFactor * week.scale, baselineRps) + (1 - burstShare) * excessOver(sorted, baseFactor * week.scale, baselineRps);
  // A week without traffic has no overflow either: 0 ÷ the smallest double is 0, never 0 ÷ 0.
  return overflow / Math.max(total, Number.MIN_VALUE);
}
