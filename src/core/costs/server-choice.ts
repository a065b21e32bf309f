// Which size of a server service to run for a variant at a traffic week: sizes ranked per request served,
// pruned by lower bounds and seeded with the last choice; and the cost floors searches use to rule a
// service out without sizing it.
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, WEEKS_PER_MONTH, type TrafficWeek } from '../traffic/week.js';
import { fleetDemand, fleetFor, fleetMemo, type Fleet, type FleetMemo, type ServerSize } from './servers.js';
import { pooledEgressUsd } from './pooled-transfer.js';
import { cheapestHourly, cheapestRates, rankedSizes, stateOf, type RankedSize } from './server-rates.js';
import type { ServerService, VariantState } from './server-service.js';
import { balancerTotal, fleetMode, isCommitted, type ServerPlan, type ServerVariant } from './traditional.js';

export interface ServerChoice {
  plan?: ServerPlan;
  infeasibleBecause: string[];
}

/** The reasons of every choice that found a size (sizes are chosen by the thousand). */
const FITS: string[] = Object.freeze([]) as unknown as string[];
/** The fleet of a plan not counted yet (its week is unset, so it is never read). */
const NO_FLEET: Fleet = Object.freeze({ hours: NaN, peak: NaN });

/**
 * The cheapest size of a service for `variant` at `week`'s traffic, ranked on a float estimate of the month
 * (instances, IPv4, ops per instance, and the load balancer when more than one server runs). A size whose
 * lower bound — its floor of instances, or the week's load at full use — already costs more than the best
 * so far is not sized at all.
 */
export function chooseServerPlan(ctx: ServerService, variant: ServerVariant, profile: WorkloadProfile, week: TrafficWeek, minInstances: number): ServerChoice {
  // A choice depends only on the week and the floor of instances (a seed makes it sooner, not different), so
  // the last one is kept: a hybrid re-sized at a month, right after its servers' own option, reuses it.
  const state = stateOf(ctx, variant);
  const last = state.lastChosen;
  if (last.week === week && last.minInstances === minInstances) return last.choice!;
  const choice = (ctx.nodeTwin && asNodeTwin(ctx, variant, chooseServerPlan(ctx.nodeTwin, variant, profile, week, minInstances))) || chooseAnew(ctx, variant, state, profile, week, minInstances);
  // Kept in place: choices are made by the thousand.
  last.week = week;
  last.minInstances = minInstances;
  last.choice = choice;
  return choice;
}

/**
 * A cluster's choice made from its node service's: the same size, with the fleet counted for it. Where the
 * nodes have no size that fits, the cluster makes its own choice, so that the reason names the cluster.
 */
function asNodeTwin(ctx: ServerService, variant: ServerVariant, nodes: ServerChoice): ServerChoice | undefined {
  const twin = nodes.plan;
  if (!twin) return undefined;
  const plan = planFor(ctx, variant, twin.size, twin.capacityRps);
  const known = plan.fleet;
  known.week = twin.fleet.week;
  known.minInstances = twin.fleet.minInstances;
  known.fleet = twin.fleet.fleet;
  plan.nodeTwin = twin;
  return plan.choice;
}

