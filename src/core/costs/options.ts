// Every option the engine prices for a profile: functions per function service, servers per server
// service and variant, and a hybrid per provider that has both. Each is a plan that can price any month.
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { toSignificant } from '../significant.js';
import type { TrafficWeek } from '../traffic/week.js';
import { Bill, NO_LINES, type BillMode, type MoneyLine } from './bill.js';
import { bestHybridMonth } from './hybrid.js';
import type { Pico } from './money.js';
import { functionPlans, functionsAloneTotal, priceFunctionsAlone, type FunctionPlan } from './serverless.js';
import { chooseServerPlan, serverCostReaches } from './server-choice.js';
import { linkNodeTwins, serverService, sharedSurroundings, type ServerService } from './server-service.js';
import { priceServerMonth, serverMonthTotal, VARIANT_LABEL, type ServerPlan, type ServerVariant } from './traditional.js';

export type Architecture = 'serverless' | 'traditional' | 'hybrid';

export interface PricedMonth {
  /** The exact total, in pico-dollars; 0 for an estimate. */
  total: Pico;
  /** The total as a float: the estimate, or the exact total rounded. */
  usd: number;
  /** The line items (itemised bills only). */
  lines: MoneyLine[];
  /** What a person needs to redo the month: instance counts, billed shapes, the hybrid split (itemised bills only). */
  details: Record<string, string | number>;
  /** A hybrid's chosen baseline of servers, whatever the bill's mode. */
  baselineInstances?: number;
}

const NO_DETAILS: Record<string, string | number> = Object.freeze({});

/** A month kept as its total only (estimates and exact bills: projections price thousands of these). */
function totalOnly(total: Pico, usd: number): PricedMonth {
  return { total, usd, lines: NO_LINES, details: NO_DETAILS, baselineInstances: undefined };
}

/** An itemised bill's month, with the details a person needs to redo it. */
function pricedMonth(bill: Bill, details: Record<string, string | number>): PricedMonth {
  return { total: bill.totalPico, usd: bill.totalUsd, lines: bill.lines, details, baselineInstances: undefined };
}

export interface OptionPlan {
  /** Stable id, e.g. "aws/lambda-arm/on-demand" or "aws/ec2/on-demand-autoscaled". */
  id: string;
  architecture: Architecture;
  provider: PricingFile['provider'];
  effectiveDate: string;
  service: string;
  serviceName: string;
  /** How the service is used, e.g. "m7g.large, on demand, autoscaled hour by hour". */
  variant: string;
  infeasibleBecause: string[];
  /** The month at `week`'s traffic: a float estimate, an exact total, or (the default) itemised. */
  price(week: TrafficWeek, mode?: BillMode): PricedMonth;
  /** The exact total of the month at `week`, in pico-dollars: price(week, 'exact').total, as projections read it. */
  exactTotal(week: TrafficWeek): Pico;
  // Every option object has every field, set or not (one object shape for the loops that read them).
  /** For a hybrid: the two parts it is built from, so it can be checked against each alone. */
  parts?: { server: ServerPlan; fn: FunctionPlan };
  /** For a function option: its plan (a hybrid's parts.fn is one), so that the two can be matched. */
  functionPlan?: FunctionPlan;
  /**
   * For an option with servers: the same option with its servers re-sized for `week` (a hybrid keeps its
   * function), or the reasons no size fits there. Options without servers are the same at every volume.
   */
  resizedAt?(week: TrafficWeek): OptionPlan | string[];
}

export const SERVER_VARIANTS: readonly ServerVariant[] = ['on-demand-autoscaled', 'on-demand-fixed', 'committed-fixed'];


function functionOption(fn: FunctionPlan, profile: WorkloadProfile): OptionPlan {
  const { service, shape, mode } = fn;
  const variant =
    mode === 'provisioned'
      ? "warm capacity sized to each hour's concurrency (no cold starts)"
      : 'on demand, scales to zero';
  return {
    id: `${fn.provider}/${service.id}/${mode}`,
    architecture: 'serverless',
    provider: fn.provider,
    effectiveDate: fn.effectiveDate,
    service: service.id,
    serviceName: service.name,
    variant,
    infeasibleBecause: fn.infeasibleBecause,
    parts: undefined,
    functionPlan: fn,
    resizedAt: undefined,
    exactTotal: (week) => functionsAloneTotal(fn, week, 'exact').total,
    price(week, billMode = 'itemised') {
      if (billMode !== 'itemised') {
        const { total, usd } = functionsAloneTotal(fn, week, billMode);
        return totalOnly(total, usd);
      }
      const bill = new Bill(billMode);
      priceFunctionsAlone(fn, profile, week, bill);
      return pricedMonth(bill, {
        billedDurationMs: shape.billedDurationMs,
        billedMemoryMb: shape.billedMemoryMb,
        mode,
        // Where cold starts bill their INIT phase: the share of invocations and the time each adds.
        ...(mode === 'on-demand' && shape.billedInitMs > 0 ? { coldStartPercent: shape.coldStartShare * 100, billedInitMsPerColdStart: shape.billedInitMs } : {}),
        ...(fn.gateway ? { gateway: fn.gateway.id } : {}),
      });
    },
  };
}

