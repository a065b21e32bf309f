// Hybrid: a committed baseline of B servers serves load up to its capacity each hour; the overflow goes
// to functions. B is searched over 0 … the fixed-at-peak count, on float estimates; the bills near the
// best estimate are then priced exactly and the cheapest kept.
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, type TrafficWeek, type WeekShape } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { Bill, NO_LINES, type BillMode, type MoneyLine, type MonthTotal } from './bill.js';
import { overflowActiveSeconds, overflowShare, overflowWarmSeconds } from './overflow.js';
import { functionsAloneTotal, priceFunctionMonth, type FunctionPlan } from './serverless.js';
import { fixedInstanceHours, fleetFor, opsLine, type ServerSize } from './servers.js';
import { transferHoursFor } from './pooled-transfer.js';
import { networkLines } from './support-lines.js';
import { balancerTotal, opsHours, priceBalancer, type ServerPlan } from './traditional.js';

export interface HybridMonth extends MonthTotal {
  /** The line items (itemised bills only). */
  lines: MoneyLine[];
  baselineInstances: number;
  /** Share of the month's requests the baseline serves (0..1). */
  baselineShare: number;
}

/** Whether a baseline of this size is bought with a commitment (where one is priced) rather than on demand. */
function committedBaseline(server: ServerPlan): boolean {
  return server.size.committedHourlyEstimate !== undefined;
}

/** Instance-hours a baseline is billed: a commitment for every hour, on-demand servers up to the provider's monthly cap. */
function baselineHours(server: ServerPlan, baseline: number): number {
  return fixedInstanceHours(baseline, committedBaseline(server) ? undefined : server.monthlyCapHours);
}

/**
 * One month of a hybrid with a fixed baseline of `baseline` instances of `server`'s size, onto `bill`. Built
 * so that a baseline of 0 bills exactly the pure function option and a baseline covering every hour bills
 * exactly the fixed-at-peak server option: each part keeps its own egress, load balancer and ops rules.
 * Returns the share of requests the baseline serves.
 */
export function priceHybridMonth(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek, baseline: number, bill: Bill): number {
  const baselineRps = baseline * server.capacityRps;
  const overflowRequests = week.monthlyRequests * overflowShare(week, baselineRps);
  const servedRequests = week.monthlyRequests - overflowRequests;
  const hours = baselineHours(server, baseline);
  const committed = committedBaseline(server);
  // Servers that bring transfer of their own may be worth running beyond the baseline for it (see transferHours).
  const transfer = baseline > 0 ? transferHoursFor(server, committed, servedRequests, hours, profile) : 0;
  server.size.bill(hours, committed, bill);
  server.size.bill(transfer, committed, bill, true);
  const hasOverflow = overflowRequests > 0;
  // Warm functions are sized hour by hour, and so are functions billed per active instance: they need the
  // overflow's shape; others only its volume.
  if (hasOverflow)
    priceFunctionMonth(
      fn,
      profile,
      week,
      overflowRequests,
      bill,
      fn.mode === 'provisioned' ? overflowWarmSeconds(week, baselineRps, fn, profile.execution) : undefined,
      fn.shape.billedPerActiveInstance ? overflowActiveSeconds(week, baselineRps, fn) : undefined,
    );
  // A load balancer fronts several servers, or one server beside the functions that take its overflow or,
  // when the profile wants more than one server for availability, its failover.
  const balanced = server.loadBalancer !== undefined && baseline > 0 && (baseline > 1 || hasOverflow || profile.minInstances > 1);
  if (balanced) priceBalancer(server, week, profile, bill);
  if (baseline > 0) networkLines(server, servedRequests, hours + transfer, balanced, profile, bill);
  const ops = ASSUMPTIONS.opsHoursPerMonth;
  const serverOps = baseline > 0 ? opsHours(hours + transfer) : 0;
  opsLine(profile, serverOps + (hasOverflow ? ops.serverless : 0), bill);
  return week.monthlyRequests > 0 ? servedRequests / week.monthlyRequests : 0;
}

/** Baselines priced one by one below this many; a ternary search narrows wider ranges to it first. */
const PRICE_ALL = 12;
/** Warm functions: points of the grid laid over a wide range, how many of its best are searched around, and how finely. */
const GRID_POINTS = 64;
const GRID_REFINED = 3;
const GRID_SPLIT = 8;

/**
 * Where a pair's last grid search found its best baseline, per unit of the week's scale. Another month of the
 * same shape (growth, or a tipping point's probe) scales the whole curve with it, dips included: it searches
 * around the scaled baseline instead of laying the grid again. Plans live as long as one evaluation.
 */
