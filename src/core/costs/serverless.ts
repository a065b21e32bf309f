// Serverless options: one per function service in the pricing files in force, priced with its gateway and
// egress, on demand or — when no request may wait for a cold start — with warm capacity.
import type { PricingFile, Service, Trigger } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import type { TrafficWeek } from '../traffic/week.js';
import { functionMeters, functionShape, functionUsage, initSecondsOf, warmInstanceSeconds, weekActiveInstanceSeconds, type FunctionMeters, type FunctionShape } from './function-usage.js';
import { ASSUMPTIONS } from './assumptions.js';
import { Bill, monthTotals, totalOnce, type MonthTotal, type MonthTotals } from './bill.js';
import { tablePrice, type Price } from './money.js';
import { opsLine } from './servers.js';
import { itemsOf, priceItems, priceServiceItems, serviceById } from './service-lines.js';
import type { PricedItem } from './price-item.js';

export type FunctionMode = 'on-demand' | 'provisioned';

/** A function service made ready to price repeatedly (per month, per what-if volume). */
export interface FunctionPlan extends Invocation {
  provider: PricingFile['provider'];
  effectiveDate: string;
  service: Service;
  gateway?: Service;
  egress?: Service;
  shape: FunctionShape;
  mode: FunctionMode;
  /** Reasons the platform cannot run this workload; empty when feasible. */
  infeasibleBecause: string[];
  /** The items each month prices, chosen once: the function's, its gateway's, its event source's (for the plan's mode) and its egress. */
  items: Record<'service' | 'gateway' | 'eventSource' | 'egress', readonly PricedItem[]>;
  /**
   * The last month of this plan used alone, with its week: the function option and a hybrid of no servers
   * bill the same month, one right after the other. A plan lives as long as one evaluation, and so do these.
   */
  totals: MonthTotals<TrafficWeek>;
  /**
   * A plan's pooled usage credit (Vercel Pro's $20, Netlify's monthly credits): at most `cap` a month, and
   * never for the plan's own monthly fee (`fees`, the same every month, priced once).
   */
  usageCredit: { cap: Price; fees: MonthTotals<Service> } | undefined;
  /** The meters of the month being priced, filled in place (see functionUsage). */
  meters: FunctionMeters;
}

export const TRIGGER_NOUN: Record<Trigger, string> = {
  http: 'HTTP requests',
  queue: 'queue messages',
  schedule: 'a schedule',
  'storage-event': 'storage events',
  'database-stream': 'database change streams',
};

/**
 * The longest a run of `service` started by `trigger` may last, in ms; undefined where no limit is published.
 * Some platforms stop event-started runs sooner than HTTP ones (Cloud Run functions: 9 minutes against 60).
 */
export function runLimitMs(service: Service, trigger: Trigger): number | undefined {
  return service.limits?.invokedBy?.maxDurationMs?.[trigger] ?? service.limits?.maxDurationMs;
}

/** The limits of `service` that one invocation's `execution`, started by `trigger`, breaks, each said in words onto `out`. */
function limitBreaches(service: Service, execution: WorkloadProfile['execution'], trigger: Trigger, label: string, out: string[]): string[] {
  const limits = service.limits;
  if (!limits) return out;
  const maxDurationMs = runLimitMs(service, trigger);
  if (maxDurationMs !== undefined && execution.maxDurationMs > maxDurationMs) {
    const startedBy = maxDurationMs === limits.maxDurationMs ? '' : ` started by ${TRIGGER_NOUN[trigger]}`;
    out.push(`${label} stops a run${startedBy} after ${maxDurationMs} ms; the workload runs up to ${execution.maxDurationMs} ms`);
  }
  if (limits.maxMemoryMb !== undefined && execution.memoryMb > limits.maxMemoryMb)
    out.push(`${label} offers at most ${limits.maxMemoryMb} MB of memory; the workload needs ${execution.memoryMb} MB`);
  if (limits.maxPayloadKb !== undefined && execution.payloadKb > limits.maxPayloadKb)
    out.push(`${label} accepts request bodies up to ${limits.maxPayloadKb} KB; the workload sends ${execution.payloadKb} KB`);
  if (limits.maxCpuMsPerRequest !== undefined && execution.cpuMsPerRequest > limits.maxCpuMsPerRequest)
    out.push(`${label} allows ${limits.maxCpuMsPerRequest} ms of CPU per request; the workload uses ${execution.cpuMsPerRequest} ms`);
  return out;
}

