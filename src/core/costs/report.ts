// Costs of every option over the horizon, the break-even volume between serverless and traditional,
// and the month the cheapest option changes. Money stays Decimal until it leaves as strings.
import { Decimal } from 'decimal.js';
import type { OptionOut } from '../evaluation/schema.js';
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { growthFactor, monthlyRequestsOf, trafficWeek, type TrafficWeek } from '../traffic/week.js';
import { toLineItem } from './price-item.js';
import { optionPlans, type Architecture, type OptionPlan, type PricedMonth } from './options.js';

export interface CostReport {
  options: OptionOut[];
  breakEven: {
    monthlyRequests: number;
    serverlessOption: string;
    traditionalOption: string;
    serverlessMonthlyUsd: string;
    traditionalMonthlyUsd: string;
  } | null;
  cheapestOptionChange: { month: number; from: string; to: string } | null;
  warnings: string[];
}

/** The profile's traffic scaled to `monthlyRequests` a month, same shape. */
export function weekAtVolume(traffic: WorkloadProfile['traffic'], monthlyRequests: number): TrafficWeek {
  const base = monthlyRequestsOf(traffic);
  return base > 0 ? trafficWeek(traffic, monthlyRequests / base) : trafficWeek({ ...traffic, monthlyRequests, averageRps: undefined, peakRps: undefined });
}

function cheapest(priced: ReadonlyArray<{ plan: OptionPlan; month: PricedMonth }>, architecture?: Architecture) {
  let best: { plan: OptionPlan; month: PricedMonth } | undefined;
  for (const entry of priced) {
    if (architecture && entry.plan.architecture !== architecture) continue;
    if (!best || entry.month.total.lt(best.month.total)) best = entry;
  }
  return best;
}

export function priceFeasible(files: readonly PricingFile[], profile: WorkloadProfile, week: TrafficWeek, withHybrids = true) {
  return optionPlans(files, profile, week, profile.minInstances, withHybrids)
    .filter((plan) => plan.infeasibleBecause.length === 0)
    .map((plan) => ({ plan, month: plan.price(week) }));
}

const SEARCH_LOW = 1_000;
const SEARCH_HIGH = 1e12;
/** The volume grid scanned for the first crossing: 1k × 4^k. Shared with the tipping-point search. */
export const VOLUME_GRID: readonly number[] = Array.from({ length: 20 }, (_, k) => SEARCH_LOW * 4 ** k).filter((v) => v <= SEARCH_HIGH * 4);

/**
 * Geometric bisection between a value where `flipped` is false and one where it is true, to 0.1% (finer
 * than any price or traffic estimate behind it). Returns the first value found on the flipped side.
 */
export function bisectFlip<T>(inside: number, outside: number, probe: (v: number) => T, flipped: (t: T) => boolean, atOutside: T): { value: number; at: T } {
  let at = atOutside;
  while (Math.abs(outside / inside - 1) > 0.001) {
    const mid = Math.sqrt(inside * outside);
    const atMid = probe(mid);
    if (flipped(atMid)) {
      outside = mid;
      at = atMid;
    } else inside = mid;
  }
  return { value: outside, at };
}

/**
 * The monthly volume where the best traditional option becomes cheaper than the best serverless one: the
 * grid VOLUME_GRID is scanned upward for the first point where traditional is cheaper, then the step before
 * it is bisected — on the real cost functions, sizes re-chosen at each volume. Server costs rise in steps, so
 * the two can cross more than once; a window narrower than one ×4 grid step can be stepped over. Null when
 * serverless is not cheaper at 1k requests a month or traditional never becomes cheaper up to about 1T.
 */
export function findBreakEven(files: readonly PricingFile[], profile: WorkloadProfile): CostReport['breakEven'] {
  const gap = (volume: number) => {
    // Hybrids do not enter the break-even, so they are not priced for it.
    const priced = priceFeasible(files, profile, weekAtVolume(profile.traffic, volume), false);
    const serverless = cheapest(priced, 'serverless');
    const traditional = cheapest(priced, 'traditional');
    if (!serverless || !traditional) return undefined;
    return { serverless, traditional, traditionalCheaper: traditional.month.total.lt(serverless.month.total) };
  };
  const first = gap(VOLUME_GRID[0]!);
  if (!first || first.traditionalCheaper) return null;
  for (let k = 1; k < VOLUME_GRID.length; k++) {
    const atK = gap(VOLUME_GRID[k]!)!;
    if (!atK.traditionalCheaper) continue;
    const { value, at } = bisectFlip(VOLUME_GRID[k - 1]!, VOLUME_GRID[k]!, (v) => gap(v)!, (g) => g.traditionalCheaper, atK);
    return {
      monthlyRequests: Math.round(value),
      serverlessOption: at.serverless.plan.id,
      traditionalOption: at.traditional.plan.id,
      serverlessMonthlyUsd: at.serverless.month.total.toString(),
      traditionalMonthlyUsd: at.traditional.month.total.toString(),
    };
  }
  return null;
}

