// The break-even volume: the monthly requests at which the best traditional option becomes cheaper than the
// best serverless one, searched on the real cost functions along a grid the volume tipping point shares.
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { monthlyRequestsOf, trafficWeek, type TrafficWeek } from '../traffic/week.js';
import { formatUsd } from './money.js';
import { prepareOptions, type PreparedOptions, type PureSide } from './options.js';
import type { CostReport } from './report.js';

/** The profile's traffic scaled to `monthlyRequests` a month, same shape. */
export function weekAtVolume(traffic: WorkloadProfile['traffic'], monthlyRequests: number): TrafficWeek {
  const base = monthlyRequestsOf(traffic);
  return base > 0 ? trafficWeek(traffic, monthlyRequests / base) : trafficWeek(Object.assign({}, traffic, { monthlyRequests, averageRps: undefined, peakRps: undefined }));
}

/**
 * Which pure architecture is cheaper with the profile's traffic scaled to `monthlyRequests` a month, each
 * volume judged once per prepared options: the break-even and the volume tipping point probe the same grid
 * and bisect the same steps, so the second search mostly reads what the first found.
 */
export function sideAtVolume(options: PreparedOptions, traffic: WorkloadProfile['traffic'], monthlyRequests: number): PureSide {
  const sides = options.sidesByVolume;
  let side = sides.get(monthlyRequests);
  if (side === undefined) {
    const week = weekAtVolume(traffic, monthlyRequests);
    options.weeksByVolume.set(monthlyRequests, week);
    sides.set(monthlyRequests, (side = options.cheaperSide(week)));
  }
  return side;
}

const SEARCH_LOW = 1_000;
const SEARCH_HIGH = 1e12;
/** The volume grid scanned for the first crossing: 1k × 4^k. Shared with the tipping-point search. */
export const VOLUME_GRID: readonly number[] = Array.from({ length: 20 }, (_, k) => SEARCH_LOW * 4 ** k).filter((v) => v <= SEARCH_HIGH * 4);

/**
 * The cheaper side at the bottom of the break-even's search, 1k requests a month (a probe the search has made):
 * where no break-even was found, traditional there means it was cheaper from the start, serverless that it
 * stayed cheaper all the way up.
 */
export function sideAtSearchLow(options: PreparedOptions, traffic: WorkloadProfile['traffic']): PureSide {
  return sideAtVolume(options, traffic, VOLUME_GRID[0]!);
}

/**
 * Geometric bisection between a value where `flipped` is false and one where it is true, to `tolerance` (by
 * default 0.1%, finer than any price or traffic estimate behind it) — or, for an input set in whole units
 * (`whole`), to the whole unit, so a flip at a platform limit lands on the first value past it. Each midpoint
 * is taken as `shown` writes it (a tipping point probes only values it can show), and the search ends where
 * no shown value lies between the two. Returns the first value found on the flipped side, and the last on
 * the other.
 */
export function bisectFlip<T>(
  inside: number,
  outside: number,
  probe: (v: number) => T,
  flipped: (t: T) => boolean,
  atOutside: T,
  { whole = false, tolerance = 0.001, shown = (v: number) => v }: { whole?: boolean; tolerance?: number; shown?: (v: number) => number } = {},
): { value: number; inside: number; at: T } {
  let at = atOutside;
  while (whole ? Math.abs(outside - inside) > 1 : Math.abs(outside / inside - 1) > tolerance) {
    const mid = whole ? Math.round((inside + outside) / 2) : shown(Math.sqrt(inside * outside));
    if (mid === inside || mid === outside) break;
    const atMid = probe(mid);
    if (flipped(atMid)) {
      outside = mid;
      at = atMid;
    } else inside = mid;
  }
  return { value: outside, inside, at };
}

/**
 * The monthly volume where the best traditional option becomes cheaper than the best serverless one: the
 * grid VOLUME_GRID is scanned upward for the first point where traditional is cheaper, then the step before
 * it is bisected — on the real cost functions, sizes re-chosen at each volume, each probe deciding only
 * which side is cheaper (options.cheaperSide). Server costs rise in steps, so the two can cross more than
 * once; a window narrower than one ×4 grid step can be stepped over. Null when serverless is not cheaper at
 * 1k requests a month or traditional never becomes cheaper up to about 1T. The two options at the crossing
 * are reported with their exact bills.
 */
export function findBreakEven(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  options: PreparedOptions = prepareOptions(files, profile, profile.minInstances),
): CostReport['breakEven'] {
  const sideAt = (volume: number) => sideAtVolume(options, profile.traffic, volume);
  // Judged as every probe of the search is: serverless must be the cheaper side at the bottom of the grid.
  if (sideAt(VOLUME_GRID[0]!) !== 'serverless') return null;
  for (let k = 1; k < VOLUME_GRID.length; k++) {
    const side = sideAt(VOLUME_GRID[k]!);
    if (side !== 'traditional') continue;
    const { value } = bisectFlip(VOLUME_GRID[k - 1]!, VOLUME_GRID[k]!, sideAt, (s) => s === 'traditional', side);
    // Traditional is cheaper at `value`, so both sides have an option there.
    const week = options.weeksByVolume.get(value)!;
    const at = options.cheapestPair(week);
    const [serverless, traditional] = [at.serverless!, at.traditional!];
    return {
      monthlyRequests: Math.round(value),
      serverlessOption: serverless.plan.id,
      traditionalOption: traditional.plan.id,
      serverlessMonthlyUsd: formatUsd(serverless.total),
      traditionalMonthlyUsd: formatUsd(traditional.total),
    };
  }
  return null;
}