/** The service of `file` that delivers (and bills) the events of `trigger`; none for HTTP. */
function eventSourceFor(file: PricingFile, trigger: Trigger): Service | undefined {
  // The schema requires billing.triggers on every event source.
  return trigger === 'http' ? undefined : file.services.find((s) => s.kind === 'event-source' && s.billing!.triggers!.includes(trigger));
}

/** What one invocation of a pricing file's functions handles for a profile: the same for every function of the file. */
export interface Invocation {
  /** The provider's service that delivers (and bills) the events of a non-HTTP trigger. */
  eventSource: Service | undefined;
  /** The profile's batchSize for queue and stream triggers, at most what the event source hands over at once; 1 otherwise. */
  eventsPerInvocation: number;
  /** One invocation's work: its batch of events handled one after another, or one request. */
  execution: WorkloadProfile['execution'];
}

export function invocationOf(file: PricingFile, profile: WorkloadProfile): Invocation {
  const eventSource = eventSourceFor(file, profile.trigger);
  const batched = profile.trigger === 'queue' || profile.trigger === 'database-stream';
  const batch = batched ? Math.min(profile.batchSize, eventSource?.billing?.maxBatchSize ?? Infinity) : 1;
  const e = profile.execution;
  const execution =
    batch === 1
      ? e
      : // Object.assign, not spread: a spread copy gets a hidden class of its own (see the profile schema's Traffic).
        Object.assign({}, e, { averageDurationMs: e.averageDurationMs * batch, p99DurationMs: e.p99DurationMs * batch, maxDurationMs: e.maxDurationMs * batch, cpuMsPerRequest: e.cpuMsPerRequest * batch, payloadKb: e.payloadKb * batch });
  return { eventSource, eventsPerInvocation: batch, execution };
}

const EGRESS = ['egress-gb'] as const;

/**
 * What a function service brings whatever the workload does: its gateway (for HTTP work), egress and event
 * services, whether it sells warm capacity, its items in each mode, its usage credit, and why the trigger
 * cannot start it, if it cannot. Worked out once per loaded service and trigger: a tipping-point search
 * prepares the plans anew for every duration and memory it tries.
 */
interface FunctionStatics {
  gateway: Service | undefined;
  egress: Service | undefined;
  coldStartMs: number;
  offersWarm: boolean;
  onlyWarm: boolean;
  items: Record<FunctionMode, FunctionPlan['items']>;
  usageCredit: FunctionPlan['usageCredit'];
  /** Why `trigger` cannot start the service (or is not priced); undefined when it can. */
  triggerProblem: string | undefined;
}

const staticsByService = new WeakMap<Service, Partial<Record<Trigger, FunctionStatics>>>();

