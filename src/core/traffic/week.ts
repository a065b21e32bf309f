// The traffic week: 168 hourly request rates (Monday 00:00 first) whose average matches the profile's
// volume. Every cost is computed from this one shape, so hourly capacity planning and monthly bills agree.
import type { WorkloadProfile } from '../profile/schema.js';

export const HOURS_PER_WEEK = 168;
/** SPEC §4: a month is 730 hours. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** How many times each hour of the week recurs in a 730-hour month. */
export const WEEKS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_WEEK;

export type Pattern = 'steady' | 'diurnal' | 'business-hours' | 'spiky' | 'batch';

/** Relative load for hour `hourOfDay` on day `day` (0 = Monday) of each named pattern. Documented, not tuned. */
const PATTERN_WEIGHT: Record<Pattern, (day: number, hourOfDay: number) => number> = {
  steady: () => 1,
  // A smooth day: lowest at 03:00, highest at 15:00, peak 3× the trough.
  diurnal: (_day, hour) => 2 - Math.cos(((hour - 3) / 24) * 2 * Math.PI),
  // Weekdays 09:00–18:00 carry the load; nights and weekends keep a 5% trickle.
  'business-hours': (day, hour) => (day < 5 && hour >= 9 && hour < 18 ? 1 : 0.05),
  // A quiet baseline with two one-hour bursts a day at 20× it (launches, campaigns, cron storms).
  spiky: (_day, hour) => (hour === 12 || hour === 20 ? 20 : 1),
  // Two hours of work a night (01:00–03:00), idle otherwise.
  batch: (_day, hour) => (hour === 1 || hour === 2 ? 1 : 0),
};

/**
 * A week's hourly rates at one volume. Every week of a profile is this shape × a scale (growth, what-if
 * volumes), so what depends only on the shape — sorted demand, load-balancer capacity units — is computed
 * once per shape and scaled.
 */
export interface WeekShape {
  readonly hourlyRps: Float64Array;
  /** The hours busiest first, where the shape's pattern says so ahead (see PATTERN_WEEKS); unset otherwise. */
  readonly busiestFirst: Uint8Array | undefined;
  /** What the cost engine derives from the shape alone, made on first use and kept with it. */
  readonly derived: ShapeDerived;
}

/**
 * Kept with a shape (it lives as long as the weeks made from it), so the loops that read them look nothing
 * up: the fleet's demand curve and its sum (servers.ts, server-choice.ts), the hours sorted with running
 * sums (sortedShape: hybrid.ts, function-usage.ts), load-balancer capacity units at the shape's volume for one request size (support-lines.ts).
 */
export interface ShapeDerived {
  demand: Float64Array | undefined;
  demandSum: number | undefined;
  sorted: { rates: Float64Array; sums: Float64Array; distinct: Float64Array; hoursAtLeast: Uint8Array } | undefined;
  lcu: { kbPerRequest: number; hours: number } | undefined;
}

/** A shape of `hourlyRps`, nothing derived yet. */
export function weekShape(hourlyRps: Float64Array, busiestFirst?: Uint8Array): WeekShape {
  return { hourlyRps, busiestFirst, derived: { demand: undefined, demandSum: undefined, sorted: undefined, lcu: undefined } };
}

/**
 * The shape's hourly rates sorted, highest first, with running sums (sums[n] = rates[0] + … + rates[n − 1]);
 * and its distinct rates, highest first, with how many hours run at each or above (hoursAtLeast[i]): a
 * pattern that repeats daily has at most 24, each held for 7 hours or more.
 */
export type SortedShape = NonNullable<ShapeDerived['sorted']>;
export function sortedShape(shape: WeekShape): SortedShape {
  let sorted = shape.derived.sorted;
  if (!sorted) {
    // An hour's rate only rises with its weight, so hours taken in their weights' order come sorted.
    const order = shape.busiestFirst;
    const rates = order ? new Float64Array(HOURS_PER_WEEK) : Float64Array.from(shape.hourlyRps).sort().reverse();
    if (order) for (let h = 0; h < HOURS_PER_WEEK; h++) rates[h] = shape.hourlyRps[order[h]!]!;
    const sums = new Float64Array(HOURS_PER_WEEK + 1);
    const distinct: number[] = [];
    const hoursAtLeast: number[] = [];
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      sums[h + 1] = sums[h]! + rates[h]!;
      if (rates[h] !== distinct.at(-1)) distinct.push(rates[h]!);
      hoursAtLeast[distinct.length - 1] = h + 1;
    }
    shape.derived.sorted = sorted = { rates, sums, distinct: Float64Array.from(distinct), hoursAtLeast: Uint8Array.from(hoursAtLeast) };
  }
  return sorted;
}

/**
 * A week of traffic: its shape × a scale. Hour h's rate is rpsAt(week, h); the 168 rates of a scaled week are
 * never stored (projections and searches make weeks by the dozen and read their shapes' derived curves instead).
 */