function serverOption(plan: ServerPlan | undefined, file: PricingFile, service: ServerService['service'], variant: ServerVariant, why: string[], profile: WorkloadProfile, minInstances: number): OptionPlan {
  return {
    id: `${file.provider}/${service.id}/${variant}`,
    architecture: 'traditional',
    provider: file.provider,
    effectiveDate: file.effectiveDate,
    service: service.id,
    serviceName: service.name,
    variant: plan ? `${plan.size.name}, ${VARIANT_LABEL[variant]}` : VARIANT_LABEL[variant],
    infeasibleBecause: why,
    parts: undefined,
    functionPlan: undefined,
    resizedAt: undefined,
    exactTotal: (week) => serverMonthTotal(plan!, profile, week, minInstances),
    price(week, billMode = 'itemised') {
      if (billMode === 'exact') {
        const total = serverMonthTotal(plan!, profile, week, minInstances);
        return totalOnly(total, Number(total) / 1e12);
      }
      const bill = new Bill(billMode);
      const month = priceServerMonth(plan!, profile, week, minInstances, bill);
      // Projections price thousands of these months: only the itemised one has details.
      if (!bill.itemised) return totalOnly(bill.totalPico, bill.totalUsd);
      return pricedMonth(bill, {
        instanceType: plan!.size.name,
        perInstanceRps: toSignificant(plan!.capacityRps, 6),
        minInstances: month.minInstances,
        peakInstances: month.peakInstances,
        instanceHours: toSignificant(month.instanceHours, 10),
      });
    },
  };
}

function hybridOption(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile): OptionPlan {
  return {
    id: `${fn.provider}/${server.service.id}+${fn.service.id}/hybrid`,
    architecture: 'hybrid',
    provider: fn.provider,
    effectiveDate: fn.effectiveDate,
    service: `${server.service.id}+${fn.service.id}`,
    serviceName: `${server.service.name} + ${fn.service.name}`,
    variant: `${server.size.name} baseline${server.size.committedHourlyEstimate !== undefined ? ' (1-year commitment)' : ''}, overflow to functions`,
    infeasibleBecause: [],
    parts: { server, fn },
    functionPlan: undefined,
    resizedAt: undefined,
    exactTotal: (week) => bestHybridMonth(server, fn, profile, week, 'exact').total,
    price(week, billMode = 'itemised') {
      const month = bestHybridMonth(server, fn, profile, week, billMode);
      const details =
        billMode === 'itemised'
          ? {
              instanceType: server.size.name,
              baselineInstances: month.baselineInstances,
              baselineSharePercent: Number((month.baselineShare * 100).toFixed(2)),
              functionSharePercent: Number(((1 - month.baselineShare) * 100).toFixed(2)),
              functionService: fn.service.id,
            }
          : NO_DETAILS;
      return { total: month.total, usd: month.usd, lines: month.lines, details, baselineInstances: month.baselineInstances };
    },
  };
}

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
}

export type PureSide = 'serverless' | 'traditional' | 'none';

/**
 * What does not depend on volume is prepared once: function plans (shapes, limits, warm or not) and each
 * traditional service's surroundings and fitting sizes. A hybrid pairs each server service's autoscaled
 * choice with the provider's cheapest feasible function at that week; re-sized for another week, it keeps
 * that function (an option stays the same option as traffic grows).
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
  const optionsOf = new Map<ServerPlan, { server: OptionPlan; hybrids: Map<FunctionPlan, OptionPlan> }>();
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
  // Months that choose the same size (and hybrid function) share one option object.
  const optionsFor = (file: PricingFile, ctx: ServerService, variant: ServerVariant, chosen: ServerPlan) => {
    let forPlan = optionsOf.get(chosen);
    if (!forPlan) {
      const server = serverOption(chosen, file, ctx.service, variant, [], profile, minInstances);
      server.resizedAt = resizing(ctx, variant, (plan) => optionsFor(file, ctx, variant, plan).server);
      optionsOf.set(chosen, (forPlan = { server, hybrids: new Map() }));
    }
    return forPlan;
  };
  const hybridFor = (file: PricingFile, ctx: ServerService, chosen: ServerPlan, fn: FunctionPlan): OptionPlan => {
    const { hybrids } = optionsFor(file, ctx, 'on-demand-autoscaled', chosen);
    let hybrid = hybrids.get(fn);
    if (!hybrid) {
      hybrid = hybridOption(chosen, fn, profile);
      // Where the servers have no size that fits, their reasons are the hybrid's.
      hybrid.resizedAt = resizing(ctx, 'on-demand-autoscaled', (plan) => hybridFor(file, ctx, plan, fn));
      hybrids.set(fn, hybrid);
    }
    return hybrid;
  };
  // The server option of a variant at `week`, sized there, unless its cost floor reaches `threshold` (then it
  // is not sized at all) or no size fits.
  const serverOptionBelow = (file: PricingFile, ctx: ServerService, variant: ServerVariant, week: TrafficWeek, threshold: number): OptionPlan | undefined => {
    if (serverCostReaches(ctx, variant, profile, week, minInstances, threshold)) return undefined;
    const { plan } = chooseServerPlan(ctx, variant, profile, week, minInstances);
    return plan && optionsFor(file, ctx, variant, plan).server;
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
            // A service without any commitment prices simply has no committed option.
            if (variant === 'committed-fixed' && !choice.plan && !(service.instanceTypes ?? []).some((t) => t.committed1yHourlyUsd)) continue;
            const { plan: chosen } = choice;
            if (!chosen) {
              plans.push(serverOption(undefined, file, service, variant, choice.infeasibleBecause, profile, minInstances));
              continue;
            }
            plans.push(optionsFor(file, ctx, variant, chosen).server);
            // Hybrids pair plain servers with functions; a Kubernetes cluster is not paired too.
            if (variant === 'on-demand-autoscaled' && cheapestFunction && service.kind !== 'kubernetes') plans.push(hybridFor(file, ctx, chosen, cheapestFunction));
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
