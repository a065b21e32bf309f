// Traditional options: for each VM or container service, the cheapest size that fits, run autoscaled or
// fixed at the week's peak, on demand or with a 1-year commitment, plus load balancer, egress and IPv4.
import type { PricingFile, Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, type TrafficWeek } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { firstUnitPrice, type MoneyLine } from './price-item.js';
import {
  fleetFor,
  opsLine,
  perInstanceRps,
  serverSizes,
  type Fleet,
  type ServerSize,
} from './servers.js';
import { priceServiceItems, serviceById } from './service-lines.js';
import { usageOf } from './usage.js';
import { egressGb, loadBalancerLines, networkLines } from './support-lines.js';

export type ServerVariant = 'on-demand-autoscaled' | 'on-demand-fixed' | 'committed-fixed';

export const VARIANT_LABEL: Record<ServerVariant, string> = {
  'on-demand-autoscaled': 'on demand, autoscaled hour by hour',
  'on-demand-fixed': 'on demand, fixed at the week’s peak',
  'committed-fixed': '1-year commitment, fixed at the week’s peak',
};

/** A server service with the size chosen for one variant, ready to price any month. */
export interface ServerPlan {
  provider: PricingFile['provider'];
  effectiveDate: string;
  service: Service;
  variant: ServerVariant;
  size: ServerSize;
  capacityRps: number;
  loadBalancer?: Service;
  network?: Service;
  /** Price per public IPv4 address-hour as a float, for ranking sizes; 0 when not charged. */
  ipHourlyEstimate: number;
  /** Managed Kubernetes: the service whose control-plane fee the cluster pays. */
  controlPlane?: Service;
}

export interface ServerMonth {
  lines: MoneyLine[];
  instanceHours: number;
  minInstances: number;
  peakInstances: number;
}

function isCommitted(variant: ServerVariant): boolean {
  return variant === 'committed-fixed';
}

function fleetOf(plan: ServerPlan, week: TrafficWeek, minInstances: number): Fleet {
  const mode = isCommitted(plan.variant) ? 'committed' : plan.variant === 'on-demand-fixed' ? 'fixed' : 'autoscaled';
  return fleetFor(week, plan.capacityRps, minInstances, mode, plan.service.billing?.monthlyCapHours);
}

/** One month of a server plan for the traffic `week`. */
export function priceServerMonth(plan: ServerPlan, profile: WorkloadProfile, week: TrafficWeek, minInstances: number): ServerMonth {
  const { hours, peak } = fleetOf(plan, week, minInstances);
  const lines = [...plan.size.lines(hours, isCommitted(plan.variant))];
  if (plan.controlPlane) lines.push(...priceServiceItems(plan.controlPlane, usageOf({ 'cluster-hour': HOURS_PER_MONTH }), profile.applyFreeTier, () => true));
  const balanced = plan.loadBalancer !== undefined && peak > 1;
  if (balanced) lines.push(...loadBalancerLines(plan.loadBalancer!, week, profile, profile.applyFreeTier));
  if (plan.network) {
    const lbIps = balanced ? (plan.loadBalancer!.billing?.publicIpAddresses ?? 0) * HOURS_PER_MONTH : 0;
    lines.push(
      ...networkLines(plan.network, {
        egressGb: egressGb(week.monthlyRequests, profile.execution),
        ipHours: hours + lbIps,
        includedEgressGb: (plan.size.includedEgressGb * hours) / HOURS_PER_MONTH,
        applyFreeTier: profile.applyFreeTier,
      }),
    );
  }
  const ops = ASSUMPTIONS.opsHoursPerMonth;
  lines.push(...opsLine(profile, ops.traditionalBase + (ops.traditionalPerInstance * hours) / HOURS_PER_MONTH));
  return { lines, instanceHours: hours, minInstances, peakInstances: peak };
}

/**
 * A float estimate of a size's monthly instance and IPv4 cost, to rank sizes without building bills;
 * Infinity when the fleet would outgrow what the size may run.
 */
