// What a server fleet needs around it: a load balancer, egress, public IPv4 addresses. Priced from the
// provider's own load-balancer and network services with the one generic pricing function.
import type { Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, WEEKS_PER_MONTH, type TrafficWeek, type WeekShape } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { monthTotals, totalOnce, type Bill, type MonthTotal, type MonthTotals } from './bill.js';
import type { PricedItem } from './price-item.js';
import { itemsOf, priceItems } from './service-lines.js';

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

// A balancer month's meter quantities, filled in for each call (priceItems reads them before it returns).
const balancerUsage = { 'lb-hour': 0, 'lcu-hour': 0, 'egress-gb': 0, month: 0 };

/** `items`: the balancer's items (itemsOf), chosen by the caller that prices its months one after another. */
export function loadBalancerLines(lb: Service, week: TrafficWeek, profile: WorkloadProfile, applyFreeTier: boolean, bill: Bill, items = itemsOf(lb, 'all')): void {
  const nodes = loadBalancerNodes(lb, week);
  balancerUsage['lb-hour'] = HOURS_PER_MONTH * nodes;
  balancerUsage['lcu-hour'] = lcuHours(week, profile.execution);
  balancerUsage['egress-gb'] = egressGb(week.monthlyRequests, profile.execution);
  balancerUsage.month = nodes;
  priceItems(lb, items, balancerUsage, applyFreeTier, bill);
}

const NETWORK_METERS = ['egress-gb', 'ip-hour'] as const;
const EGRESS_METER = ['egress-gb'] as const;
const IP_METER = ['ip-hour'] as const;

/**
 * A network service made ready for one profile: its egress and IPv4 items, and its egress months kept by
 * monthly requests. Egress does not depend on the servers (unless they bring transfer of their own), so every
 * fleet of a provider that meets the same requests in turn — each server option of a projection's month —
 * adds one egress total.
 */
export interface NetworkPricing {
  service: Service;
  /** Egress and public IPv4 items, for bills that show their lines. */
  items: readonly PricedItem[];
  egressItems: readonly PricedItem[];
  ipItems: readonly PricedItem[];
  egressMonths: MonthTotals<number>;
}

export function networkPricing(network: Service, profile: WorkloadProfile): NetworkPricing {
  const egressItems = itemsOf(network, 'all', EGRESS_METER);
  const egressUsage = { 'egress-gb': 0 };
  return {
    service: network,
    items: itemsOf(network, 'all', NETWORK_METERS),
    egressItems,
    ipItems: itemsOf(network, 'all', IP_METER),
    egressMonths: monthTotals((bill, requests) => {
      egressUsage['egress-gb'] = egressGb(requests, profile.execution);
      priceItems(network, egressItems, egressUsage, profile.applyFreeTier, bill);
    }),
  };
}

/** What networkLines needs of a fleet: its network service, its balancer, and its size's pooled transfer. */
export interface NetworkedFleet {
  /** The provider's network service made ready for the profile (none: no egress or IPv4 is charged). */
  network?: NetworkPricing;
  loadBalancer?: Service;
  /** Public IPv4 addresses the balancer holds, billed while it runs. */
  balancerAddresses: number;
  size: { includedEgressGb: number };
  /** Hours after which an instance's month is billed at its monthly price (Infinity: no cap): see pooledGb. */
  monthlyCapHours: number;
}

/**
 * GiB of transfer a fleet's pool holds after `hours` billed instance-hours: each accrues its share of the size's
 * monthly allowance, so an instance billed all month (DigitalOcean: 672 hours, the cap) brings all of it.
 */
export function pooledGb(fleet: NetworkedFleet, hours: number): number {
  return (fleet.size.includedEgressGb * hours) / Math.min(HOURS_PER_MONTH, fleet.monthlyCapHours);
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
  const network = fleet.network;
  if (!network) return;
  if (!bill.itemised && sharesEgress(fleet)) {
    // Lines added exactly in any order: egress as the provider's shared total, then the addresses.
    bill.addTotal(egressTotal(network, requests, bill.mode as 'estimate' | 'exact'));
    addressLines(fleet, hours, balanced, profile, bill);
    return;
  }
  networkUsage['ip-hour'] = addressHours(fleet, hours, balanced);
  networkUsage['egress-gb'] = egressGb(requests, profile.execution);
  networkIncluded['egress-gb'] = pooledGb(fleet, hours);
  priceItems(network.service, network.items, networkUsage, profile.applyFreeTier, bill, networkIncluded);
}

/** Whether a fleet's egress is the provider's alone (its servers bring no transfer of their own): then it depends on requests only. */
export function sharesEgress(fleet: NetworkedFleet): boolean {
  return fleet.size.includedEgressGb === 0;
}

/** The egress of `requests` a month, priced once per volume for every fleet that shares it (see sharesEgress). */
export function egressTotal(network: NetworkPricing, requests: number, mode: 'estimate' | 'exact'): MonthTotal {
  return totalOnce(network.egressMonths, requests, mode);
}

/** Address-hours of `hours` instance-hours, and of the balancer's own addresses when one runs. */
function addressHours(fleet: NetworkedFleet, hours: number, balanced: boolean): number {
  return hours + (balanced ? fleet.balancerAddresses * HOURS_PER_MONTH : 0);
}

/** The public IPv4 addresses of a fleet's month (see networkLines), without its egress. */
export function addressLines(fleet: NetworkedFleet, hours: number, balanced: boolean, profile: WorkloadProfile, bill: Bill): void {
  const network = fleet.network;
  if (!network) return;
  networkUsage['ip-hour'] = addressHours(fleet, hours, balanced);
  priceItems(network.service, network.ipItems, networkUsage, profile.applyFreeTier, bill);
}
