// Traditional options: each VM, container or cluster service made ready for a profile, run autoscaled or
// fixed at the week's peak, on demand or with a 1-year commitment, and a month of it priced: instances,
// control plane, load balancer, egress and IPv4. Which size runs is server-choice.ts's to say.
import type { PricingFile, Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, type TrafficWeek, type WeekShape } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { Bill, monthTotals, totalOnce, type MonthTotal, type MonthTotals } from './bill.js';
import { addPico, type Pico } from './money.js';
import { firstUnitPrice } from './price-item.js';
import type { CheapestRates, RankedSize, ServerChoice } from './server-choice.js';
import { fleetFor, opsLine, perInstanceRps, serverSizes, type Fleet, type ServerSize } from './servers.js';
import { itemsOf, priceServiceItems, serviceById } from './service-lines.js';
import { addressLines, egressTotal, loadBalancerLines, networkLines, networkPricing, sharesEgress, type NetworkPricing } from './support-lines.js';

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
  fleetPart: { hours: number; peak: number; total: Pico };
  /** This plan as a size choice (chooseServerPlan returns it for every month that chooses the size). */
  choice: ServerChoice;
}

/** A load balancer's last month, estimate and exact, with its week: every size and variant of a service pays the same. */
export type BalancerMonths = MonthTotals<TrafficWeek>;

/**
 * What the services of one profile's pricing share: each load balancer's months (by week) and each network
 * service's (egress by requests). The services of a provider that share one (VMs, containers, a cluster's
 * nodes) price its month once per traffic.
 */
export interface SharedSurroundings {
  balancers: Map<Service, BalancerMonths>;
  networks: Map<Service, NetworkPricing>;
}

export function sharedSurroundings(): SharedSurroundings {
  return { balancers: new Map(), networks: new Map() };
}

function balancerMonthsOf(shared: SharedSurroundings, loadBalancer: Service, profile: WorkloadProfile): BalancerMonths {
  let months = shared.balancers.get(loadBalancer);
  if (!months) {
    const items = itemsOf(loadBalancer, 'all');
    // Estimated from the exact month: a projection ranks sizes on each month's balancer, then bills it.
    shared.balancers.set(loadBalancer, (months = monthTotals((bill, week) => loadBalancerLines(loadBalancer, week, profile, profile.applyFreeTier, bill, items), true)));
  }
  return months;
}

function networkOf(shared: SharedSurroundings, network: Service, profile: WorkloadProfile): NetworkPricing {
  let pricing = shared.networks.get(network);
  if (!pricing) shared.networks.set(network, (pricing = networkPricing(network, profile)));
  return pricing;
}

export interface ServerMonth {
  instanceHours: number;
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

const CLUSTER_MONTH = { 'cluster-hour': HOURS_PER_MONTH };

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
    total = fleetPartTotal(plan, profile, hours, peak, balanced);
    if (balanced) total = addPico(total, balancerTotal(plan, week, 'exact').total);
    const network = plan.network;
    if (network && sharesEgress(plan)) total = addPico(total, egressTotal(network, week.monthlyRequests, 'exact').total);
    else if (network) {
      const bill = new Bill('exact');
      networkLines(plan, week.monthlyRequests, hours, balanced, profile, bill);
      total = addPico(total, bill.totalPico);
    }
  }
  last.week = week;
  last.minInstances = minInstances;
  last.total = total;
  return total;
}

/** The exact part of a month the fleet alone decides (see ServerPlan.fleetPart), priced when the fleet changes. */
function fleetPartTotal(plan: ServerPlan, profile: WorkloadProfile, hours: number, peak: number, balanced: boolean): Pico {
  const part = plan.fleetPart;
  if (part.hours === hours && part.peak === peak) return part.total;
  const bill = new Bill('exact');
  plan.size.bill(hours, isCommitted(plan.variant), bill);
  controlPlaneLines(plan, profile, bill);
  if (sharesEgress(plan)) addressLines(plan, hours, balanced, profile, bill);
  opsLine(profile, opsHours(hours), bill);
  part.hours = hours;
  part.peak = peak;
  part.total = bill.totalPico;
  return part.total;
}