function estimate(plan: ServerPlan, profile: WorkloadProfile, week: TrafficWeek, minInstances: number, loadBalancerMonthly: number): number {
  const { hours, peak } = fleetOf(plan, week, minInstances);
  if (peak > plan.size.maxInstances) return Infinity;
  const hourly = isCommitted(plan.variant) ? plan.size.committedHourlyEstimate! : plan.size.hourlyEstimate;
  // Ops effort grows with the fleet, so a priced ops hour can make fewer, larger servers cheaper.
  const opsPerInstanceHour = (Number(profile.team.opsHourlyRateUsd ?? 0) * ASSUMPTIONS.opsHoursPerMonth.traditionalPerInstance) / HOURS_PER_MONTH;
  // One server needs no load balancer: its monthly bill can make one large server the cheaper fleet.
  return hours * (hourly + plan.ipHourlyEstimate + opsPerInstanceHour) + (peak > 1 ? loadBalancerMonthly : 0);
}

/** A load balancer's monthly bill as a float, computed once per traffic week and balancer. */
const balancerCache = new WeakMap<TrafficWeek, Map<Service, number>>();
function loadBalancerEstimate(loadBalancer: Service, week: TrafficWeek, profile: WorkloadProfile): number {
  let byService = balancerCache.get(week);
  if (!byService) balancerCache.set(week, (byService = new Map()));
  let usd = byService.get(loadBalancer);
  if (usd === undefined) {
    usd = loadBalancerLines(loadBalancer, week, profile, profile.applyFreeTier).reduce((sum, l) => sum + l.amount.toNumber(), 0);
    byService.set(loadBalancer, usd);
  }
  return usd;
}

export interface ServerChoice {
  plan?: ServerPlan;
  infeasibleBecause: string[];
}

/** The cheapest size of `service` for `variant` at the first month's traffic. */
export function chooseServerPlan(
  file: PricingFile,
  service: Service,
  variant: ServerVariant,
  profile: WorkloadProfile,
  week: TrafficWeek,
  minInstances: number,
): ServerChoice {
  // Workers that pull from a queue or run on a schedule serve nothing over HTTP: no load balancer.
  const loadBalancer = profile.trigger === 'http' ? serviceById(file, service.billing?.requiresLoadBalancer) : undefined;
  const network = serviceById(file, service.billing?.egressService);
  const ipItem = network?.items.find((i) => i.meter === 'ip-hour');
  const ipHourlyEstimate = ipItem ? firstUnitPrice(ipItem) : 0;
  // The load balancer's bill (hours, capacity units, its addresses) does not depend on the server size.
  const loadBalancerMonthly = loadBalancer
    ? loadBalancerEstimate(loadBalancer, week, profile) + (loadBalancer.billing?.publicIpAddresses ?? 0) * HOURS_PER_MONTH * ipHourlyEstimate
    : 0;
  // A managed Kubernetes service runs its worker nodes on the provider's VMs and adds a control-plane fee.
  const controlPlane = service.kind === 'kubernetes' ? service : undefined;
  // The schema requires billing.nodeService on a kubernetes service and checks it names a service in the file.
  const nodes = controlPlane ? serviceById(file, service.billing!.nodeService)! : service;
  let best: { plan: ServerPlan; cost: number } | undefined;
  for (const size of serverSizes(nodes)) {
    if (isCommitted(variant) && size.committedHourlyEstimate === undefined) continue;
    const capacityRps = perInstanceRps(size, profile.execution);
    if (capacityRps <= 0) continue;
    const plan: ServerPlan = {
      provider: file.provider,
      effectiveDate: file.effectiveDate,
      service,
      variant,
      size,
      capacityRps,
      loadBalancer,
      network,
      ipHourlyEstimate,
      ...(controlPlane ? { controlPlane } : {}),
    };
    const cost = estimate(plan, profile, week, minInstances, loadBalancerMonthly);
    if (cost < (best?.cost ?? Infinity)) best = { plan, cost };
  }
  if (best) return { plan: best.plan, infeasibleBecause: [] };
  const why = isCommitted(variant)
    ? `${service.name} lists no 1-year commitment price for a size that fits`
    : `no ${service.name} size has room for one request of ${profile.execution.memoryMb} MB beside the memory kept for the system`;
  return { infeasibleBecause: [why] };
}
