// The facts rules reason over: the profile's fields plus what the engine derives from them and from the
// costs. One catalogue gives each fact its name, type, unit and meaning; GET /v1/facts serves it.
import type { CostReport } from '../costs/report.js';
import { invocationOf, runLimitMs } from '../costs/serverless.js';
import { cheapestOption, isGenuineOption } from '../evaluation/cheapest.js';
import type { OptionOut } from '../evaluation/schema.js';
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { toSignificant } from '../significant.js';
import { HOURS_PER_WEEK, rpsAt, type TrafficWeek } from '../traffic/week.js';

export type FactType = 'number' | 'boolean' | 'string' | 'string[]';
export type FactValue = number | boolean | string | readonly string[] | null;

export interface FactContext {
  profile: WorkloadProfile;
  week: TrafficWeek;
  files: readonly PricingFile[];
  report: CostReport;
}

export interface FactDefinition {
  name: string;
  type: FactType;
  unit?: string;
  /** For string facts: every value the fact can take, so a rule cannot compare against a typo. */
  values?: readonly string[];
  description: string;
  compute(ctx: FactContext): FactValue;
}

const usdOf = (option: OptionOut | undefined) => (option ? Number(option.monthlyUsd!) : null);
const count = (ctx: FactContext, architecture: string) => ctx.report.options.filter((o) => o.architecture === architecture && isGenuineOption(o)).length;
const listed = (ctx: FactContext, architecture: string) => ctx.report.options.filter((o) => o.architecture === architecture).length;
/**
 * For each considered function platform, whether its longest run — a whole batch, for queues and streams, as
 * large as its event source hands over at once — is longer than its run limit for the profile's trigger.
 */
const functionRuns = (ctx: FactContext) =>
  ctx.files.flatMap((f) => {
    const runMs = invocationOf(f, ctx.profile).execution.maxDurationMs;
    return f.services.filter((s) => s.kind === 'function').map((s) => runMs > (runLimitMs(s, ctx.profile.trigger) ?? Infinity));
  });
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

const STRING_VALUES = {
  pattern: ['steady', 'diurnal', 'business-hours', 'spiky', 'batch', 'custom'],
  tolerance: ['none', 'occasional', 'any'],
  state: ['stateless', 'session-affinity', 'long-lived-connections'],
  ops: ['none', 'part-time', 'dedicated'],
  architecture: ['serverless', 'traditional', 'hybrid', 'none'],
} as const;