/** Ops effort of a month of servers: a base, and a share per instance running all month. */
function opsHours(instanceHours: number): number {
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
  plan.size.bill(hours, isCommitted(plan.variant), bill);
  controlPlaneLines(plan, profile, bill);
  const balanced = plan.loadBalancer !== undefined && peak > 1;
  if (balanced) priceBalancer(plan, week, profile, bill);
  networkLines(plan, week.monthlyRequests, hours, balanced, profile, bill);
  opsLine(profile, opsHours(hours), bill);
  return { instanceHours: hours, minInstances, peakInstances: peak };
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

/** A traditional service made ready for a profile: what surrounds its servers, and every size that fits. */
export interface ServerService extends FleetSurroundings {
  file: PricingFile;
  service: Service;
  /** The service whose sizes run the work: the service itself, or a cluster's node service. */
  nodes: Service;
  /**
   * For a cluster: its node service made ready the same way, when the two price a fleet alike (same balancer,
   * network and monthly cap). Its size choice is then the cluster's, and its month the cluster's less the
   * control plane: a cluster is not sized or billed twice. Set by linkNodeTwins.
   */
  nodeTwin: ServerService | undefined;
  execution: WorkloadProfile['execution'];
  /** The lowest hourly price among all the node service's sizes, fitting or not, on demand and committed (Infinity: none priced). */
  lowestHourly: ServerStatics['lowestHourly'];
  /** Sizes with room for one request, with what each serves, in the pricing file's order: see fittingSizes. */
  fitting?: Array<{ size: ServerSize; capacityRps: number }>;
  /**
   * Sizes ranked cheapest per request served first, on demand and committed (both on-demand variants rank
   * alike), made on first use: a search may rule the service out without.
   */
  ranked: { onDemand: RankedSize[] | undefined; committed: RankedSize[] | undefined };
  /**
   * What each variant learns as it is used (a search makes such a service for every probe, and rules most
   * out on their cheapest hourly rate alone): see server-choice.ts.
   */
  variants: Record<ServerVariant, VariantState>;
}

/** What one variant of a server service has learnt; every field starts unset (see variantState). */
export interface VariantState {
  /** Plans made so far, per size: months that choose the same size share one plan. */
  plans: Map<ServerSize, ServerPlan> | undefined;
  /** The last choice made, with the week and floor of instances it was made for. */
  lastChosen: { week: TrafficWeek | undefined; minInstances: number; choice: ServerChoice | undefined };
  /** The size chosen last: the seed of the next choice; and its plan. */
  lastChoice: RankedSize | undefined;
  lastPlan: ServerPlan | undefined;
  /** What the last full search found about the sizes it did not choose (server-choice.ts reads it). */
  rivals: Rivals;
  /** The lowest rates among the fitting sizes (null: none is priced), for cost floors. */
  cheapest: CheapestRates | null | undefined;
  /** The lowest hourly rate among all sizes, fitting or not. */
  cheapestHourly: number | undefined;
}

/**
 * The last full size search of a variant: the week shape, burst, floor of instances and scale it ran at, the
 * size it chose, and the least any other size could cost there (a float estimate, as sizes are ranked).
 */
export interface Rivals {
  shape: WeekShape | undefined;
  burstFactor: number;
  minInstances: number;
  scale: number;
  chosen: RankedSize | undefined;
  atLeastUsd: number;
}

/** No search yet: nothing any later one can rely on. */
const NO_RIVALS: Rivals = Object.freeze({ shape: undefined, burstFactor: NaN, minInstances: NaN, scale: Infinity, chosen: undefined, atLeastUsd: -Infinity });

/** A variant that has learnt nothing yet: every field present, so every state has one object shape. */
function variantState(): VariantState {
  return { plans: undefined, lastChosen: { week: undefined, minInstances: NaN, choice: undefined }, lastChoice: undefined, lastPlan: undefined, rivals: NO_RIVALS, cheapest: undefined, cheapestHourly: undefined };
}

/** The sizes of a service with room for one request, made on first use: a search may rule the service out without. */
export function fittingSizes(ctx: ServerService): Array<{ size: ServerSize; capacityRps: number }> {
  if (!ctx.fitting) {
    ctx.fitting = [];
    for (const size of serverSizes(ctx.nodes)) {
      const capacityRps = perInstanceRps(size, ctx.execution);
      if (capacityRps > 0) ctx.fitting.push({ size, capacityRps });
    }
  }
  return ctx.fitting;
}

/** What a server service brings whatever the workload: its balancer, network, address price, monthly cap, nodes and their lowest hourly prices. */
interface ServerStatics {
  /** The load balancer HTTP work needs (none is needed otherwise), and the public IPv4 addresses it holds. */
  loadBalancer: Service | undefined;
  balancerAddresses: number;
  network: Service | undefined;
  ipHourlyEstimate: number;
  monthlyCapHours: number;
  controlPlane: Service | undefined;
  nodes: Service;
  lowestHourly: { onDemand: number; committed: number };
}

/** Worked out once per loaded service: a tipping-point search prepares the services anew for every duration and memory it tries. */
const serverStatics = new WeakMap<Service, ServerStatics>();

function staticsOf(file: PricingFile, service: Service): ServerStatics {
  let statics = serverStatics.get(service);
  if (!statics) {
    const network = serviceById(file, service.billing?.egressService);
    const ipItem = network?.items.find((i) => i.meter === 'ip-hour');
    // A managed Kubernetes service runs its worker nodes on the provider's VMs and adds a control-plane fee.
    const controlPlane = service.kind === 'kubernetes' ? service : undefined;
    // The schema requires billing.nodeService on a kubernetes service and checks it names a service in the file.
    const nodes = controlPlane ? serviceById(file, service.billing!.nodeService)! : service;
    const lowestHourly = { onDemand: Infinity, committed: Infinity };
    for (const size of serverSizes(nodes)) {
      lowestHourly.onDemand = Math.min(lowestHourly.onDemand, size.hourlyEstimate);
      if (size.committedHourlyEstimate !== undefined) lowestHourly.committed = Math.min(lowestHourly.committed, size.committedHourlyEstimate);
    }
    const loadBalancer = serviceById(file, service.billing?.requiresLoadBalancer);
    statics = {
      loadBalancer,
      balancerAddresses: loadBalancer?.billing?.publicIpAddresses ?? 0,
      network,
      ipHourlyEstimate: ipItem ? firstUnitPrice(ipItem) : 0,
      monthlyCapHours: service.billing?.monthlyCapHours ?? Infinity,
      controlPlane,
      nodes,
      lowestHourly,
    };
    serverStatics.set(service, statics);
  }
  return statics;
}

/** A traditional service made ready for `profile`, with what it shares with the provider's other services. */
export function serverService(file: PricingFile, service: Service, profile: WorkloadProfile, shared = sharedSurroundings()): ServerService {
  const statics = staticsOf(file, service);
  // Workers that pull from a queue or run on a schedule serve nothing over HTTP: no load balancer.
  const loadBalancer = profile.trigger === 'http' ? statics.loadBalancer : undefined;
  const { network, ipHourlyEstimate, controlPlane, nodes, lowestHourly } = statics;
  return {
    file,
    service,
    loadBalancer,
    network: network && networkOf(shared, network, profile),
    ipHourlyEstimate,
    balancerAddresses: loadBalancer ? statics.balancerAddresses : 0,
    monthlyCapHours: statics.monthlyCapHours,
    // Every field present, set or not: one object shape for the code that reads them month after month.
    controlPlane,
    controlPlaneMonths: controlPlane ? monthTotals((bill) => priceServiceItems(controlPlane, CLUSTER_MONTH, profile.applyFreeTier, bill)) : undefined,
    balancerMonths: loadBalancer ? balancerMonthsOf(shared, loadBalancer, profile) : undefined,
    nodes,
    lowestHourly,
    nodeTwin: undefined,
    execution: profile.execution,
    ranked: { onDemand: undefined, committed: undefined },
    variants: { 'on-demand-autoscaled': variantState(), 'on-demand-fixed': variantState(), 'committed-fixed': variantState() },
  };
}

/** Links each cluster among `services` (one pricing file's) to its node service where the two price a fleet alike. */
export function linkNodeTwins(services: readonly ServerService[]): void {
  for (const cluster of services) {
    if (!cluster.controlPlane) continue;
    cluster.nodeTwin = services.find(
      (vm) =>
        vm.service === cluster.nodes &&
        vm.loadBalancer === cluster.loadBalancer &&
        vm.network === cluster.network &&
        vm.monthlyCapHours === cluster.monthlyCapHours,
    );
  }
}
