// What a server fleet needs around it: a load balancer, egress, public IPv4 addresses. Priced from the
// provider's own load-balancer and network services with the one generic pricing function.
import type { Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, WEEKS_PER_MONTH, type TrafficWeek, type WeekShape } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import type { Bill } from './bill.js';
import type { PricedItem } from './price-item.js';
import { itemsOf, priceItems, priceServiceItems } from './service-lines.js';

const KB_PER_GB = 1024 * 1024;
export function egressGb(requests: number, execution: WorkloadProfile['execution']): number {
  return (requests * execution.egressKbPerResponse) / KB_PER_GB;
}

/**
 * Application Load Balancer capacity units: each hour is billed on its busiest dimension; the two that
 * a request/response API moves are new connections (25 per second per LCU) and bytes processed (1 GB per
 * hour per LCU). https://aws.amazon.com/elasticloadbalancing/pricing/
 */
export function lcuHours(week: TrafficWeek, execution: WorkloadProfile['execution']): number {
  return lcuHoursAtUnitVolume(week.shape, execution) * week.scale;
}

/**
 * LCU-hours are linear in volume for a given shape (both dimensions scale with the rate): computed once per
 * shape and request size, and kept with the shape.
 */
function lcuHoursAtUnitVolume(shape: WeekShape, execution: WorkloadProfile['execution']): number {
  const kbPerRequest = execution.payloadKb + execution.egressKbPerResponse;
  const known = shape.derived.lcu;
  if (known?.kbPerRequest === kbPerRequest) return known.hours;
  let total = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const rps = shape.hourlyRps[h]!;
    const byConnections = (rps * ASSUMPTIONS.newConnectionsPerRequest) / 25;
    const byBytes = (rps * 3600 * kbPerRequest) / KB_PER_GB;
    total += Math.max(byConnections, byBytes);
  }
  total *= WEEKS_PER_MONTH;
  shape.derived.lcu = { kbPerRequest, hours: total };
  return total;
}

/** Nodes a load balancer sold by the node runs to carry the week's peak; 1 for those that scale themselves. */
function loadBalancerNodes(lb: Service, week: TrafficWeek): number {
  const sizing = lb.billing?.loadBalancerNodes;
  return sizing ? Math.max(1, Math.ceil(week.peakRps / sizing.rpsPerNode - 1e-9)) : 1;
}

export function loadBalancerLines(lb: Service, week: TrafficWeek, profile: WorkloadProfile, applyFreeTier: boolean, bill: Bill): void {
  const nodes = loadBalancerNodes(lb, week);
  const usage = {
    'lb-hour': HOURS_PER_MONTH * nodes,
    'lcu-hour': lcuHours(week, profile.execution),
    'egress-gb': egressGb(week.monthlyRequests, profile.execution),
    month: nodes,
  };
  priceServiceItems(lb, usage, applyFreeTier, bill);
}

const NETWORK_METERS = ['egress-gb', 'ip-hour'] as const;

/** What networkLines needs of a fleet: its network service, its balancer, and its size's pooled transfer. */
export interface NetworkedFleet {
  network?: Service;
  /** The network service's egress and IPv4 items (networkItemsOf), chosen once. */
  networkItems: readonly PricedItem[];
  loadBalancer?: Service;
  size: { includedEgressGb: number };
}

/** The items of a network service a fleet's month prices: egress and public IPv4. */
export function networkItemsOf(network: Service | undefined): readonly PricedItem[] {
  return network ? itemsOf(network, 'all', NETWORK_METERS) : [];
}

// The meter quantities of a network month, filled in for each call: priceItems reads them before it
// returns, and projections price thousands of such months.
const networkUsage = { 'egress-gb': 0, 'ip-hour': 0 };
const networkIncluded = { 'egress-gb': 0 };

/**
 * Egress and public IPv4 of a fleet's month from the provider's network service (nothing without one):
 * `requests` answered by `hours` instance-hours, each with an address, and the balancer's own addresses when
 * one runs. Transfer that comes with the servers (DigitalOcean pools each droplet's allowance) is shown as
 * included, then charged above it.
 */
export function networkLines(fleet: NetworkedFleet, requests: number, hours: number, balanced: boolean, profile: WorkloadProfile, bill: Bill): void {
  if (!fleet.network) return;
  const lbIps = balanced ? (fleet.loadBalancer!.billing?.publicIpAddresses ?? 0) * HOURS_PER_MONTH : 0;
  networkUsage['egress-gb'] = egressGb(requests, profile.execution);
  networkUsage['ip-hour'] = hours + lbIps;
  networkIncluded['egress-gb'] = (fleet.size.includedEgressGb * hours) / HOURS_PER_MONTH;
  priceItems(fleet.network, fleet.networkItems, networkUsage, profile.applyFreeTier, bill, networkIncluded);
}