function chooseAnew(ctx: ServerService, variant: ServerVariant, state: VariantState, profile: WorkloadProfile, week: TrafficWeek, minInstances: number): ServerChoice {
  const { service } = ctx;
  const mode = fleetMode(variant);
  const cap = capHours(ctx, variant);
  const floorHours = minInstances * Math.min(HOURS_PER_MONTH, cap);
  // The size chosen last time (the previous month, a nearby volume) is costed first: a tight best from the
  // start prunes most sizes. Any seed gives the same choice; a good one gives it sooner.
  const seed = state.lastChoice;
  let bestFleet: Fleet | undefined;
  const seedCost = seed ? fleetCost(ctx, seed, profile, week, minInstances, mode, cap) : NaN;
  // Every size's cost only grows with traffic. Where the last full search was at a lower volume of this very
  // week shape, what it found every other size would cost at least still holds: a seed cheaper than all of
  // that is still the choice, without sizing anything else (months of growth re-choose this way).
  const rivals = state.rivals;
  if (seed && seedCost < rivals.atLeastUsd && rivals.shape === week.shape && rivals.burstFactor === week.burstFactor && rivals.minInstances === minInstances && rivals.scale <= week.scale && rivals.chosen === seed)
    return chosen(ctx, variant, state, seed, week, minInstances, costedFleet!);
  const loadSum = loadSumOf(week, mode, cap);
  const floorBalancer = minInstances > 1 ? balancerMonthly(ctx, week) : 0;
  // Sized by the thousand: the best so far is two plain values, and a fleet's cost a plain function.
  let best: RankedSize | undefined;
  let bestCost = Infinity;
  // The least any size other than the best can cost here: each one costed, or the lower bound that ruled it out.
  let othersAtLeast = Infinity;
  if (!Number.isNaN(seedCost)) {
    best = seed;
    bestCost = seedCost;
    bestFleet = costedFleet;
  }
  // Sizes come cheapest per request served first, so the bound from the week's load only grows: once it
  // alone passes the best cost, no later size can win. Equal costs go to the size the pricing file lists first.
  const ranking = rankedSizes(ctx, variant, profile);
  for (const ranked of ranking) {
    const { capacityRps, perHour, index } = ranked;
    const loadBound = (loadSum / capacityRps) * perHour + floorBalancer;
    if (best && loadBound > bestCost) {
      othersAtLeast = Math.min(othersAtLeast, loadBound);
      break;
    }
    if (ranked === seed) continue;
    const bound = Math.max(floorHours * perHour + floorBalancer, loadBound);
    if (best && (bound > bestCost || (bound === bestCost && index > best.index))) {
      othersAtLeast = Math.min(othersAtLeast, bound);
      continue;
    }
    const cost = fleetCost(ctx, ranked, profile, week, minInstances, mode, cap);
    // A fleet beyond its size's limit stays beyond it as traffic grows.
    if (Number.isNaN(cost)) continue;
    if (!best || cost < bestCost || (cost === bestCost && index < best.index)) {
      if (best) othersAtLeast = Math.min(othersAtLeast, bestCost);
      best = ranked;
      bestCost = cost;
      bestFleet = costedFleet;
    } else othersAtLeast = Math.min(othersAtLeast, cost);
  }
  if (best) {
    state.rivals = { shape: week.shape, burstFactor: week.burstFactor, minInstances, scale: week.scale, chosen: best, atLeastUsd: othersAtLeast };
    return chosen(ctx, variant, state, best, week, minInstances, bestFleet!);
  }
  // No size fits. Every size was costed (nothing prunes without a best), the seed first: the first of them
  // that had room for the work but not enough instances allowed is the reason.
  const tooMany = (ranked: RankedSize) => fleetFor(week, ranked.capacityRps, minInstances, mode, cap).peak > ranked.size.maxInstances;
  const capped = seed && tooMany(seed) ? seed : ranking.find(tooMany);
  const why = capped
    ? `${service.name} allows at most ${capped.size.maxInstances} ${capped.size.name} instance(s) and no other size fits; the week's peak needs ${fleetFor(week, capped.capacityRps, minInstances, mode, cap).peak}`
    : `no ${service.name} size${isCommitted(variant) ? ' with a 1-year commitment price' : ''} has room for one request of ${profile.execution.memoryMb} MB beside the memory kept for the system`;
  return { plan: undefined, infeasibleBecause: [why] };
}

/** The choice of `best`, whose fleet at `week` is `fleet`: kept as the next choice's seed. */
function chosen(ctx: ServerService, variant: ServerVariant, state: VariantState, best: RankedSize, week: TrafficWeek, minInstances: number, fleet: Fleet): ServerChoice {
  // Months mostly choose the size chosen the month before: its plan is at hand.
  const plan = best === state.lastChoice && state.lastPlan ? state.lastPlan : planFor(ctx, variant, best.size, best.capacityRps);
  state.lastChoice = best;
  state.lastPlan = plan;
  // The month about to be priced needs this very fleet: kept, not counted again.
  const known = plan.fleet;
  known.week = week;
  known.minInstances = minInstances;
  known.fleet = fleet;
  return plan.choice;
}

/** The fleet fleetCost costed last (read right after it, so choosing allocates nothing more). */
let costedFleet: Fleet | undefined;

/**
 * A size's month as chooseServerPlan ranks it: instance-hours at its hourly rate, and the balancer a fleet of
 * two or more needs (priced only then: most months of a small service never ask); where sizes bring transfer
 * of their own, the month's egress too (it then depends on the size); NaN when the fleet would exceed the
 * size's limit.
 */
function fleetCost(ctx: ServerService, ranked: RankedSize, profile: WorkloadProfile, week: TrafficWeek, minInstances: number, mode: 'committed' | 'fixed' | 'autoscaled', cap: number): number {
  const fleet = (costedFleet = fleetFor(week, ranked.capacityRps, minInstances, mode, cap, fleetMemoOf(ranked, mode)));
  const { hours, peak } = fleet;
  if (peak > ranked.size.maxInstances) return NaN;
  // One server needs no load balancer: its monthly bill can make one large server the cheaper fleet.
  const instances = hours * ranked.perHour + (peak > 1 ? balancerMonthly(ctx, week) : 0);
  if (!ctx.pooledTransfer) return instances;
  const pool = { network: ctx.network, size: ranked.size, monthlyCapHours: ctx.monthlyCapHours, balancerAddresses: 0 };
  return instances + pooledEgressUsd(pool, week.monthlyRequests, hours, ranked.perHour, profile);
}

/** A size's fleet memo for one mode, made on first use (most sizes are never costed). */
function fleetMemoOf(ranked: RankedSize, mode: 'committed' | 'fixed' | 'autoscaled'): FleetMemo {
  const fleets = (ranked.fleets ??= { autoscaled: undefined, fixed: undefined, committed: undefined });
  // Picked by comparison, not read by key (see stateOf).
  if (mode === 'autoscaled') return (fleets.autoscaled ??= fleetMemo());
  return mode === 'fixed' ? (fleets.fixed ??= fleetMemo()) : (fleets.committed ??= fleetMemo());
}

