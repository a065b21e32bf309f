// How much of each meter a function workload uses in a month: the bridge from a profile and its traffic
// week to the quantities price items are charged on. Rounding rules come from the service's `billing`.
import type { Meter, Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_WEEK, rpsAt, sortedShape, WEEKS_PER_MONTH, type SortedShape, type TrafficWeek } from '../traffic/week.js';

const KB_PER_GB = 1024 * 1024;

export interface FunctionShape {
  /** Duration billed per invocation after granularity and minimum, in ms. */
  billedDurationMs: number;
  /** Memory billed per invocation after increments, minimums or a fixed size, in MB. */
  billedMemoryMb: number;
  /** vCPUs allocated for the memory, where the service allocates CPU by memory. */
  vcpu: number;
  /** INIT-phase time billed per cold start of an on-demand invocation, in ms (rounded as durations are); 0 where it is not billed. */
  billedInitMs: number;
  /** Share of on-demand invocations that cold-start, where INIT is billed (0..1); 0 elsewhere. */
  coldStartShare: number;
  /** Whether warm capacity is billed on its idle part only (Cloud Run), not all of it (AWS): see Billing.warmCapacityBilledOn. */
  warmBilledOnIdle: boolean;
  /** Executions one instance runs at once, as the service allows (its billed size's, where it sells sizes); the CPU may bound it further (executionsPerInstance). */
  concurrentExecutions: number;
  /** Whether compute is billed per instance while it runs executions, not per execution (Billing.billedPerActiveInstance). */
  billedPerActiveInstance: boolean;
}

/** The per-invocation billing shape: the profile's average duration and memory, rounded as the service bills. */
export function functionShape(service: Service, execution: WorkloadProfile['execution']): FunctionShape {
  const billing = service.billing;
  const granularity = billing?.granularityMs ?? 1;
  const rounded = Math.ceil(execution.averageDurationMs / granularity - 1e-9) * granularity;
  const billedDurationMs = Math.max(rounded, billing?.minimumBilledMs ?? 0);
  const memoryMb = Math.max(execution.memoryMb, service.limits?.minMemoryMb ?? 0, billing?.minimumBilledMemoryMb ?? 0);
  const increment = billing?.memoryIncrementMb ?? 1;
  // Billed per active instance: the smallest size that holds the memory (a larger memory breaks the service's limit).
  const sizes = billing?.billedPerActiveInstance?.sizes;
  const size = sizes && (sizes.find((s) => s.memoryMb >= memoryMb) ?? sizes.at(-1)!);
  const billedMemoryMb = size?.memoryMb ?? billing?.fixedMemoryMb ?? Math.ceil(memoryMb / increment - 1e-9) * increment;
  const vcpu = size?.vcpu ?? billing?.vcpuByMemory?.find((row) => row.upToMemoryMb >= billedMemoryMb)?.vcpu ?? billing?.vcpuByMemory?.at(-1)?.vcpu ?? 0;
  // The INIT phase is billed like the handler's time: at the same rate, rounded up to the same granularity.
  const initPhase = billing?.initPhase;
  const initMs = initPhase ? (execution.initDurationMs ?? initPhase.typicalInitMs) : 0;
  const billedInitMs = initMs > 0 ? Math.ceil(initMs / granularity - 1e-9) * granularity : 0;
  return {
    billedDurationMs,
    billedMemoryMb,
    vcpu,
    billedInitMs,
    coldStartShare: billedInitMs > 0 ? initPhase!.coldStartPercent / 100 : 0,
    warmBilledOnIdle: billing?.warmCapacityBilledOn === 'idle',
    concurrentExecutions: size?.concurrentExecutions ?? billing?.concurrentExecutionsPerInstance ?? 1,
    billedPerActiveInstance: size !== undefined,
  };
}

/** Billed INIT-phase seconds a month of on-demand `invocations` adds: the cold-starting share × the billed INIT time. */
export function initSecondsOf(shape: FunctionShape, invocations: number): number {
  return (invocations * shape.coldStartShare * shape.billedInitMs) / 1000;
}

/**
 * Executions one instance runs at once: the concurrency its shape allows (the service's, or its billed size's), but no more than its
 * vCPUs can keep busy when each execution needs cpuMsPerRequest of CPU over averageDurationMs.
 */
export function executionsPerInstance(execution: WorkloadProfile['execution'], shape: FunctionShape): number {
  const allowed = shape.concurrentExecutions;
  if (allowed <= 1 || shape.vcpu <= 0 || execution.cpuMsPerRequest <= 0) return Math.max(1, Math.floor(allowed));
  const cpuBound = (shape.vcpu * execution.averageDurationMs) / execution.cpuMsPerRequest;
  return Math.max(1, Math.floor(Math.min(allowed, cpuBound)));
}

