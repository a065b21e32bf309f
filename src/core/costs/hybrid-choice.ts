// Which size a hybrid's baseline runs: its own choice, not the autoscaled servers'. A baseline is bought for every
// hour (with a commitment where one is priced), so the size that serves an autoscaled fleet best can cost a
// hybrid several per cent more than another (and one taken from another option, changing with traffic, could
// make the hybrid cheaper as traffic rose). Chosen at the week the hybrid is planned at, and again where traffic
// has doubled or halved since (see hybridResizing in options.ts).
import type { WorkloadProfile } from '../profile/schema.js';
import type { TrafficWeek } from '../traffic/week.js';
// NEAR: estimates this close to the budget (relatively, or within a micro-dollar) are still searched, as bestHybridMonth allows.
import { baselineServerUsd, bestHybridMonth, NEAR } from './hybrid.js';
import { functionsAloneTotal, type FunctionPlan } from './serverless.js';
import { sizePlan } from './server-choice.js';
import { fittingSizes, type ServerService } from './server-service.js';
import type { ServerSize } from './servers.js';
import type { ServerPlan } from './traditional.js';

/** A size as a baseline sees it: what one instance of it costs a month (see baselineSizes), and its plan once it is searched. */
interface BaselineSize {
  size: ServerSize;
  capacityRps: number;
  monthlyUsd: number;
  /** Position in the pricing file: equals go to the size listed first. */
  index: number;
  plan: ServerPlan | undefined;
}

/** A service's baseline sizes. */
export interface BaselineSizes {
  sizes: BaselineSize[];
  /** The least one server of any of them costs a month. */
  leastMonthlyUsd: number;
}

/**
 * The sizes a baseline may run: every fitting size that no other size does as well as at every count of
 * instances (B instances of a size as good cost no more and leave no more overflow), cheapest per request served
 * first. The same at every traffic: the hybrid's month is then the least of the same few curves, and never
 * falls as traffic rises.
 */
function baselineSizes(ctx: ServerService): BaselineSizes {
  let baselines = ctx.baselines;
  if (!baselines) {
    const sizes: BaselineSize[] = fittingSizes(ctx).map(({ size, capacityRps }, index) => ({
      size,
      capacityRps,
      // As bestHybridMonth bounds a baseline server.
      monthlyUsd: baselineServerUsd(size, ctx.monthlyCapHours),
      index,
      plan: undefined,
    }));
    // Cheapest first (sorts are stable: equals keep the file's order): a size is left out when one before it serves
    // as much and also brings as much transfer and as many instances; the one serving the most so far is asked
    // first, and all of them only where sizes differ in those too (DigitalOcean's). Of two sizes at one price,
    // the smaller may be kept beside the larger: that costs a search, never a wrong choice.
    sizes.sort((a, b) => a.monthlyUsd - b.monthlyUsd);
    const kept: BaselineSize[] = [];
    let most: BaselineSize | undefined;
    for (const candidate of sizes) {
      if (most && most.capacityRps >= candidate.capacityRps && (asGood(most, candidate) || kept.some((other) => asGood(other, candidate)))) continue;
      kept.push(candidate);
      if (!most || candidate.capacityRps > most.capacityRps) most = candidate;
    }
    kept.sort((a, b) => a.monthlyUsd / a.capacityRps - b.monthlyUsd / b.capacityRps);
    // Sorted cheapest first above: the first size is the cheapest.
    ctx.baselines = baselines = { sizes: kept, leastMonthlyUsd: sizes[0]?.monthlyUsd ?? Infinity };
  }
  return baselines;
}

/** Whether `a` does at least as well as `b` at every baseline count, given it costs no more. */
function asGood(a: BaselineSize, b: BaselineSize): boolean {
  return a.capacityRps >= b.capacityRps && a.size.includedEgressGb >= b.size.includedEgressGb && a.size.maxInstances >= b.size.maxInstances;
}

/** A baseline size's plan, made when it is first searched (most sizes never are). */
function planOf(ctx: ServerService, baseline: BaselineSize): ServerPlan {
  return (baseline.plan ??= sizePlan(ctx, baseline.size, baseline.capacityRps));
}

/** The plans of the sizes a hybrid's baseline may run, in the order they are tried (see baselineSizes). */
export function hybridCandidates(ctx: ServerService): ServerPlan[] {
  return baselineSizes(ctx).sizes.map((size) => planOf(ctx, size));
}

/**
 * The size whose best month (see bestHybridMonth) is cheapest at `week` for a hybrid with `fn`, on float
 * estimates; equals go to the size the pricing file lists first, and where no baseline beats functions alone,
 * the first size is the choice. Undefined where no size fits. Sizes are searched cheapest per request served
 * first: the best month so far is the budget the next must beat.
 */
export function chooseHybridSize(ctx: ServerService, fn: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek): ServerPlan | undefined {
  const { sizes, leastMonthlyUsd } = baselineSizes(ctx);
  if (sizes.length === 0) return undefined;
  // Exact, as bestHybridMonth ranks functions alone: the function option has priced it already.
  const aloneUsd = functionsAloneTotal(fn, week, 'exact').usd;
  let best: BaselineSize | undefined;
  let bestUsd = aloneUsd;
  // Functions alone cheaper than any one server (small workloads): no size is searched.
  if (leastMonthlyUsd <= aloneUsd * (1 + NEAR) + NEAR)
    for (const size of sizes) {
      // One server of the size already costing more than the best month: no baseline of it can win.
      if (size.monthlyUsd > bestUsd * (1 + NEAR) + NEAR) continue;
      const { usd, baselineInstances } = bestHybridMonth(planOf(ctx, size), fn, profile, week, 'estimate', bestUsd);
      if (baselineInstances > 0 && (usd < bestUsd || (usd === bestUsd && best && size.index < best.index))) [best, bestUsd] = [size, usd];
    }
  return planOf(ctx, best ?? sizes[0]!);
}