/** Hours an instance of this variant is billed at most a month: the provider's cap applies on demand only. */
function capHours(ctx: ServerService, variant: ServerVariant): number {
  return isCommitted(variant) ? Infinity : ctx.monthlyCapHours;
}

/**
 * A floor of the instance-hours × capacity a month of `mode` bills, in rps-hours: a fleet that follows the
 * load bills at least each hour's demand; a fixed one bills the busiest hour's demand in every hour. Shaved
 * by 1e-9 as instance counts are (a count is at least 1 and at least its load ÷ capacity less that share).
 */
function loadSumOf(week: TrafficWeek, mode: 'committed' | 'fixed' | 'autoscaled', cap: number): number {
  const demand = mode === 'autoscaled' ? demandSum(week) * WEEKS_PER_MONTH : fleetDemand(week)[0]! * week.scale * HOURS_PER_MONTH;
  return demand * Math.min(1, cap / HOURS_PER_MONTH) * (1 - 1e-9);
}

/** The load balancer's month with its own addresses, as a float: the same whatever the server size. */
function balancerMonthly(ctx: ServerService, week: TrafficWeek): number {
  const { loadBalancer } = ctx;
  return loadBalancer ? balancerTotal(ctx, week, 'estimate').usd + ctx.balancerAddresses * HOURS_PER_MONTH * ctx.ipHourlyEstimate : 0;
}

/**
 * Whether no size of this variant can cost less than `threshold` at `week` (always, when none is priced for
 * it), judged on a float floor of any size's estimate: the floor of instances at the cheapest hourly price
 * among all sizes — no size need be fitted to the work for that —, then the week's load served at full use
 * by the size cheapest per request, plus the balancer a floor of two needs. Public IPv4 is left out (an
 * allowance could make part of it free); every other line of a month is ≥ 0.
 */
export function serverCostReaches(ctx: ServerService, variant: ServerVariant, profile: WorkloadProfile, week: TrafficWeek, minInstances: number, threshold: number): boolean {
  const cap = capHours(ctx, variant);
  const floorHours = minInstances * Math.min(HOURS_PER_MONTH, cap);
  const balancer = ctx.loadBalancer && minInstances > 1 ? balancerTotal(ctx, week, 'estimate').usd : 0;
  if (floorHours * cheapestHourly(ctx, variant, profile) + balancer >= threshold) return true;
  const cheapest = cheapestRates(ctx, variant, profile);
  return !cheapest || Math.max(loadSumOf(week, fleetMode(variant), cap) * cheapest.perRps, floorHours * cheapest.perHour) + balancer >= threshold;
}

/** The plan of a size as hybrids use it: their baseline is the on-demand autoscaled variant's plan (the commitment, where priced, is the size's). */
export function sizePlan(ctx: ServerService, size: ServerSize, capacityRps: number): ServerPlan {
  return planFor(ctx, 'on-demand-autoscaled', size, capacityRps);
}

function planFor(ctx: ServerService, variant: ServerVariant, size: ServerSize, capacityRps: number): ServerPlan {
  const bySize = (stateOf(ctx, variant).plans ??= new Map());
  let plan = bySize.get(size);
  if (!plan) {
    const { file } = ctx;
    plan = {
      provider: file.provider,
      effectiveDate: file.effectiveDate,
      service: ctx.service,
      variant,
      size,
      capacityRps,
      loadBalancer: ctx.loadBalancer,
      network: ctx.network,
      ipHourlyEstimate: ctx.ipHourlyEstimate,
      balancerAddresses: ctx.balancerAddresses,
      monthlyCapHours: ctx.monthlyCapHours,
      // Every plan has every field, set or not: the pricing loops then meet one object shape, not four.
      controlPlane: ctx.controlPlane,
      controlPlaneMonths: ctx.controlPlaneMonths,
      balancerMonths: ctx.balancerMonths,
      fleet: { week: undefined, minInstances: NaN, variant, fleet: NO_FLEET },
      nodeTwin: undefined,
      lastMonth: { week: undefined, minInstances: NaN, total: 0 },
      fleetPart: { hours: NaN, transfer: 0, peak: NaN, total: 0 },
      choice: undefined as unknown as ServerChoice,
      hybridSearch: undefined,
    };
    // A plan is always the same choice: one object, however many months choose it.
    plan.choice = { plan, infeasibleBecause: FITS };
    bySize.set(size, plan);
  }
  return plan;
}

/** The week's capacity demand summed over its hours, in requests per second. */
function demandSum(week: TrafficWeek): number {
  const derived = week.shape.derived;
  let sum = derived.demandSum;
  if (sum === undefined) {
    const demand = fleetDemand(week);
    sum = 0;
    for (let h = 0; h < HOURS_PER_WEEK; h++) sum += demand[h]!;
    derived.demandSum = sum;
  }
  return sum * week.scale;
}