/**
 * Warm instances needed per hour of the week when no request may wait for a cold start: Little's law,
 * concurrency = arrival rate × time in system, at the hour's burst peak, divided by the executions one
 * instance runs at once, rounded up, and at least one. Returns instance-seconds per month.
 */
export function warmInstanceSeconds(week: TrafficWeek, execution: WorkloadProfile['execution'], shape: FunctionShape): number {
  const perInstance = executionsPerInstance(execution, shape);
  // Each hour's rate is its shape's × the week's scale, to the last bit, so the hours can be taken busiest
  // first from the shape's sorted rates: worth it for a shape met at several scales (months of growth, a
  // search's volumes) or sorted already. A one-off week is read hour by hour.
  if (!worthSorting(week)) {
    let instanceHours = 0;
    for (let h = 0; h < HOURS_PER_WEEK; h++) instanceHours += warmInstancesAt(rpsAt(week, h), week.burstFactor, execution, perInstance);
    return instanceHours * WEEKS_PER_MONTH * 3600;
  }
  const scale = week.scale;
  return warmSecondsBusiestFirst(sortedShape(week.shape), (rate) => rate * scale, week.burstFactor, execution, perInstance);
}

/** Whether a week's hours are worth taking from its shape's sorted rates: a shape met at several scales, or sorted already. */
function worthSorting(week: TrafficWeek): boolean {
  return week.scale !== 1 || week.shape.derived.sorted !== undefined;
}

/** Warm instances an hour of `rps` needs at a peak of `burstFactor` × it. */
function warmInstancesAt(rps: number, burstFactor: number, execution: WorkloadProfile['execution'], perInstance: number): number {
  return Math.max(1, Math.ceil((rps * burstFactor * execution.averageDurationMs) / 1000 / perInstance - 1e-9));
}

/**
 * Warm instance-seconds a month for a week whose hour at shape rate r runs at `rpsOf(r)` (never falling as r
 * falls): each distinct rate of the shape is counted once for all its hours, busiest first, until the count
 * reaches the floor of one instance, which every quieter hour then runs.
 */
export function warmSecondsBusiestFirst(sorted: SortedShape, rpsOf: (shapeRate: number) => number, burstFactor: number, execution: WorkloadProfile['execution'], perInstance: number): number {
  const { distinct, hoursAtLeast } = sorted;
  let instanceHours = 0;
  let hoursBefore = 0;
  for (let i = 0; i < distinct.length; i++) {
    const count = warmInstancesAt(rpsOf(distinct[i]!), burstFactor, execution, perInstance);
    if (count === 1) break;
    instanceHours += count * (hoursAtLeast[i]! - hoursBefore);
    hoursBefore = hoursAtLeast[i]!;
  }
  return (instanceHours + HOURS_PER_WEEK - hoursBefore) * WEEKS_PER_MONTH * 3600;
}

/**
 * Instance-seconds a month during which instances are billed as active, for a service billed per active
 * instance (Billing.billedPerActiveInstance), the hour at shape rate r bringing `rpsOf(r)` invocations a second.
 * Each hour the platform runs n instances, enough for the executions in flight at `perInstance` each (at least
 * one), and they are active for the larger of two counts:
 * - the executions' own time ÷ `perInstance`: an instance runs no more at once (all of it when each runs one
 *   at a time, as in Microsoft's CPU-bound example);
 * - with invocations arriving at random (Poisson) and spread evenly over the instances: an active period starts
 *   with an execution on an idle instance and is billed for its busy spell or the billed duration (the minimum
 *   period), whichever is longer, executions starting inside it adding nothing; then the instance waits
 *   1 ÷ rate for the next. With a busy spell of (e^(rate × duration) − 1) ÷ rate (an M/G/∞ queue's), an
 *   instance is active x ÷ (1 + x) of the hour, x = max(rate × billed duration, e^(rate × duration) − 1): at
 *   light load each execution pays the minimum, at heavy load every instance its whole hour.
 * Never falls as a rate rises (more instances only add active time).
 */