export interface TrafficWeek {
  readonly averageRps: number;
  /** Busiest hour's average rate. */
  readonly busiestHourRps: number;
  /** The instantaneous peak capacity must meet: the profile's peakRps, or the busiest hour's rate. */
  readonly peakRps: number;
  /** peakRps ÷ busiestHourRps (≥ 1): how much faster than its hour's average the load can burst. */
  readonly burstFactor: number;
  readonly monthlyRequests: number;
  /** Each hour's rate is shape.hourlyRps × scale, computed exactly so (searches may read the shape's sorted rates × scale instead). */
  readonly shape: WeekShape;
  readonly scale: number;
}

/** Requests per second in hour `hour` of the week (0 = Monday 00:00); the hours average to averageRps. */
export function rpsAt(week: TrafficWeek, hour: number): number {
  return week.shape.hourlyRps[hour]! * week.scale;
}

/**
 * Each named pattern's 168 weights and its hours busiest first, worked out once: every profile without
 * hourlyWeights reads one.
 */
const PATTERN_WEEKS = Object.fromEntries(
  Object.entries(PATTERN_WEIGHT).map(([pattern, weight]) => {
    const weights = Object.freeze(Array.from({ length: HOURS_PER_WEEK }, (_, h) => weight(Math.floor(h / 24), h % 24)));
    const busiestFirst = Uint8Array.from(weights.keys()).sort((a, b) => weights[b]! - weights[a]!);
    return [pattern, { weights, busiestFirst }];
  }),
) as Record<Pattern, { weights: readonly number[]; busiestFirst: Uint8Array }>;

export function weightsOf(traffic: WorkloadProfile['traffic']): readonly number[] {
  if (traffic.hourlyWeights) {
    const day = traffic.hourlyWeights;
    return Array.from({ length: HOURS_PER_WEEK }, (_, h) => day[h % day.length]!);
  }
  // The schema sets pattern (default steady) whenever hourlyWeights is absent.
  return PATTERN_WEEKS[traffic.pattern!].weights;
}

export function monthlyRequestsOf(traffic: WorkloadProfile['traffic']): number {
  // The schema requires exactly one of the two.
  return traffic.monthlyRequests ?? traffic.averageRps! * SECONDS_PER_MONTH;
}

/** The first month's week of each traffic block, built once and scaled for every other volume. */
const firstWeeks = new WeakMap<WorkloadProfile['traffic'], TrafficWeek>();

function firstWeek(traffic: WorkloadProfile['traffic']): TrafficWeek {
  let week = firstWeeks.get(traffic);
  if (week) return week;
  const weights = weightsOf(traffic);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const monthlyRequests = monthlyRequestsOf(traffic);
  const averageRps = monthlyRequests / SECONDS_PER_MONTH;
  const hourlyRps = new Float64Array(HOURS_PER_WEEK);
  let busiestHourRps = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    // Weights are never all zero (the schema refuses that), so weightSum > 0.
    const rps = (averageRps * HOURS_PER_WEEK * weights[h]!) / weightSum;
    hourlyRps[h] = rps;
    if (rps > busiestHourRps) busiestHourRps = rps;
  }
  const peakRps = Math.max(traffic.peakRps ?? 0, busiestHourRps);
  week = {
    averageRps,
    busiestHourRps,
    peakRps,
    burstFactor: busiestHourRps > 0 ? peakRps / busiestHourRps : 1,
    monthlyRequests,
    shape: weekShape(hourlyRps, traffic.hourlyWeights ? undefined : PATTERN_WEEKS[traffic.pattern!].busiestFirst),
    scale: 1,
  };
  firstWeeks.set(traffic, week);
  return week;
}

/** The profile's traffic in its first month, scaled by `volumeFactor` (growth, or a what-if search). */
export function trafficWeek(traffic: WorkloadProfile['traffic'], volumeFactor = 1): TrafficWeek {
  const first = firstWeek(traffic);
  if (volumeFactor === 1) return first;
  return scaleWeek(first, volumeFactor);
}

/** `week` with every rate and the volume × `factor`: the same shape, so the burst factor is unchanged. */
export function scaleWeek(week: TrafficWeek, factor: number): TrafficWeek {
  return {
    averageRps: week.averageRps * factor,
    busiestHourRps: week.busiestHourRps * factor,
    peakRps: week.peakRps * factor,
    burstFactor: week.burstFactor,
    monthlyRequests: week.monthlyRequests * factor,
    shape: week.shape,
    scale: week.scale * factor,
  };
}

/** Volume factor of month `month` (1-based) under compound growth. */
export function growthFactor(growthPercentPerMonth: number, month: number): number {
  return Math.pow(1 + growthPercentPerMonth / 100, month - 1);
}
