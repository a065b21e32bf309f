// Every option the engine prices for a profile: functions per function service, servers per server
// service and variant, and a hybrid per provider that has both, prepared once and planned at any traffic week.
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { scaleWeek, type TrafficWeek } from '../traffic/week.js';
import type { Pico } from './money.js';
import { functionOption, hybridOption, SERVER_VARIANTS, serverOption, type OptionPlan } from './option-plan.js';
import { functionPlans, type FunctionPlan } from './serverless.js';
import { chooseHybridSize } from './hybrid-choice.js';
import { chooseServerPlan, serverCostReaches } from './server-choice.js';
import { linkNodeTwins, serverService, sharedSurroundings, type ServerService } from './server-service.js';
import type { ServerPlan, ServerVariant } from './traditional.js';

/** Every option for a profile, made ready once and then planned at any traffic week. */
export interface PreparedOptions {
  /**
   * The plans at `week`: server sizes, and each hybrid's function, chosen for its traffic. Searches that
   * compare pure architectures leave the hybrids out.
   */
  plansAt(week: TrafficWeek, withHybrids?: boolean): OptionPlan[];
  /**
   * Which pure architecture's best option is cheaper at `week`, on float estimates (ties go to serverless);
   * 'none' when neither can run the workload. What a search needs at each probe: a server variant whose
   * cost floor is not below the best function is not sized at all.
   */
  cheaperSide(week: TrafficWeek): PureSide;
  /**
   * The best serverless and the best traditional option at `week` (hybrids not priced), on exact bills: options
   * that cost the same to the last digit (a cluster whose control plane is free, and its bare VMs) tie exactly,
   * and the one listed first wins. Undefined for a side with no option that can run the workload.
   */
  cheapestPair(week: TrafficWeek): Record<'serverless' | 'traditional', { plan: OptionPlan; total: Pico } | undefined>;
  /** The sides found so far by volume (monthly requests), for searches that probe the same volumes: see sideAtVolume. */
  readonly sidesByVolume: Map<number, PureSide>;
  /** The week each of those sides was judged at: the break-even prices its crossing on the probe's own week, whose sizes are chosen already. */
  readonly weeksByVolume: Map<number, TrafficWeek>;
}

export type PureSide = 'serverless' | 'traditional' | 'none';

/**
 * What does not depend on volume is prepared once: function plans (shapes, limits, warm or not) and each
 * traditional service's surroundings and fitting sizes. A hybrid pairs a size of each server service, chosen
 * for the hybrid, with the provider's cheapest feasible function at that week; at another week it keeps its
 * function (an option stays the same option as traffic grows), searches its count of servers again, and
 * chooses its size again once traffic has doubled or halved.
 */