const gridBest = new WeakMap<FunctionPlan, WeakMap<ServerPlan, { shape: WeekShape; perScale: number }>>();
/** Estimates this close (relatively, or within a micro-dollar) to the best are re-priced exactly before one is chosen. */
export const NEAR = 1e-6;

/**
 * The baseline that minimises the month's total, and that month's bill in `mode`; ties go to the smaller
 * baseline. Baselines run from 0 to the fixed-at-peak count (at most the size's limit, and `maxBaseline`), or
 * fewer where servers alone would already cost more than functions alone or than `budgetUsd` (another size's
 * best: a month above it is not wanted, and is not searched for). Up to PRICE_ALL of them are all estimated; beyond that a ternary search
 * narrows the range first, which finds the minimum when cost falls then rises with the baseline (servers
 * replacing dearer functions, then idling), and warm functions add a grid (searchWarmBaselines). Both ends — functions alone, and servers alone unless they
 * cannot win — are always priced, so the hybrid never costs more than either of its parts.
 */
export function bestHybridMonth(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek, mode: BillMode, budgetUsd = Infinity, maxBaseline = Infinity): HybridMonth {
  // A size chosen on estimates (hybrid-choice.ts) is then priced exactly at the same week: its search is not run twice.
  const known = server.hybridSearch;
  if (mode !== 'estimate' && known?.fn === fn && known.week === week && known.cheapest.usd < known.budgetUsd) return settled(server, fn, profile, week, mode, known.estimates, known.cheapest);
  // Every line of a bill is ≥ 0 net, so B servers cost at least B × their instance-hours, and the load
  // balancer once two run or the profile asks for two: baselines whose servers alone cost more than
  // functions alone (B = 0) cannot win, and are not priced.
  const perServer = baselineServerUsd(server.size, server.monthlyCapHours);
  // An exact month of functions alone is shared with the function option priced just before, and with the
  // other sizes and hybrids of the same function (see monthWith): ranked by that instead of an estimate of its
  // own, it is the same ranking to within a float's rounding, far inside the near-ties that exact bills settle.
  const alone = monthWith(server, fn, profile, week, 0, 'exact');
  const budget = Math.min(alone.usd, budgetUsd) * (1 + NEAR) + NEAR;
  const balancer = server.loadBalancer ? balancerTotal(server, week, 'estimate').usd : 0;
  const besideBalancer = Math.floor((budget - balancer) / perServer);
  // With a floor of one server, one alone needs a balancer only beside an overflow: it is not counted there.
  const affordable = besideBalancer >= 2 || profile.minInstances > 1 ? besideBalancer : perServer <= budget ? 1 : 0;
  // Where no server can pay for itself, functions alone are the month (and the fleet's peak is not needed).
  // Otherwise at least one server is priced: the floor of instances is at least one, and so is the peak.
  if (affordable <= 0) return mode === 'itemised' ? monthWith(server, fn, profile, week, 0, mode) : alone;
  const estimates = new Map<number, HybridMonth>([[0, alone]]);
  const estimate = (baseline: number) => {
    let month = estimates.get(baseline);
    if (!month) estimates.set(baseline, (month = monthWith(server, fn, profile, week, baseline, 'estimate')));
    return month.usd;
  };
  const peak = fleetFor(week, server.capacityRps, profile.minInstances, 'fixed').peak;
  const last = Math.min(peak, affordable, server.size.maxInstances, maxBaseline);
  let [lo, hi] = [0, last];
  while (hi - lo >= PRICE_ALL) {
    const m1 = lo + Math.floor((hi - lo) / 3);
    const m2 = hi - Math.floor((hi - lo) / 3);
    if (estimate(m1) <= estimate(m2)) hi = m2 - 1;
    else lo = m1 + 1;
  }
  for (let b = lo; b <= hi; b++) estimate(b);
  estimate(last);
  const warm = fn.mode === 'provisioned' && last >= PRICE_ALL;
  if (warm) searchWarmBaselines(fn, server, week, last, estimate, estimates);
  // The lowest estimate, the smaller baseline among equals.
  let cheapest = estimates.get(0)!;
  for (const month of estimates.values())
    if (month.usd < cheapest.usd || (month.usd === cheapest.usd && month.baselineInstances < cheapest.baselineInstances)) cheapest = month;
  if (warm) {
    let pairs = gridBest.get(fn);
    if (!pairs) gridBest.set(fn, (pairs = new WeakMap()));
    pairs.set(server, { shape: week.shape, perScale: cheapest.baselineInstances / week.scale });
  }
  if (mode === 'estimate') {
    server.hybridSearch = { fn, week, budgetUsd, estimates, cheapest };
    return cheapest;
  }
  return settled(server, fn, profile, week, mode, estimates, cheapest);
}