export const FACTS: readonly FactDefinition[] = [
  // Traffic
  { name: 'monthlyRequests', type: 'number', unit: 'requests/month', description: 'Requests in the first month', compute: (c) => c.week.monthlyRequests },
  { name: 'averageRps', type: 'number', unit: 'requests/s', description: 'Average request rate over the week', compute: (c) => c.week.averageRps },
  { name: 'peakRps', type: 'number', unit: 'requests/s', description: 'Peak request rate capacity must meet', compute: (c) => c.week.peakRps },
  {
    name: 'peakToAverageRatio',
    type: 'number',
    unit: 'ratio',
    description: 'Peak rate ÷ average rate: 1 is flat, 10 is bursty',
    // To 12 digits: a pattern's ratio is the same at every volume (diurnal's is 1.5 by construction), and
    // the rounding of rates scaled to a volume must not move it across a rule's threshold and back.
    compute: (c) => (c.week.averageRps > 0 ? toSignificant(c.week.peakRps / c.week.averageRps, 12) : 1),
  },
  {
    name: 'idleShareOfWeek',
    type: 'number',
    unit: 'share 0–1',
    description: 'Share of the week’s hours at or below 20% of the average rate: time servers would sit idle',
    compute: (c) => {
      let idle = 0;
      // A hair over 20%: an hour at exactly a fifth of the average (a weight of 0.2) is idle at every volume,
      // whatever the rounding of the rates scaled to it.
      const threshold = 0.2 * c.week.averageRps * (1 + 1e-12);
      for (let h = 0; h < HOURS_PER_WEEK; h++) if (rpsAt(c.week, h) <= threshold) idle++;
      return idle / HOURS_PER_WEEK;
    },
  },
  {
    name: 'trafficPattern',
    type: 'string',
    values: STRING_VALUES.pattern,
    description: 'The named pattern, or custom when hourlyWeights shape the week',
    compute: (c) => c.profile.traffic.pattern ?? 'custom',
  },
  { name: 'growthPercentPerMonth', type: 'number', unit: '%/month', description: 'Compound change of volume per month', compute: (c) => c.profile.traffic.growthPercentPerMonth },
  {
    name: 'peakConcurrency',
    type: 'number',
    unit: 'requests in flight',
    description: 'Requests in flight at the peak: peak rate × average duration (Little’s law)',
    compute: (c) => (c.week.peakRps * c.profile.execution.averageDurationMs) / 1000,
  },
  {
    name: 'averageConcurrency',
    type: 'number',
    unit: 'requests in flight',
    description: 'Requests in flight on average: average rate × average duration (Little’s law); below 1, one server would idle most of the time',
    compute: (c) => (c.week.averageRps * c.profile.execution.averageDurationMs) / 1000,
  },
  // Execution
  { name: 'averageDurationMs', type: 'number', unit: 'ms', description: 'Mean wall-clock time per request', compute: (c) => c.profile.execution.averageDurationMs },
  { name: 'p99DurationMs', type: 'number', unit: 'ms', description: '99th-percentile duration', compute: (c) => c.profile.execution.p99DurationMs },
  { name: 'maxDurationMs', type: 'number', unit: 'ms', description: 'Longest single run', compute: (c) => c.profile.execution.maxDurationMs },
  { name: 'memoryMb', type: 'number', unit: 'MB', description: 'Memory one execution needs', compute: (c) => c.profile.execution.memoryMb },
  { name: 'cpuMsPerRequest', type: 'number', unit: 'ms', description: 'CPU time per request', compute: (c) => c.profile.execution.cpuMsPerRequest },
  {
    name: 'cpuShareOfDuration',
    type: 'number',
    unit: 'share 0–1+',
    description: 'CPU time ÷ wall time: near 1 is CPU-bound, near 0 waits on I/O',
    compute: (c) => c.profile.execution.cpuMsPerRequest / c.profile.execution.averageDurationMs,
  },
  { name: 'payloadKb', type: 'number', unit: 'KB', description: 'Request body size', compute: (c) => c.profile.execution.payloadKb },
  { name: 'egressKbPerResponse', type: 'number', unit: 'KB', description: 'Response size sent to the internet', compute: (c) => c.profile.execution.egressKbPerResponse },
  // Latency
  { name: 'p99TargetMs', type: 'number', unit: 'ms', description: 'The p99 latency target; null when none is given', compute: (c) => c.profile.latency.p99TargetMs ?? null },
  {
    name: 'coldStartTolerance',
    type: 'string',
    values: STRING_VALUES.tolerance,
    description: 'How many requests may wait for a cold start: none, occasional or any',
    compute: (c) => c.profile.latency.coldStartTolerance,
  },
  {
    name: 'latencyHeadroomMs',
    type: 'number',
    unit: 'ms',
    description: 'The p99 target − the p99 duration: time left for a cold start; null without a target',
    compute: (c) => (c.profile.latency.p99TargetMs === undefined ? null : c.profile.latency.p99TargetMs - c.profile.execution.p99DurationMs),
  },
  {
    name: 'smallestColdStartMs',
    type: 'number',
    unit: 'ms',
    description: 'Smallest cold-start estimate among the function platforms considered; null when none',
    compute: (c) => {
      const starts = c.files.flatMap((f) => f.services.filter((s) => s.kind === 'function' && s.limits?.coldStartMs !== undefined).map((s) => s.limits!.coldStartMs!));
      return starts.length > 0 ? Math.min(...starts) : null;
    },
  },
  // Trigger
  {
    name: 'trigger',
    type: 'string',
    values: ['http', 'queue', 'schedule', 'storage-event', 'database-stream'],
    description: 'What starts the work: http, queue, schedule, storage-event or database-stream',
    compute: (c) => c.profile.trigger,
  },
  {
    name: 'eventDriven',
    type: 'boolean',
    description: 'The work starts from an event (queue, schedule, upload, database change), not an HTTP request',
    compute: (c) => c.profile.trigger !== 'http',
  },
  { name: 'batchSize', type: 'number', unit: 'events/invocation', description: 'Events one function invocation handles (queue and stream triggers)', compute: (c) => c.profile.batchSize },
  // State, compliance, team
  { name: 'state', type: 'string', values: STRING_VALUES.state, description: 'What the service keeps between requests: stateless, session-affinity or long-lived-connections', compute: (c) => c.profile.state },
  {
    name: 'dataResidencyRestricted',
    type: 'boolean',
    description: 'Data must stay in named regions',
    compute: (c) => c.profile.compliance.dataResidency !== 'any',
  },
  {
    name: 'complianceFrameworks',
    type: 'string[]',
    description: 'Compliance regimes the workload falls under',
    compute: (c) => c.profile.compliance.frameworks,
  },
  { name: 'dedicatedTenancy', type: 'boolean', description: 'Must run on hardware not shared with other customers', compute: (c) => c.profile.compliance.dedicatedTenancy },
  { name: 'opsCapacity', type: 'string', values: STRING_VALUES.ops, description: 'Who runs servers: none, part-time or dedicated', compute: (c) => c.profile.team.opsCapacity },
  { name: 'opsRatePriced', type: 'boolean', description: 'The profile prices ops hours (opsHourlyRateUsd)', compute: (c) => c.profile.team.opsHourlyRateUsd !== undefined },
  // Platforms
  { name: 'providerCount', type: 'number', unit: 'providers', description: 'Providers with prices in force', compute: (c) => c.files.length },
  {
    name: 'maxDurationExceedsEveryFunctionLimit',
    type: 'boolean',
    description: 'The longest run (a whole batch, for queues and streams) is longer than every considered function platform allows for the trigger',
    compute: (c) => {
      const tooLong = functionRuns(c);
      return tooLong.length > 0 && tooLong.every(Boolean);
    },
  },
  {
    name: 'maxDurationExceedsSomeFunctionLimit',
    type: 'boolean',
    description: 'The longest run (a whole batch, for queues and streams) is longer than at least one considered function platform allows for the trigger',
    compute: (c) => functionRuns(c).some(Boolean),
  },
  // Offered against feasible: "no provider sells it" and "none can run it" are different reasons to exclude.
  { name: 'offeredServerlessOptions', type: 'number', unit: 'options', description: 'Serverless options the considered providers sell, whether or not they can run the workload', compute: (c) => listed(c, 'serverless') },
  { name: 'offeredTraditionalOptions', type: 'number', unit: 'options', description: 'Traditional options the considered providers sell, whether or not they can run the workload', compute: (c) => listed(c, 'traditional') },
  {
    name: 'pricedHybridOptions',
    type: 'number',
    unit: 'options',
    description: "Hybrids priced: one per provider's server service (Kubernetes clusters aside) with a size that fits the workload, paired with that provider's cheapest function able to run it",
    compute: (c) => listed(c, 'hybrid'),
  },
  { name: 'feasibleServerlessOptions', type: 'number', unit: 'options', description: 'Serverless options that can run the workload', compute: (c) => count(c, 'serverless') },
  { name: 'feasibleTraditionalOptions', type: 'number', unit: 'options', description: 'Traditional options that can run the workload', compute: (c) => count(c, 'traditional') },
  {
    name: 'feasibleHybridOptions',
    type: 'number',
    unit: 'options',
    description: 'Hybrid options that keep at least one server (a hybrid of zero servers is just functions)',
    compute: (c) => count(c, 'hybrid'),
  },
  // Costs
  { name: 'cheapestServerlessUsd', type: 'number', unit: 'USD/month', description: 'Cheapest feasible serverless option, first month; null when none', compute: (c) => usdOf(cheapestOption(c.report.options, 'serverless')) },
  { name: 'cheapestTraditionalUsd', type: 'number', unit: 'USD/month', description: 'Cheapest feasible traditional option, first month; null when none', compute: (c) => usdOf(cheapestOption(c.report.options, 'traditional')) },
  { name: 'cheapestHybridUsd', type: 'number', unit: 'USD/month', description: 'Cheapest hybrid that keeps a server, first month; null when none', compute: (c) => usdOf(cheapestOption(c.report.options, 'hybrid')) },
  {
    name: 'cheapestArchitecture',
    type: 'string',
    values: STRING_VALUES.architecture,
    description: 'Architecture of the cheapest feasible option, first month',
    compute: (c) => cheapestOption(c.report.options)?.architecture ?? 'none',
  },
  {
    name: 'serverlessToTraditionalCostRatio',
    type: 'number',
    unit: 'ratio',
    description: 'Cheapest serverless ÷ cheapest traditional, first month: below 1 serverless is cheaper',
    compute: (c) => ratio(usdOf(cheapestOption(c.report.options, 'serverless')), usdOf(cheapestOption(c.report.options, 'traditional'))),
  },
  {
    name: 'hybridSavingsPercent',
    type: 'number',
    unit: '%',
    description: 'How much cheaper the best hybrid is than the best of serverless and traditional; null without a hybrid',
    compute: (c) => {
      const hybrid = usdOf(cheapestOption(c.report.options, 'hybrid'));
      const others = [usdOf(cheapestOption(c.report.options, 'serverless')), usdOf(cheapestOption(c.report.options, 'traditional'))].filter((v): v is number => v !== null);
      if (hybrid === null || others.length === 0) return null;
      const best = Math.min(...others);
      return best === 0 ? 0 : ((best - hybrid) / best) * 100;
    },
  },
  {
    name: 'hybridBaselineSharePercent',
    type: 'number',
    unit: '%',
    description: 'Share of requests the cheapest hybrid’s servers serve; null without a hybrid',
    compute: (c) => (cheapestOption(c.report.options, 'hybrid')?.details.baselineSharePercent as number | undefined) ?? null,
  },
  {
    name: 'breakEvenMonthlyRequests',
    type: 'number',
    unit: 'requests/month',
    description: 'Volume above which traditional is cheaper than serverless; null when none in 1k–1T',
    compute: (c) => c.report.breakEven?.monthlyRequests ?? null,
  },
  {
    name: 'volumeToBreakEvenRatio',
    type: 'number',
    unit: 'ratio',
    description: 'Monthly requests ÷ break-even volume: above 1 the volume is past the break-even',
    compute: (c) => ratio(c.week.monthlyRequests, c.report.breakEven?.monthlyRequests ?? null),
  },
  {
    name: 'cheapestOptionChangesInHorizon',
    type: 'boolean',
    description: 'Growth makes a different option the cheapest within the horizon',
    compute: (c) => c.report.cheapestOptionChange !== null,
  },
  { name: 'horizonMonths', type: 'number', unit: 'months', description: 'Months projected', compute: (c) => c.profile.horizonMonths },
];

export const FACT_INDEX: ReadonlyMap<string, number> = new Map(FACTS.map((f, i) => [f.name, i]));

/**
 * Every fact's value, in catalogue order (the compiled rules read them by index); or only those in `only`
 * (by index, the rest null): a search's probes need only what rules read.
 */
export function computeFacts(ctx: FactContext, only?: ReadonlySet<number>): FactValue[] {
  return only ? FACTS.map((fact, i) => (only.has(i) ? fact.compute(ctx) : null)) : FACTS.map((fact) => fact.compute(ctx));
}