export function activeInstanceSeconds(sorted: SortedShape, rpsOf: (shapeRate: number) => number, execution: WorkloadProfile['execution'], shape: FunctionShape, perInstance: number): number {
  const { distinct, hoursAtLeast } = sorted;
  const durationS = execution.averageDurationMs / 1000;
  const billedS = shape.billedDurationMs / 1000;
  // e^y − 1 ≤ y·e^y: while y = rate × duration ≤ ln(billed ÷ duration) (durations are positive), the minimum
  // period decides, and e^y is not needed.
  const minimumDecidesUpTo = Math.log(billedS / durationS);
  let instanceHours = 0;
  let hoursBefore = 0;
  for (let i = 0; i < distinct.length; i++) {
    const rps = rpsOf(distinct[i]!);
    if (rps <= 0) break;
    const packed = (rps * durationS) / perInstance;
    const instances = Math.max(1, Math.ceil(packed - 1e-9));
    const rate = rps / instances;
    const y = rate * durationS;
    const x = y <= minimumDecidesUpTo ? rate * billedS : Math.max(rate * billedS, Math.expm1(y));
    instanceHours += Math.max(packed, (instances * x) / (1 + x)) * (hoursAtLeast[i]! - hoursBefore);
    hoursBefore = hoursAtLeast[i]!;
  }
  return instanceHours * WEEKS_PER_MONTH * 3600;
}

/** activeInstanceSeconds over a whole week, `eventsPerInvocation` of its requests making one invocation of `execution`. */
export function weekActiveInstanceSeconds(week: TrafficWeek, execution: WorkloadProfile['execution'], shape: FunctionShape, eventsPerInvocation: number): number {
  const scale = week.scale / eventsPerInvocation;
  return activeInstanceSeconds(sortedShape(week.shape), (rate) => rate * scale, execution, shape, executionsPerInstance(execution, shape));
}

export interface FunctionUsageInput {
  /** The service's billing shape (functionShape): everything of the service a month's meters depend on, but its gateway. */
  shape: FunctionShape;
  execution: WorkloadProfile['execution'];
  /** Invocations this month. */
  requests: number;
  /** Set when warm capacity is bought: warm instance-seconds this month. */
  warmSeconds?: number;
  /** Billed INIT-phase seconds of this month's cold starts (on-demand invocations where the platform bills them). */
  initSeconds?: number;
  /** Set for a service billed per active instance: its instances' active seconds this month (activeInstanceSeconds), billed instead of each execution's. */
  activeInstanceSeconds?: number;
  gateway?: Service;
}

/** The meters a function month is charged on (each one a meter of the pricing schema): functionUsage fills every one. */
export type FunctionMeters = Pick<
  Record<Meter, number>,
  'request' | 'gateway-request' | 'gb-second' | 'gib-second' | 'vcpu-second' | 'cpu-ms' | 'provisioned-gb-second' | 'provisioned-gib-second' | 'provisioned-vcpu-second' | 'egress-gb' | 'event-request' | 'month'
>;

/** Meters to fill (functionUsage): a plan keeps one and fills it each month rather than making hundreds. */
export function functionMeters(): FunctionMeters {
  return {
    request: 0,
    'gateway-request': 0,
    'gb-second': 0,
    'gib-second': 0,
    'vcpu-second': 0,
    'cpu-ms': 0,
    'provisioned-gb-second': 0,
    'provisioned-gib-second': 0,
    'provisioned-vcpu-second': 0,
    'egress-gb': 0,
    'event-request': 0,
    month: 1,
  };
}

/**
 * Monthly quantity of every meter a function option can be charged on, written into `into`. Events an event
 * source bills ('event-request') are its caller's to set: they are left at 0 here.
 */
export function functionUsage({ shape, execution, requests, warmSeconds, initSeconds = 0, activeInstanceSeconds, gateway }: FunctionUsageInput, into: FunctionMeters = functionMeters()): FunctionMeters {
  const activeSeconds = activeInstanceSeconds ?? (requests * shape.billedDurationMs) / 1000 + initSeconds;
  const memoryGb = shape.billedMemoryMb / 1024;
  const increment = gateway?.billing?.meteringIncrementKb;
  const gatewayRequests = increment ? requests * Math.max(1, Math.ceil(execution.payloadKb / increment - 1e-9)) : requests;
  // Cloud Run bills minimum instances' idle time on the provisioned meters; AWS bills all configured time.
  // (Read from the shape: each table's billing object has a shape of its own, and this runs every month.)
  const warm = warmSeconds ?? 0;
  const provisionedSeconds = shape.warmBilledOnIdle ? Math.max(0, warm - activeSeconds) : warm;
  into.request = requests;
  into['gateway-request'] = gatewayRequests;
  into['gb-second'] = activeSeconds * memoryGb;
  into['gib-second'] = activeSeconds * memoryGb;
  into['vcpu-second'] = activeSeconds * shape.vcpu;
  into['cpu-ms'] = requests * execution.cpuMsPerRequest;
  into['provisioned-gb-second'] = provisionedSeconds * memoryGb;
  into['provisioned-gib-second'] = provisionedSeconds * memoryGb;
  into['provisioned-vcpu-second'] = provisionedSeconds * shape.vcpu;
  into['egress-gb'] = (requests * execution.egressKbPerResponse) / KB_PER_GB;
  into['event-request'] = 0;
  into.month = 1;
  return into;
}
