// Transfer that comes with the servers: DigitalOcean pools each Droplet's (and App Platform container's) monthly
// allowance across a team, accrued hour by hour up to the plan's monthly maximum. What a fleet's pool holds, and
// when running more instance-hours for their allowance alone costs less than the egress beyond the pool: a
// Droplet of $24 a month brings 4,000 GiB, which would cost $40 at $0.01 per GiB.
import type { WorkloadProfile } from '../profile/schema.js';
import { Bill } from './bill.js';
import { priceItems } from './service-lines.js';
import { opsPerInstanceHourUsd, type ServerSize } from './servers.js';
import { egressGb, pooledGb, type NetworkedFleet } from './support-lines.js';

// The meter quantities of an estimate, filled in for each call (priceItems reads them before it returns).
const usage = { 'egress-gb': 0 };
const included = { 'egress-gb': 0 };

/**
 * A month's egress beyond a fleet's pool: what it would cost, and the instance-hours of the fleet's size that
 * would pool it (Infinity for a size without an allowance), as floats; nothing without a network service.
 */
function beyondPool(fleet: NetworkedFleet, requests: number, hours: number, profile: WorkloadProfile): { usd: number; poolingHours: number } {
  const { network } = fleet;
  if (!network) return NOTHING_BEYOND;
  const egress = egressGb(requests, profile.execution);
  const pooled = pooledGb(fleet, hours);
  if (egress <= pooled) return NOTHING_BEYOND;
  const bill = new Bill('estimate');
  usage['egress-gb'] = egress;
  included['egress-gb'] = pooled;
  priceItems(network.service, network.egressItems, usage, profile.applyFreeTier, bill, included);
  // A billionth more than exactly enough: the pool then holds every GiB, float rounding included.
  const perHourGb = pooledGb(fleet, 1);
  return { usd: bill.totalUsd, poolingHours: perHourGb > 0 ? ((egress - pooled) / perHourGb) * (1 + 1e-9) : Infinity };
}

const NOTHING_BEYOND = Object.freeze({ usd: 0, poolingHours: 0 });

/**
 * Instance-hours worth running beyond a fleet's `hours` for their transfer allowance alone: as many as pool the
 * egress of `requests` beyond what the fleet pools, where they cost less (at `instanceHourUsd` each, an estimate
 * with what else an instance adds) than that egress would; 0 otherwise, and for sizes without an allowance.
 * Egress beyond a pool is priced the same for every GiB (or cheaper by volume): adding instances for part of it
 * never beats both adding none and adding all.
 */
export function transferHours(fleet: NetworkedFleet, requests: number, hours: number, instanceHourUsd: number, profile: WorkloadProfile): number {
  const { usd, poolingHours } = beyondPool(fleet, requests, hours, profile);
  return poolingHours * instanceHourUsd < usd ? poolingHours : 0;
}

/**
 * transferHours for a fleet of `fleet`'s size run on demand or `committed`, at what its instance-hour costs
 * (instanceHourUsd); 0 at once for sizes without an allowance of their own, which months price by the thousand.
 */
export function transferHoursFor(fleet: NetworkedFleet & { size: ServerSize; ipHourlyEstimate: number }, committed: boolean, requests: number, hours: number, profile: WorkloadProfile): number {
  if (fleet.size.includedEgressGb === 0) return 0;
  return transferHours(fleet, requests, hours, instanceHourUsd(fleet, committed, profile), profile);
}

/**
 * A month's egress for a fleet of `hours` as a float, as sizes are ranked where some bring transfer of their own:
 * what it costs beyond the fleet's pool, or the instance-hours that pool it where those cost less.
 */
export function pooledEgressUsd(fleet: NetworkedFleet, requests: number, hours: number, instanceHourUsd: number, profile: WorkloadProfile): number {
  const { usd, poolingHours } = beyondPool(fleet, requests, hours, profile);
  return Math.min(usd, poolingHours * instanceHourUsd);
}

/** What an instance-hour of `fleet`'s size costs, as a float: on demand or committed, with its address and share of ops effort. */
export function instanceHourUsd(fleet: { size: ServerSize; ipHourlyEstimate: number }, committed: boolean, profile: WorkloadProfile): number {
  const { size } = fleet;
  return (committed ? size.committedHourlyEstimate! : size.hourlyEstimate) + fleet.ipHourlyEstimate + opsPerInstanceHourUsd(profile);
}
