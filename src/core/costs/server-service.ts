// A traditional service made ready for a profile: what surrounds its servers (load balancer, network, control
// plane, priced once and shared by the provider's services), the sizes that fit, and what each variant learns as
// sizes are chosen. Pricing a month is traditional.ts's; choosing a size, server-choice.ts's.
import type { PricingFile, Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import type { TrafficWeek, WeekShape } from '../traffic/week.js';
import { monthTotals } from './bill.js';
import { firstUnitPrice } from './price-item.js';
import type { BaselineSizes } from './hybrid-choice.js';
import type { ServerChoice } from './server-choice.js';
import type { CheapestRates, RankedSize } from './server-rates.js';
import { perInstanceRps, serverSizes, type ServerSize } from './servers.js';
import { itemsOf, priceServiceItems, serviceById } from './service-lines.js';
import { loadBalancerLines, networkPricing, type NetworkPricing } from './support-lines.js';
import { CLUSTER_MONTH, type BalancerMonths, type FleetSurroundings, type ServerPlan, type ServerVariant } from './traditional.js';

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
  /** Whether some size brings transfer of its own (see pooled-transfer.ts): sizes are then ranked with their egress. */
  pooledTransfer: boolean;
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
  /** The sizes a hybrid's baseline may run, made on first use (see hybrid-choice.ts). */
  baselines: BaselineSizes | undefined;
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
  pooledTransfer: boolean;
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
    let pooledTransfer = false;
    for (const size of serverSizes(nodes)) {
      pooledTransfer ||= network !== undefined && size.includedEgressGb > 0;
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
      pooledTransfer,
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
  const { network, ipHourlyEstimate, controlPlane, nodes, lowestHourly, pooledTransfer } = statics;
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
    pooledTransfer,
    nodeTwin: undefined,
    execution: profile.execution,
    ranked: { onDemand: undefined, committed: undefined },
    variants: { 'on-demand-autoscaled': variantState(), 'on-demand-fixed': variantState(), 'committed-fixed': variantState() },
    baselines: undefined,
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