export function costReport(files: readonly PricingFile[], profile: WorkloadProfile): CostReport {
  const warnings: string[] = [];
  const firstWeek = trafficWeek(profile.traffic);
  if (profile.traffic.peakRps !== undefined && profile.traffic.peakRps < firstWeek.busiestHourRps)
    warnings.push(
      `traffic.peakRps (${profile.traffic.peakRps}) is below the busiest hour's average (${firstWeek.busiestHourRps.toPrecision(4)} rps) ` +
        'implied by the volume and pattern; capacity is planned for the busiest hour',
    );
  if (profile.compliance.dedicatedTenancy)
    warnings.push(
      'compliance.dedicatedTenancy: server prices are the providers’ shared-tenancy list prices; dedicated instances or hosts cost more and are not priced here',
    );
  const plans = optionPlans(files, profile, firstWeek, profile.minInstances);
  // Months with the same volume (all of them, without growth) share one traffic week and one set of bills.
  const byFactor = new Map<number, { week: TrafficWeek; plans: Map<string, OptionPlan>; priced: Map<string, PricedMonth> }>();
  const months = Array.from({ length: profile.horizonMonths }, (_, i) => {
    const factor = growthFactor(profile.traffic.growthPercentPerMonth, i + 1);
    let month = byFactor.get(factor);
    if (!month) {
      const week = i === 0 ? firstWeek : trafficWeek(profile.traffic, factor);
      // Servers are re-sized as traffic grows, as an operator would: each volume re-chooses the cheapest size.
      const monthPlans = i === 0 ? plans : optionPlans(files, profile, week, profile.minInstances);
      month = { week, plans: new Map(monthPlans.map((p) => [p.id, p])), priced: new Map() };
      byFactor.set(factor, month);
    }
    return month;
  });
  const priceIn = (month: (typeof months)[number], id: string): PricedMonth => {
    let priced = month.priced.get(id);
    if (!priced) {
      // Feasibility and ids do not depend on volume, so every month has the same plans.
      priced = month.plans.get(id)!.price(month.week);
      month.priced.set(id, priced);
    }
    return priced;
  };
  const cheapestByMonth: Array<{ id: string; total: Decimal } | undefined> = months.map(() => undefined);
  const options = plans.map((plan): OptionOut => {
    const base = {
      id: plan.id,
      architecture: plan.architecture,
      provider: plan.provider,
      service: plan.service,
      serviceName: plan.serviceName,
      variant: plan.variant,
      pricingEffectiveDate: plan.effectiveDate,
    };
    if (plan.infeasibleBecause.length > 0)
      return { ...base, monthlyUsd: null, horizonUsd: null, lineItems: [], projection: [], details: {}, feasible: false, infeasibleBecause: plan.infeasibleBecause.join('; ') };
    let horizon = new Decimal(0);
    let first: PricedMonth | undefined;
    const projection = months.map((m, i) => {
      const week = m.week;
      const month = priceIn(m, plan.id);
      first ??= month;
      horizon = horizon.add(month.total);
      const leader = cheapestByMonth[i];
      if (!leader || month.total.lt(leader.total)) cheapestByMonth[i] = { id: plan.id, total: month.total };
      return { month: i + 1, monthlyRequests: Math.round(week.monthlyRequests), totalUsd: month.total.toString() };
    });
    return {
      ...base,
      monthlyUsd: first!.total.toString(),
      horizonUsd: horizon.toString(),
      lineItems: first!.lines.map(toLineItem),
      projection,
      details: first!.details,
      feasible: true,
    };
  });
  const firstLeader = cheapestByMonth[0]?.id;
  const changeIndex = cheapestByMonth.findIndex((leader) => leader !== undefined && leader.id !== firstLeader);
  return {
    options,
    breakEven: findBreakEven(files, profile),
    cheapestOptionChange:
      changeIndex > 0 ? { month: changeIndex + 1, from: firstLeader!, to: cheapestByMonth[changeIndex]!.id } : null,
    warnings,
  };
}