/**
 * An estimated search of a size's baseline, with the function, week and budget it was for. Searched under a
 * budget, it leaves out baselines dearer than the budget: it is the size's best only where it found one under
 * the budget.
 */
export interface HybridSearch {
  fn: FunctionPlan;
  week: TrafficWeek;
  budgetUsd: number;
  estimates: ReadonlyMap<number, HybridMonth>;
  cheapest: HybridMonth;
}

/** Floats rank; exact bills decide among the near-ties (smaller baselines first), so the choice holds to the last digit. */
function settled(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek, mode: BillMode, estimates: ReadonlyMap<number, HybridMonth>, cheapest: HybridMonth): HybridMonth {
  const margin = NEAR * Math.max(1, cheapest.usd);
  const near: number[] = [];
  for (const month of estimates.values()) if (month.usd - cheapest.usd <= margin) near.push(month.baselineInstances);
  if (near.length > 1) near.sort((a, b) => a - b);
  let best: HybridMonth | undefined;
  for (const baselineInstances of near) {
    const month = monthWith(server, fn, profile, week, baselineInstances, mode);
    if (!best || month.total < best.total) best = month;
  }
  return best!;
}

/**
 * What one server of `size` costs a month as a baseline, as a float (at least what each baseline server adds):
 * committed for every hour where a commitment is priced, otherwise on demand up to the monthly cap.
 */
export function baselineServerUsd(size: ServerSize, monthlyCapHours: number): number {
  const committed = size.committedHourlyEstimate;
  return committed !== undefined ? committed * HOURS_PER_MONTH : size.hourlyEstimate * Math.min(HOURS_PER_MONTH, monthlyCapHours);
}

/**
 * Warm functions are bought in whole instances an hour, and warm capacity can cost about what servers do: then
 * the month's cost against the baseline has steps and long plateaus, and a ternary search can settle on a
 * plateau beside a narrow dip (one month of a 1.9B-request API: $100,960 found at 726 servers, $97,007 at 30).
 * A grid over the whole range, each of its best points searched finer and finer to its neighbours, finds such
 * dips; a later month of the same shape searches around the last best, scaled (see gridBest).
 */
function searchWarmBaselines(
  fn: FunctionPlan,
  server: ServerPlan,
  week: TrafficWeek,
  last: number,
  estimate: (baseline: number) => number,
  estimates: ReadonlyMap<number, HybridMonth>,
): void {
  // Around a baseline, a grid over `width` either side, finer and finer down to every baseline.
  const refine = (centre: number, width: number) => {
    while (width > PRICE_ALL) {
      const sub = Math.ceil(width / GRID_SPLIT);
      for (let b = Math.max(0, centre - width); b <= Math.min(last, centre + width); b += sub) if (estimate(b) < estimate(centre)) centre = b;
      width = sub;
    }
    for (let b = Math.max(0, centre - width); b <= Math.min(last, centre + width); b++) estimate(b);
  };
  const step = Math.ceil(last / GRID_POINTS);
  const known = gridBest.get(fn)?.get(server);
  if (known?.shape === week.shape) return refine(Math.min(last, Math.round(known.perScale * week.scale)), step + PRICE_ALL);
  for (let b = 0; b <= last; b += step) estimate(b);
  const best = [...estimates.values()].sort((a, b) => a.usd - b.usd).slice(0, GRID_REFINED);
  for (const { baselineInstances } of best) refine(baselineInstances, step);
}

/** The hybrid's month with `baseline` servers. No server at all is the functions alone: that month is shared with the function option. */
function monthWith(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek, baseline: number, mode: BillMode): HybridMonth {
  if (baseline === 0 && mode !== 'itemised') {
    const { total, usd } = functionsAloneTotal(fn, week, mode);
    return { total, usd, lines: NO_LINES, baselineInstances: 0, baselineShare: 0 };
  }
  const bill = new Bill(mode);
  const baselineShare = priceHybridMonth(server, fn, profile, week, baseline, bill);
  return { total: bill.totalPico, usd: bill.totalUsd, lines: bill.lines, baselineInstances: baseline, baselineShare };
}