export function prepareOptions(files: readonly PricingFile[], profile: WorkloadProfile, minInstances: number): PreparedOptions {
  const shared = sharedSurroundings();
  const prepared = files.map((file) => {
    // Each function's last estimate in a search, with the week shape and volume it was for: a lower bound at any
    // higher volume of that shape.
    const functions = functionPlans(file, profile).map((fn) => ({
      fn,
      option: functionOption(fn, profile),
      knownShape: undefined as TrafficWeek['shape'] | undefined,
      knownRequests: Infinity,
      knownUsd: 0,
    }));
    const feasibleFunctions = functions.filter((f) => f.fn.infeasibleBecause.length === 0);
    const servers = file.services.filter((service) => service.architecture === 'traditional').map((service) => serverService(file, service, profile, shared));
    linkNodeTwins(servers);
    return { file, functions, feasibleFunctions, servers };
  });
  const optionsOf = new Map<ServerPlan, OptionPlan>();
  // Re-sizing an option re-chooses its servers' size at the week; `optionOn` is the same option on that size.
  // Months mostly choose the size the month before chose: its option is kept at hand.
  const resizing = (ctx: ServerService, variant: ServerVariant, optionOn: (chosen: ServerPlan) => OptionPlan): NonNullable<OptionPlan['resizedAt']> => {
    let lastPlan: ServerPlan | undefined;
    let lastOption: OptionPlan | undefined;
    return (week) => {
      const { plan, infeasibleBecause } = chooseServerPlan(ctx, variant, profile, week, minInstances);
      if (!plan) return infeasibleBecause;
      if (plan !== lastPlan) [lastPlan, lastOption] = [plan, optionOn(plan)];
      return lastOption!;
    };
  };
  // Months that choose the same size share one option object.
  const optionsFor = (file: PricingFile, ctx: ServerService, variant: ServerVariant, chosen: ServerPlan): OptionPlan => {
    let server = optionsOf.get(chosen);
    if (!server) {
      server = serverOption(chosen, file, ctx.service, variant, [], profile, minInstances);
      server.resizedAt = resizing(ctx, variant, (plan) => optionsFor(file, ctx, variant, plan));
      optionsOf.set(chosen, server);
    }
    return server;
  };
  // A hybrid's baseline runs the size it chooses itself at the week it is planned at (hybrid-choice.ts), and keeps
  // it, with its function, as traffic grows: the count of servers is searched again each month; the size is
  // chosen again only where traffic has doubled or halved (see hybridResizing).
  const hybridsOf = new Map<ServerPlan, Map<FunctionPlan, OptionPlan>>();
  const hybridFor = (ctx: ServerService, chosen: ServerPlan, fn: FunctionPlan): OptionPlan => {
    let hybrids = hybridsOf.get(chosen);
    if (!hybrids) hybridsOf.set(chosen, (hybrids = new Map()));
    let hybrid = hybrids.get(fn);
    if (!hybrid) {
      hybrids.set(fn, (hybrid = hybridOption(chosen, fn, profile)));
      hybrid.resizedAt = hybridResizing(ctx, fn, hybrid);
    }
    return hybrid;
  };
  /**
   * An operator re-sizes a fleet for a step in traffic, not for each month's growth: months at 2× the first
   * month's traffic or more take the size chosen at exactly 2× its week, from 4× the size chosen at 4×, and
   * likewise down (½, ¼, …); below 2× the first month's size stays. Choosing at those weeks rather than at each
   * month's keeps to a handful of choices over any horizon, and makes a month's size a function of the first
   * week and its own (the same whichever probe or month asked first). `planned` is this hybrid, chosen at the
   * first week.
   */
  const hybridResizing = (ctx: ServerService, fn: FunctionPlan, planned: OptionPlan): NonNullable<OptionPlan['resizedAt']> => {
    const chosenAt = new WeakMap<TrafficWeek['shape'], Map<number, OptionPlan>>();
    return (week, firstWeek) => {
      const steps = Math.trunc(Math.log2(week.scale / firstWeek.scale) * (1 + 1e-12));
      if (steps === 0) return planned;
      let byScale = chosenAt.get(firstWeek.shape);
      if (!byScale) chosenAt.set(firstWeek.shape, (byScale = new Map()));
      const scale = firstWeek.scale * 2 ** steps;
      let option = byScale.get(scale);
      if (!option) {
        const size = chooseHybridSize(ctx, fn, profile, scaleWeek(firstWeek, 2 ** steps));
        byScale.set(scale, (option = size ? hybridFor(ctx, size, fn) : planned));
      }
      return option;
    };
  };
  // The server option of a variant at `week`, sized there, unless its cost floor reaches `threshold` (then it
  // is not sized at all) or no size fits.
  const serverOptionBelow = (file: PricingFile, ctx: ServerService, variant: ServerVariant, week: TrafficWeek, threshold: number): OptionPlan | undefined => {
    if (serverCostReaches(ctx, variant, profile, week, minInstances, threshold)) return undefined;
    const { plan } = chooseServerPlan(ctx, variant, profile, week, minInstances);
    return plan && optionsFor(file, ctx, variant, plan);
  };
  // Whether no server variant's cost floor is below `bound` at `week` (see cheaperSide).
  const everyFloorReaches = (week: TrafficWeek, bound: number): boolean => {
    for (const { servers } of prepared)
      for (const ctx of servers) for (const variant of SERVER_VARIANTS) if (!serverCostReaches(ctx, variant, profile, week, minInstances, bound)) return false;
    return true;
  };
  let lastCheapest: OptionPlan | undefined;
  return {
    sidesByVolume: new Map(),
    weeksByVolume: new Map(),
    plansAt(week, withHybrids = true) {
      const plans: OptionPlan[] = [];
      for (const { file, functions, feasibleFunctions, servers } of prepared) {
        for (const { option } of functions) plans.push(option);
        let cheapestFunction: FunctionPlan | undefined;
        if (withHybrids) {
          let cheapestUsd = Infinity;
          for (const { option, fn } of feasibleFunctions) {
            const usd = option.price(week, 'estimate').usd;
            if (usd < cheapestUsd) [cheapestFunction, cheapestUsd] = [fn, usd];
          }
        }
        for (const ctx of servers) {
          const { service } = ctx;
          for (const variant of SERVER_VARIANTS) {
            const choice = chooseServerPlan(ctx, variant, profile, week, minInstances);
            const { plan: chosen } = choice;
            // A service without any commitment prices simply has no committed option.
            if (variant === 'committed-fixed' && !chosen && !(service.instanceTypes ?? []).some((t) => t.committed1yHourlyUsd)) continue;
            plans.push(chosen ? optionsFor(file, ctx, variant, chosen) : serverOption(undefined, file, service, variant, choice.infeasibleBecause, profile, minInstances));
            // A hybrid is listed after the autoscaled servers. It pairs plain servers with functions (a Kubernetes
            // cluster is not paired too), on a size of its own.
            if (variant === 'on-demand-autoscaled' && cheapestFunction && service.kind !== 'kubernetes') {
              const baseline = chooseHybridSize(ctx, cheapestFunction, profile, week);
              if (baseline) plans.push(hybridFor(ctx, baseline, cheapestFunction));
            }
          }
        }
      }
      return plans;
    },
    cheaperSide(week) {
      // The function cheapest at the last probe bounds this one's best function from above: where no server
      // variant's floor is below it, serverless is the cheaper side without pricing the other functions
      // (a search's probes far below the crossing mostly end here).
      let serverless = Infinity;
      const bounding = lastCheapest;
      if (bounding) {
        serverless = bounding.price(week, 'estimate').usd;
        if (everyFloorReaches(week, serverless)) return 'serverless';
      }
      // A function's cost only grows with volume: one that cost more than the best so far at a lower volume of
      // this week's shape (the same hours, the same bursts) still does, by more than a float's rounding, and is
      // not estimated again. (A search over the peak makes a shape for each probe.)
      const requests = week.monthlyRequests;
      for (const { feasibleFunctions } of prepared)
        for (const known of feasibleFunctions) {
          const { option } = known;
          if (option === bounding || (known.knownShape === week.shape && known.knownRequests <= requests && known.knownUsd > serverless * (1 + 1e-12))) continue;
          const usd = option.price(week, 'estimate').usd;
          known.knownShape = week.shape;
          known.knownRequests = requests;
          known.knownUsd = usd;
          if (usd < serverless) [serverless, lastCheapest] = [usd, option];
        }
      for (const { file, servers } of prepared)
        for (const ctx of servers)
          for (const variant of SERVER_VARIANTS) {
            const option = serverOptionBelow(file, ctx, variant, week, serverless);
            if (option && option.price(week, 'estimate').usd < serverless) return 'traditional';
          }
      return serverless < Infinity ? 'serverless' : 'none';
    },
    cheapestPair(week) {
      let serverless: { plan: OptionPlan; total: Pico } | undefined;
      for (const { feasibleFunctions } of prepared)
        for (const { option } of feasibleFunctions) {
          const total = option.exactTotal(week);
          if (!serverless || total < serverless.total) serverless = { plan: option, total };
        }
      let traditional: { plan: OptionPlan; total: Pico } | undefined;
      let traditionalUsd = Infinity;
      for (const { file, servers } of prepared)
        for (const ctx of servers)
          for (const variant of SERVER_VARIANTS) {
            // A variant whose cost floor is above the best so far, by more than a float's rounding of an exact
            // total, cannot cost less or as much.
            const option = serverOptionBelow(file, ctx, variant, week, traditionalUsd * (1 + 1e-9) + 1e-9);
            if (!option) continue;
            const total = option.exactTotal(week);
            if (!traditional || total < traditional.total) [traditional, traditionalUsd] = [{ plan: option, total }, Number(total) / 1e12];
          }
      return { serverless, traditional };
    },
  };
}

/** All option plans for the pricing files in force at one traffic week (sizes chosen for it). */
export function optionPlans(files: readonly PricingFile[], profile: WorkloadProfile, week: TrafficWeek, minInstances: number, withHybrids = true): OptionPlan[] {
  return prepareOptions(files, profile, minInstances).plansAt(week, withHybrids);
}
