// The data behind the cost chart: the monthly cost of the best option of each architecture across a
// range of monthly volumes around the profile's own volume and the break-even.
import type { Architecture } from './costs/option-plan.js';
import { prepareOptions, type PreparedOptions } from './costs/options.js';
import { weekAtVolume } from './costs/break-even.js';
import type { PricingFile } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import { monthlyRequestsOf, type TrafficWeek } from './traffic/week.js';

export interface CostCurve {
  /** Monthly requests at each point, ascending. */
  volumes: number[];
  /** Monthly USD of the cheapest feasible option of each architecture at each volume; null where none. */
  series: Record<Architecture, Array<number | null>>;
  profileVolume: number;
  breakEven: number | null;
}

const POINTS = 32;

/** Every feasible option at `week`, priced as a float estimate. */
function priceFeasible(options: PreparedOptions, week: TrafficWeek) {
  return options
    .plansAt(week)
    .filter((plan) => plan.infeasibleBecause.length === 0)
    .map((plan) => ({ plan, month: plan.price(week, 'estimate') }));
}

export function costCurve(files: readonly PricingFile[], profile: WorkloadProfile, breakEven: number | null): CostCurve {
  const profileVolume = monthlyRequestsOf(profile.traffic);
  const anchors = [profileVolume, breakEven ?? profileVolume].filter((v) => v > 0);
  // Down to one request a month, so a nightly job (30 a month) is on the chart too.
  const low = Math.max(1, Math.min(...anchors, 1e6) / 20);
  const high = Math.max(low * 1000, Math.max(...anchors, 1e6) * 20);
  const volumes = Array.from({ length: POINTS }, (_, i) => low * Math.pow(high / low, i / (POINTS - 1)));
  const series: CostCurve['series'] = { serverless: [], traditional: [], hybrid: [] };
  const options = prepareOptions(files, profile, profile.minInstances);
  for (const volume of volumes) {
    const priced = priceFeasible(options, weekAtVolume(profile.traffic, volume));
    for (const architecture of ['serverless', 'traditional', 'hybrid'] as const) {
      let best: number | null = null;
      for (const { plan, month } of priced) {
        // A hybrid whose best baseline is zero servers is its functions alone: not drawn as a hybrid.
        if (plan.architecture !== architecture || month.baselineInstances === 0) continue;
        const usd = month.usd;
        if (best === null || usd < best) best = usd;
      }
      series[architecture].push(best);
    }
  }
  return { volumes, series, profileVolume, breakEven };
}
