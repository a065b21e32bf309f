// Traditional options: a VM, container or cluster service's plan at one size, run autoscaled or fixed at the
// week's peak, on demand or with a 1-year commitment, and a month of it priced: instances, control plane, load
// balancer, egress and IPv4. The service made ready for a profile is server-service.ts's; which size runs,
// server-choice.ts's.
import type { PricingFile, Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, type TrafficWeek } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { Bill, totalOnce, type MonthTotal, type MonthTotals } from './bill.js';
import { addPico, type Pico } from './money.js';
import type { HybridSearch } from './hybrid.js';
import { transferHoursFor } from './pooled-transfer.js';
import type { ServerChoice } from './server-choice.js';
import { fleetFor, opsLine, type Fleet, type ServerSize } from './servers.js';
import { priceServiceItems } from './service-lines.js';
import { addressLines, egressTotal, loadBalancerLines, networkLines, sharesEgress, type NetworkPricing } from './support-lines.js';

export type ServerVariant = 'on-demand-autoscaled' | 'on-demand-fixed' | 'committed-fixed';

// Text the engine writes into evaluations is ASCII where it can be (a plain apostrophe, not ’): one curly
// quote makes the whole ~160 KB answer a two-byte string, which takes twice as long to encode as UTF-8.
export const VARIANT_LABEL: Record<ServerVariant, string> = {
  'on-demand-autoscaled': 'on demand, autoscaled hour by hour',
  'on-demand-fixed': "on demand, fixed at the week's peak",
  'committed-fixed': "1-year commitment, fixed at the week's peak",
};

/** What surrounds a service's servers, the same for every size and variant: a service and its plans both carry it. */
export interface FleetSurroundings {
  loadBalancer?: Service;
  /** The provider's network service (egress, IPv4) made ready for the profile, shared by its services. */
  network?: NetworkPricing;
  /** Price per public IPv4 address-hour as a float, for ranking sizes; 0 when not charged. */
  ipHourlyEstimate: number;
  /** Public IPv4 addresses the load balancer holds (0 without one), read here rather than from each table's own billing object. */
  balancerAddresses: number;
  /** Hours after which an on-demand instance's month is billed at its monthly price (Infinity: no cap). */
  monthlyCapHours: number;
  /** Managed Kubernetes: the service whose control-plane fee the cluster pays. */
  controlPlane?: Service;
  /** The control plane's month, the same at every traffic (see controlPlaneLines); none for plain servers. */
  controlPlaneMonths?: MonthTotals<Service>;
  /** The load balancer's months, shared by the service's plans (see priceBalancer); none without a balancer. */
  balancerMonths?: BalancerMonths;
}

/**
 * A server service with the size chosen for one variant, ready to price any month. Its records of the last
 * fleet and month are updated in place (sizes are chosen and months priced by the thousand): a copy of a plan
 * made to price it otherwise must not share them.
 */
export interface ServerPlan extends FleetSurroundings {
  provider: PricingFile['provider'];
  effectiveDate: string;
  service: Service;
  variant: ServerVariant;
  size: ServerSize;
  capacityRps: number;
  /** The fleet counted when this size was last chosen, for the month priced next (week unset: none yet). */
  fleet: { week: TrafficWeek | undefined; minInstances: number; variant: ServerVariant; fleet: Fleet };
  /** A cluster's node VMs as a plan of their own service, where they are priced alike (see ServerService.nodeTwin). */
  nodeTwin?: ServerPlan;
  /** The last exact month priced (serverMonthTotal), with the week and floor of instances it was priced for (week unset: none yet). */
  lastMonth: { week: TrafficWeek | undefined; minInstances: number; total: Pico };
  /**
   * The exact part of a month that the fleet alone decides — instances, control plane, addresses (where egress
   * is shared), ops — for the last fleet priced (hours NaN: none yet): months of growth mostly keep their fleet.
   */
  fleetPart: { hours: number; transfer: number; peak: number; total: Pico };
  /** This plan as a size choice (chooseServerPlan returns it for every month that chooses the size). */
  choice: ServerChoice;
  /** The last estimated search of a hybrid's baseline on this size (see bestHybridMonth); none yet: undefined. */
  hybridSearch: HybridSearch | undefined;
}

/** A load balancer's last month, estimate and exact, with its week: every size and variant of a service pays the same. */
export type BalancerMonths = MonthTotals<TrafficWeek>;

export interface ServerMonth {
  instanceHours: number;
  /** Instance-hours run for their transfer allowance alone (see transferHours). */
  transferInstanceHours: number;
  minInstances: number;
  peakInstances: number;
}

export function isCommitted(variant: ServerVariant): boolean {
  return variant === 'committed-fixed';
}

export function fleetMode(variant: ServerVariant): 'committed' | 'fixed' | 'autoscaled' {
  return isCommitted(variant) ? 'committed' : variant === 'on-demand-fixed' ? 'fixed' : 'autoscaled';
}

function fleetOf(plan: ServerPlan, week: TrafficWeek, minInstances: number): Fleet {
  const known = plan.fleet;
  if (known.week === week && known.minInstances === minInstances && known.variant === plan.variant) return known.fleet;
  return fleetFor(week, plan.capacityRps, minInstances, fleetMode(plan.variant), plan.monthlyCapHours);
}

/** A cluster's control plane bills by the hour, all month. */
export const CLUSTER_MONTH = { 'cluster-hour': HOURS_PER_MONTH };

