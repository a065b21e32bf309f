// A server service's sizes for one variant, ranked by price per request served, and the lowest rates among
// them: worked out on first use and kept in the service's state, for the choice of a size and the cost floors.
import type { WorkloadProfile } from '../profile/schema.js';
import { opsPerInstanceHourUsd, type FleetMemo, type ServerSize } from './servers.js';
import { fittingSizes, type ServerService, type VariantState } from './server-service.js';
import { isCommitted, type ServerVariant } from './traditional.js';

export function stateOf(ctx: ServerService, variant: ServerVariant): VariantState {
  // Compared, not read by key: a keyed read that meets several names in one place goes megamorphic (a
  // lookup on every call); two comparisons of interned strings cost next to nothing.
  const { variants } = ctx;
  return variant === 'on-demand-autoscaled' ? variants['on-demand-autoscaled'] : variant === 'on-demand-fixed' ? variants['on-demand-fixed'] : variants['committed-fixed'];
}

/** The lowest hourly price (with ops, without IPv4) among all of a variant's sizes; Infinity when none is priced for it. */
export function cheapestHourly(ctx: ServerService, variant: ServerVariant, profile: WorkloadProfile): number {
  const state = stateOf(ctx, variant);
  let hourly = state.cheapestHourly;
  if (hourly === undefined) {
    hourly = (isCommitted(variant) ? ctx.lowestHourly.committed : ctx.lowestHourly.onDemand) + opsPerInstanceHourUsd(profile);
    state.cheapestHourly = hourly;
  }
  return hourly;
}

/** The lowest hourly price and price per request served among a variant's sizes, IPv4 left out; nothing when no size has such a price. */
export function cheapestRates(ctx: ServerService, variant: ServerVariant, profile: WorkloadProfile): CheapestRates | undefined {
  const state = stateOf(ctx, variant);
  if (state.cheapest === undefined) {
    const opsPerInstanceHour = opsPerInstanceHourUsd(profile);
    let [perHourLeast, perRpsLeast, priced] = [Infinity, Infinity, false];
    for (const { size, capacityRps } of fittingSizes(ctx)) {
      const hourly = isCommitted(variant) ? size.committedHourlyEstimate : size.hourlyEstimate;
      if (hourly === undefined) continue;
      const perHour = hourly + opsPerInstanceHour;
      perHourLeast = Math.min(perHour, perHourLeast);
      perRpsLeast = Math.min(perHour / capacityRps, perRpsLeast);
      priced = true;
    }
    state.cheapest = priced ? { perHour: perHourLeast, perRps: perRpsLeast } : null;
  }
  return state.cheapest ?? undefined;
}

export interface CheapestRates {
  perHour: number;
  perRps: number;
}

export interface RankedSize {
  size: ServerSize;
  capacityRps: number;
  /** Price of an instance-hour with its IPv4 address and ops share, as a float (on demand or committed). */
  perHour: number;
  /** Position among the fitting sizes (the pricing file's order): equal costs go to the size listed first. */
  index: number;
  /** perHour ÷ capacityRps: the ranking key. */
  perRps: number;
  /** The last fleet of this size in each mode, for the next month to take while no hour's count changes (made on first use). */
  fleets: Record<'autoscaled' | 'fixed' | 'committed', FleetMemo | undefined> | undefined;
}

/** A service's sizes priced for one variant (sizes without such a price left out), cheapest per request served first. */
export function rankedSizes(ctx: ServerService, variant: ServerVariant, profile: WorkloadProfile): RankedSize[] {
  const committed = isCommitted(variant);
  let ranked = committed ? ctx.ranked.committed : ctx.ranked.onDemand;
  if (!ranked) {
    const opsPerInstanceHour = opsPerInstanceHourUsd(profile);
    const fitting = fittingSizes(ctx);
    ranked = [];
    for (let index = 0; index < fitting.length; index++) {
      const { size, capacityRps } = fitting[index]!;
      const hourly = committed ? size.committedHourlyEstimate : size.hourlyEstimate;
      if (hourly === undefined) continue;
      const perHour = hourly + ctx.ipHourlyEstimate + opsPerInstanceHour;
      const entry: RankedSize = { size, capacityRps, perHour, index, perRps: perHour / capacityRps, fleets: undefined };
      // Insertion in place (a service lists a few dozen sizes at most), after every size as cheap per request
      // served: sizes arrive in the file's order, so equal ones stay in it.
      let at = ranked.length;
      ranked.push(entry);
      while (at > 0 && ranked[at - 1]!.perRps > entry.perRps) {
        ranked[at] = ranked[at - 1]!;
        at--;
      }
      ranked[at] = entry;
    }
    if (committed) ctx.ranked.committed = ranked;
    else ctx.ranked.onDemand = ranked;
  }
  return ranked;
}
