// Hybrid: a committed baseline of B servers serves load up to its capacity each hour; the overflow goes
// to functions. B is searched; the cost is piecewise linear in B with kinks where the baseline covers an
// hour exactly, so the candidates are 0, the fixed-at-peak count and the floor/ceil of each hour's need.
import type { Decimal } from 'decimal.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, type TrafficWeek } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { totalOf, type MoneyLine } from './price-item.js';
import { priceFunctionMonth, type FunctionPlan } from './serverless.js';
import { fixedInstanceHours, opsLine } from './servers.js';
import { egressGb, loadBalancerLines, networkLines } from './support-lines.js';
import type { ServerPlan } from './traditional.js';

export interface HybridMonth {
  lines: MoneyLine[];
  total: Decimal;
  baselineInstances: number;
  /** Share of the month's requests the baseline serves (0..1). */
  baselineShare: number;
}

/**
 * How an hour's requests arrive when its peak is `burstFactor` × its average: at the peak rate for a short
 * burst (ASSUMPTIONS.burstMinutesPerHour, or less when the burst alone would exceed the hour's volume), and
 * at a lower base rate for the rest of the hour. Returns the burst's share of the hour and the base rate.
 */
export function intraHourShape(averageRps: number, burstFactor: number): { burstShare: number; baseRps: number } {
  const burstShare = Math.min(ASSUMPTIONS.burstMinutesPerHour / 60, 1 / burstFactor);
  // burstShare is at most burstMinutesPerHour / 60 < 1, so the division is safe.
  const baseRps = Math.max(0, (averageRps * (1 - burstShare * burstFactor)) / (1 - burstShare));
  return { burstShare, baseRps };
}

/**
 * The week's overflow once a baseline serving `baselineRps` takes its share of every hour: requests above
 * the baseline in the hour's burst and in the rest of the hour go to functions.
 */
export function overflowWeek(week: TrafficWeek, baselineRps: number): TrafficWeek {
  if (baselineRps <= 0) return week;
  const hourlyRps = new Float64Array(HOURS_PER_WEEK);
  let busiest = 0;
  let busiestPeak = 0;
  let overflowSum = 0;
  let totalSum = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const average = week.hourlyRps[h]!;
    const { burstShare, baseRps } = intraHourShape(average, week.burstFactor);
    const peakOverflow = Math.max(0, average * week.burstFactor - baselineRps);
    const rps = burstShare * peakOverflow + (1 - burstShare) * Math.max(0, baseRps - baselineRps);
    hourlyRps[h] = rps;
    overflowSum += rps;
    totalSum += average;
    if (rps > busiest) busiest = rps;
    if (peakOverflow > busiestPeak) busiestPeak = peakOverflow;
  }
  const share = totalSum > 0 ? overflowSum / totalSum : 0;
  return {
    hourlyRps,
    averageRps: week.averageRps * share,
    busiestHourRps: busiest,
    peakRps: busiestPeak,
    burstFactor: busiest > 0 ? busiestPeak / busiest : 1,
    monthlyRequests: week.monthlyRequests * share,
  };
}


/**
 * One month of a hybrid with a fixed baseline of `baseline` instances of `server`'s size. Built so that a
 * baseline of 0 bills exactly the pure function option and a baseline covering every hour bills exactly
 * the fixed-at-peak server option: each part keeps its own egress, load balancer and ops rules.
 */
export function priceHybridMonth(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek, baseline: number): HybridMonth {
  const overflow = overflowWeek(week, baseline * server.capacityRps);
  const servedRequests = week.monthlyRequests - overflow.monthlyRequests;
  const committed = server.size.committedHourlyEstimate !== undefined;
  // A commitment is paid for every hour; on-demand servers stop at the provider's monthly cap, if any.
  const hours = fixedInstanceHours(baseline, committed ? undefined : server.service.billing?.monthlyCapHours);
  const lines: MoneyLine[] = [...server.size.lines(hours, committed)];
  const hasOverflow = overflow.monthlyRequests > 0;
  if (hasOverflow) lines.push(...priceFunctionMonth(fn, profile, overflow, overflow.monthlyRequests));
  // A load balancer fronts several servers, or one server beside the functions that take its overflow or,
  // when the profile wants more than one server for availability, its failover.
  const balanced = server.loadBalancer !== undefined && baseline > 0 && (baseline > 1 || hasOverflow || profile.minInstances > 1);
  if (balanced) lines.push(...loadBalancerLines(server.loadBalancer!, week, profile, profile.applyFreeTier));
  if (server.network && baseline > 0) {
    const lbIps = balanced ? (server.loadBalancer!.billing?.publicIpAddresses ?? 0) * HOURS_PER_MONTH : 0;
    lines.push(
      ...networkLines(server.network, {
        egressGb: egressGb(servedRequests, profile.execution),
        ipHours: hours + lbIps,
        includedEgressGb: (server.size.includedEgressGb * hours) / HOURS_PER_MONTH,
        applyFreeTier: profile.applyFreeTier,
      }),
    );
  }
  const ops = ASSUMPTIONS.opsHoursPerMonth;
  const serverOps = baseline > 0 ? ops.traditionalBase + (ops.traditionalPerInstance * hours) / HOURS_PER_MONTH : 0;
  lines.push(...opsLine(profile, serverOps + (hasOverflow ? ops.serverless : 0)));
  const baselineShare = week.monthlyRequests > 0 ? servedRequests / week.monthlyRequests : 0;
  return { lines, total: totalOf(lines), baselineInstances: baseline, baselineShare };
}

/** Baselines worth trying: 0, the fixed-at-peak count, and the floor/ceil of each hour's base and burst need. */
export function baselineCandidates(week: TrafficWeek, capacityRps: number, peakInstances: number): number[] {
  const candidates = new Set<number>([0, peakInstances]);
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const average = week.hourlyRps[h]!;
    for (const rps of [intraHourShape(average, week.burstFactor).baseRps, average * week.burstFactor]) {
      candidates.add(Math.floor(rps / capacityRps));
      candidates.add(Math.ceil(rps / capacityRps));
    }
  }
  return [...candidates].filter((b) => b <= peakInstances).sort((a, b) => a - b);
}

/**
 * The baseline that minimises the month's total, and that month's bill; ties go to the smaller baseline.
 * Up to 12 candidates are all priced. Beyond that the cost is searched by ternary search over the candidate
 * list, which finds the minimum when cost falls then rises with the baseline (servers replacing dearer
 * functions, then idling); both ends — functions alone and servers alone — are always priced, so the
 * hybrid never costs more than either of its parts.
 */
export function bestHybridMonth(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek, peakInstances: number): HybridMonth {
  const candidates = baselineCandidates(week, server.capacityRps, peakInstances);
  const priced = new Map<number, HybridMonth>();
  const at = (index: number) => {
    const baseline = candidates[index]!;
    let month = priced.get(baseline);
    if (!month) priced.set(baseline, (month = priceHybridMonth(server, fn, profile, week, baseline)));
    return month;
  };
  let [lo, hi] = [0, candidates.length - 1];
  while (hi - lo > 11) {
    const m1 = lo + Math.floor((hi - lo) / 3);
    const m2 = hi - Math.floor((hi - lo) / 3);
    if (at(m1).total.lte(at(m2).total)) hi = m2 - 1;
    else lo = m1 + 1;
  }
  for (let i = lo; i <= hi; i++) at(i);
  at(0);
  at(candidates.length - 1);
  let best: HybridMonth | undefined;
  for (const baseline of candidates) {
    const month = priced.get(baseline);
    if (month && (!best || month.total.lt(best.total))) best = month;
  }
  return best!;
}