/**
 * The exact total of a server plan's month, kept for the last week priced. A cluster whose nodes are priced
 * as its VM service prices them is that month plus its control-plane fee. Otherwise the month is summed from
 * parts (money adds exactly in any order, so the sum is priceServerMonth's to the last digit): what the fleet
 * alone decides, priced once for as long as the fleet lasts, then the week's load balancer and egress, each
 * priced once for all the fleets that share it.
 */
export function serverMonthTotal(plan: ServerPlan, profile: WorkloadProfile, week: TrafficWeek, minInstances: number): Pico {
  const last = plan.lastMonth;
  if (last.week === week && last.minInstances === minInstances) return last.total;
  let total: Pico;
  if (plan.nodeTwin) total = addPico(serverMonthTotal(plan.nodeTwin, profile, week, minInstances), totalOnce(plan.controlPlaneMonths!, plan.controlPlane!, 'exact').total);
  else {
    const { hours, peak } = fleetOf(plan, week, minInstances);
    const balanced = plan.loadBalancer !== undefined && peak > 1;
    const transfer = transferHoursFor(plan, isCommitted(plan.variant), week.monthlyRequests, hours, profile);
    total = fleetPartTotal(plan, profile, hours, transfer, peak, balanced);
    if (balanced) total = addPico(total, balancerTotal(plan, week, 'exact').total);
    const network = plan.network;
    if (network && sharesEgress(plan)) total = addPico(total, egressTotal(network, week.monthlyRequests, 'exact').total);
    else if (network) {
      const bill = new Bill('exact');
      networkLines(plan, week.monthlyRequests, hours + transfer, balanced, profile, bill);
      total = addPico(total, bill.totalPico);
    }
  }
  last.week = week;
  last.minInstances = minInstances;
  last.total = total;
  return total;
}

/** The exact part of a month the fleet alone decides (see ServerPlan.fleetPart), priced when the fleet changes. */
function fleetPartTotal(plan: ServerPlan, profile: WorkloadProfile, hours: number, transfer: number, peak: number, balanced: boolean): Pico {
  const part = plan.fleetPart;
  if (part.hours === hours && part.transfer === transfer && part.peak === peak) return part.total;
  const bill = new Bill('exact');
  instanceLines(plan, profile, hours, transfer, bill);
  if (sharesEgress(plan)) addressLines(plan, hours, balanced, profile, bill);
  opsLine(profile, opsHours(hours + transfer), bill);
  part.hours = hours;
  part.transfer = transfer;
  part.peak = peak;
  part.total = bill.totalPico;
  return part.total;
}

/** A month's instances — those the load needs, and those run for their transfer allowance — and its control plane. */
function instanceLines(plan: ServerPlan, profile: WorkloadProfile, hours: number, transfer: number, bill: Bill): void {
  const committed = isCommitted(plan.variant);
  plan.size.bill(hours, committed, bill);
  plan.size.bill(transfer, committed, bill, true);
  controlPlaneLines(plan, profile, bill);
}

/** Ops effort of a month of servers: a base, and a share per instance running all month. */
export function opsHours(instanceHours: number): number {
  const ops = ASSUMPTIONS.opsHoursPerMonth;
  return ops.traditionalBase + (ops.traditionalPerInstance * instanceHours) / HOURS_PER_MONTH;
}

/** A cluster's control-plane fee for the month (nothing for plain servers): its lines, or its total priced once. */
function controlPlaneLines(plan: ServerPlan, profile: WorkloadProfile, bill: Bill): void {
  if (!plan.controlPlane) return;
  if (bill.itemised) priceServiceItems(plan.controlPlane, CLUSTER_MONTH, profile.applyFreeTier, bill);
  else bill.addTotal(totalOnce(plan.controlPlaneMonths!, plan.controlPlane, bill.mode as 'estimate' | 'exact'));
}

/** One month of a server plan for the traffic `week`, priced onto `bill`. */
export function priceServerMonth(plan: ServerPlan, profile: WorkloadProfile, week: TrafficWeek, minInstances: number, bill: Bill): ServerMonth {
  const { hours, peak } = fleetOf(plan, week, minInstances);
  const transfer = transferHoursFor(plan, isCommitted(plan.variant), week.monthlyRequests, hours, profile);
  instanceLines(plan, profile, hours, transfer, bill);
  const balanced = plan.loadBalancer !== undefined && peak > 1;
  if (balanced) priceBalancer(plan, week, profile, bill);
  networkLines(plan, week.monthlyRequests, hours + transfer, balanced, profile, bill);
  opsLine(profile, opsHours(hours + transfer), bill);
  return { instanceHours: hours, transferInstanceHours: transfer, minInstances, peakInstances: peak };
}

/**
 * The plan's load balancer for the month at `week`, onto `bill`: its lines on an itemised bill, otherwise
 * its total, priced once per week for all the service's plans that meet that week in turn (it does not depend
 * on the servers behind it).
 */
export function priceBalancer(plan: Pick<ServerPlan, 'loadBalancer' | 'balancerMonths'>, week: TrafficWeek, profile: WorkloadProfile, bill: Bill): void {
  if (bill.itemised) loadBalancerLines(plan.loadBalancer!, week, profile, profile.applyFreeTier, bill);
  else bill.addTotal(balancerTotal(plan, week, bill.mode as 'estimate' | 'exact'));
}

export function balancerTotal(plan: Pick<ServerPlan, 'balancerMonths'>, week: TrafficWeek, mode: 'estimate' | 'exact'): MonthTotal {
  return totalOnce(plan.balancerMonths!, week, mode);
}