function functionStatics(file: PricingFile, service: Service, trigger: Trigger, eventSource: Service | undefined): FunctionStatics {
  let byTrigger = staticsByService.get(service);
  if (!byTrigger) staticsByService.set(service, (byTrigger = {}));
  let statics = byTrigger[trigger];
  if (!statics) {
    // Only HTTP work goes through an API gateway; events arrive from their own services.
    const gateway = trigger === 'http' ? serviceById(file, service.billing?.requiresGateway) : undefined;
    const egress = serviceById(file, service.billing?.egressService);
    const itemsIn = (mode: FunctionMode): FunctionPlan['items'] => ({
      service: itemsOf(service, mode),
      gateway: gateway ? itemsOf(gateway, mode) : [],
      eventSource: eventSource ? itemsOf(eventSource, mode) : [],
      egress: egress ? itemsOf(egress, 'on-demand', EGRESS) : [],
    });
    // The schema requires limits.invokedBy on every function service.
    const { triggers: invokedBy, notPriced } = service.limits!.invokedBy!;
    statics = {
      gateway,
      egress,
      coldStartMs: service.limits?.coldStartMs ?? 0,
      offersWarm: service.items.some((i) => i.mode === 'provisioned'),
      // A plan that only sells warm instances (Azure Functions Premium) is always priced warm.
      onlyWarm: service.items.length > 0 && service.items.every((i) => i.mode === 'provisioned'),
      items: { 'on-demand': itemsIn('on-demand'), provisioned: itemsIn('provisioned') },
      usageCredit: usageCreditOf(service),
      triggerProblem: notPriced?.includes(trigger)
        ? `${service.name} can be started by ${TRIGGER_NOUN[trigger]}, but this pricing table does not price the service that delivers them`
        : !invokedBy.includes(trigger)
          ? `${service.name} cannot be started by ${TRIGGER_NOUN[trigger]}; the platform starts functions on ${invokedBy.map((t) => TRIGGER_NOUN[t]).join(', ')}`
          : undefined,
    };
    byTrigger[trigger] = statics;
  }
  return statics;
}

/** Plans for every function service of one pricing file (on demand, or warm when cold starts are not tolerated). */
export function functionPlans(file: PricingFile, profile: WorkloadProfile): FunctionPlan[] {
  const trigger = profile.trigger;
  const { eventSource, eventsPerInvocation, execution } = invocationOf(file, profile);
  const plans: FunctionPlan[] = [];
  for (const service of file.services) {
    if (service.kind !== 'function') continue;
    const { gateway, egress, coldStartMs, offersWarm, onlyWarm, items, usageCredit, triggerProblem } = functionStatics(file, service, trigger, eventSource);
    const needsWarm = profile.latency.coldStartTolerance === 'none' && coldStartMs > 0;
    const infeasibleBecause = limitBreaches(service, execution, trigger, service.name, []);
    if (gateway) limitBreaches(gateway, profile.execution, trigger, gateway.name, infeasibleBecause);
    if (needsWarm && !offersWarm)
      infeasibleBecause.push(`${service.name} has cold starts (about ${coldStartMs} ms) and sells no warm capacity; the profile tolerates none`);
    if (triggerProblem) infeasibleBecause.push(triggerProblem);
    if (profile.state === 'long-lived-connections' && service.limits?.supportsLongLivedConnections !== true)
      infeasibleBecause.push(`${service.name} does not hold long-lived connections (websockets, streams) open`);
    const mode = needsWarm || onlyWarm ? 'provisioned' : 'on-demand';
    const plan: FunctionPlan = {
      provider: file.provider,
      effectiveDate: file.effectiveDate,
      service,
      gateway,
      eventSource,
      egress,
      execution,
      eventsPerInvocation,
      shape: functionShape(service, execution),
      mode,
      infeasibleBecause,
      items: items[mode],
      totals: monthTotals((bill, week) => priceFunctionsAlone(plan, profile, week, bill)),
      usageCredit,
      meters: functionMeters(),
    };
    plans.push(plan);
  }
  return plans;
}

/**
 * One month of a function plan at `requests` invocations, priced onto `bill`. `week` gives the hourly shape
 * warm capacity is sized to, and a service billed per active instance counts its active time on, unless the
 * caller has counted them (`warmSecondsCounted`, `activeSecondsCounted`: a hybrid's overflow has its own). Free
 * allowances are not applied to warm-capacity functions (AWS: "the free tier does not apply to functions
 * enabling Provisioned Concurrency").
 */
export function priceFunctionMonth(
  plan: FunctionPlan,
  profile: WorkloadProfile,
  week: TrafficWeek,
  requests: number,
  bill: Bill,
  warmSecondsCounted?: number,
  activeSecondsCounted?: number,
): void {
  const { execution, shape } = plan;
  const invocations = requests / plan.eventsPerInvocation;
  const warmSeconds = plan.mode === 'provisioned' ? (warmSecondsCounted ?? warmInstanceSeconds(week, profile.execution, shape)) : undefined;
  // Warm capacity already pays for its environments' initialisation; on demand, cold starts may add INIT time.
  const initSeconds = plan.mode === 'on-demand' ? initSecondsOf(shape, invocations) : 0;
  // Billed per active instance, the month's compute follows its hours, not only its count of executions.
  const activeInstanceSeconds =
    shape.billedPerActiveInstance ? (activeSecondsCounted ?? weekActiveInstanceSeconds(week, execution, shape, plan.eventsPerInvocation)) : undefined;
  const usage = functionUsage({ shape, execution, requests: invocations, warmSeconds, initSeconds, activeInstanceSeconds, gateway: plan.gateway }, plan.meters);
  const applyFreeTier = profile.applyFreeTier && plan.mode === 'on-demand';
  // A plan's usage credit pays for what this function's month adds, but not for the plan fee itself.
  const start = plan.usageCredit && bill.mark();
  const { items } = plan;
  priceItems(plan.service, items.service, usage, applyFreeTier, bill);
  if (plan.gateway) priceItems(plan.gateway, items.gateway, usage, profile.applyFreeTier, bill);
  if (plan.eventSource) {
    // Event services bill each event sent, and what the consumer adds per message or per batch (a queue's
    // receive and delete). A message larger than the metering increment counts once per increment.
    const billing = plan.eventSource.billing;
    const increment = billing?.meteringIncrementKb;
    const chunks = increment ? Math.max(1, Math.ceil(profile.execution.payloadKb / increment - 1e-9)) : 1;
    const consumed = requests * (billing?.consumedPerMessage ?? 0) + invocations * (billing?.consumedPerBatch ?? 0);
    const eventRequests = (requests + consumed) * chunks;
    usage['event-request'] = eventRequests;
    priceItems(plan.eventSource, items.eventSource, usage, profile.applyFreeTier, bill);
    usage['event-request'] = 0;
  }
  if (plan.egress) priceItems(plan.egress, items.egress, usage, profile.applyFreeTier, bill);
  const credit = plan.usageCredit;
  if (credit) {
    // One line, never more than the usage it covers. An itemised bill's fees total as an exact one's do.
    const fees = totalOnce(credit.fees, plan.service, bill.mode === 'estimate' ? 'estimate' : 'exact');
    bill.addCredit(`${plan.service.name}: usage credit included in the plan`, credit.cap, start!, fees);
  }
}

const PLAN_MONTH = { month: 1 };
const MONTH_FEE = ['month'] as const;

function usageCreditOf(service: Service): FunctionPlan['usageCredit'] {
  const cap = service.billing?.includedCreditUsd;
  if (cap === undefined) return undefined;
  return { cap: tablePrice(cap), fees: monthTotals((bill) => priceServiceItems(service, PLAN_MONTH, false, bill, 'all', MONTH_FEE)) };
}

/**
 * The month of a function plan used alone at `week`'s traffic, with its share of ops effort, onto `bill`.
 * A hybrid whose baseline is no server bills exactly this, line for line.
 */
export function priceFunctionsAlone(plan: FunctionPlan, profile: WorkloadProfile, week: TrafficWeek, bill: Bill): void {
  priceFunctionMonth(plan, profile, week, week.monthlyRequests, bill);
  opsLine(profile, ASSUMPTIONS.opsHoursPerMonth.serverless, bill);
}

/** priceFunctionsAlone's total in an estimate or exact bill, computed once per plan and week while that week lasts (totalOnce). */
export function functionsAloneTotal(plan: FunctionPlan, week: TrafficWeek, mode: 'estimate' | 'exact'): MonthTotal {
  return totalOnce(plan.totals, week, mode);
}
