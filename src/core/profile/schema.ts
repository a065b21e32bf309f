// The workload profile (SPEC §2): the one schema behind validation, TypeScript types, OpenAPI and the
// editor JSON Schema. Every object is strict, so a typo such as `peakRPS` is an error naming the key.
import { z } from 'zod';
import { PRICE_PATTERN } from '../costs/money.js';
import { Provider, Trigger } from '../pricing/schema.js';
import { SECONDS_PER_MONTH } from '../traffic/week.js';

/**
 * The error param of a field the profile cannot do without: a missing one reads "required: …" with what it
 * wants, instead of zod's "expected object, received undefined"; a present but wrong one keeps zod's message.
 */
export function required(what: string, otherwise: (issue: { input?: unknown }) => string | undefined = () => undefined): { error: (issue: { input?: unknown }) => string | undefined } {
  return { error: (issue) => (issue.input === undefined ? `required: ${what}` : otherwise(issue)) };
}

/**
 * A number written as text says how to write it: to YAML and JSON, "100" in quotes and 1_000_000 or 1,000,000
 * (YAML 1.2 has no digit separators) are strings. Anything else keeps zod's message.
 */
function numberAsText(issue: { input?: unknown }): string | undefined {
  if (typeof issue.input !== 'string') return undefined;
  const text = issue.input.trim();
  const number = /^[+-]?\d{1,3}([_,]\d{3})+(\.\d+)?$/.test(text) ? text.replace(/[_,]/g, '') : text;
  if (number === '' || !Number.isFinite(Number(number))) return undefined;
  return `${JSON.stringify(issue.input)} is text, not a number: write ${number}${number === text ? ' without quotes' : ''}`;
}
const NUMBER = { error: numberAsText };

const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 168;
/** The least volume priced above none (see Traffic). */
const MIN_MONTHLY_REQUESTS = 0.001;

/** An hourly rate given by a person, as exact as a table price (at most 10 decimals, costs/money.ts). */
const RateInput = z
  .union([z.string(), z.number().nonnegative()])
  .transform((value) => String(value))
  .pipe(z.string().regex(PRICE_PATTERN, 'must be a non-negative decimal with at most 5 integer digits and 10 decimals, such as "85.50"'))
  .describe('USD, as a decimal string ("85.50") or a number');

/** Money given by a person: a decimal string or a plain number, normalised to a decimal string. */
const UsdInput = z
  .union([
    z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal such as "250.00"'),
    z.number().nonnegative(),
  ])
  .transform((value) => String(value))
  .describe('USD, as a decimal string ("250.00") or a number');

export const TrafficPattern = z
  .enum(['steady', 'diurnal', 'business-hours', 'spiky', 'batch'])
  .describe('A named shape of load over the week');

export const Traffic = z
  .strictObject({
    // Bounds far above any real service keep arithmetic finite: 1e13 requests a month is 3.8M per second.
    monthlyRequests: z.number(NUMBER).nonnegative().max(1e13).optional().describe('Requests per month (730 hours): 0, or 0.001 to 1e13; give this or averageRps'),
    averageRps: z.number(NUMBER).nonnegative().max(4e6).optional().describe('Average requests per second over the week: 0, or 3.8e-10 (0.001 a month) to 4M; give this or monthlyRequests'),
    peakRps: z.number(NUMBER).positive().max(4e7).optional().describe('Highest requests per second, at most 40M; derived from the pattern when absent'),
    pattern: TrafficPattern.optional().describe('Named load shape; default steady when hourlyWeights is absent'),
    hourlyWeights: z
      .array(z.number(NUMBER).nonnegative().max(1e6))
      .optional()
      .describe('24 (a day, repeated) or 168 (a week from Monday 00:00) relative loads, not all zero'),
    growthPercentPerMonth: z
      .number(NUMBER)
      .gt(-100)
      .max(1000)
      .default(0)
      .describe('Compound change of volume per month, in percent; the last month of the horizon may reach at most 1e15 requests'),
  }, required('the traffic object, with monthlyRequests or averageRps'))
  .superRefine((traffic, ctx) => {
    const volumes = [traffic.monthlyRequests, traffic.averageRps].filter((v) => v !== undefined).length;
    if (volumes === 0)
      ctx.addIssue({ code: 'custom', path: ['monthlyRequests'], message: 'give the volume as monthlyRequests or averageRps' });
    if (volumes === 2)
      ctx.addIssue({ code: 'custom', path: ['averageRps'], message: 'give only one of monthlyRequests and averageRps' });
    // A volume of a few requests a millennium means none, and searches that scale it to a trillion a month
    // would overflow a double: below a thousandth of a request a month, 0 is what the profile should say.
    const monthly = traffic.monthlyRequests ?? (traffic.averageRps ?? 0) * SECONDS_PER_MONTH;
    if (monthly > 0 && monthly < MIN_MONTHLY_REQUESTS)
      ctx.addIssue({
        code: 'custom',
        path: [traffic.monthlyRequests === undefined ? 'averageRps' : 'monthlyRequests'],
        message: `${monthly.toPrecision(3)} requests a month is below the least volume archcalc prices, 0.001 a month (averageRps ${(MIN_MONTHLY_REQUESTS / SECONDS_PER_MONTH).toPrecision(2)}); give 0 for no traffic`,
      });
    const weights = traffic.hourlyWeights;
    if (weights !== undefined) {
      if (weights.length !== HOURS_PER_DAY && weights.length !== HOURS_PER_WEEK)
        ctx.addIssue({
          code: 'custom',
          path: ['hourlyWeights'],
          message: `must hold 24 or 168 numbers, got ${weights.length}`,
        });
      else if (weights.every((w) => w === 0))
        ctx.addIssue({ code: 'custom', path: ['hourlyWeights'], message: 'must not be all zero' });
      if (traffic.pattern !== undefined)
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'give either pattern or hourlyWeights, not both' });
    }
  })
  // Copies are made with Object.assign, not spread: on this V8 a spread with fields added after it gives every
  // copy a hidden class of its own, and every read of a profile's traffic or execution in the cost loops then
  // goes megamorphic (a lookup on each read instead of a fixed offset).
  .transform(
    ({ pattern, ...traffic }): typeof traffic & { pattern?: z.infer<typeof TrafficPattern> } =>
      traffic.hourlyWeights === undefined ? Object.assign(traffic, { pattern: pattern ?? 'steady' }) : traffic,
  );

export const Execution = z
  .strictObject({
    averageDurationMs: z.number(required('the mean wall-clock time per request, in ms', numberAsText)).positive().max(86_400_000).describe('Mean wall-clock time per request, in ms'),
    p99DurationMs: z.number(NUMBER).positive().max(86_400_000).optional().describe('99th-percentile duration in ms; default the average'),
    maxDurationMs: z.number(NUMBER).positive().max(86_400_000).optional().describe('Longest single run in ms; default the p99'),
    memoryMb: z.number(NUMBER).int().min(64).max(262_144).default(512).describe('Memory one execution needs, in MB'),
    cpuMsPerRequest: z
      .number(NUMBER)
      .nonnegative()
      .max(86_400_000)
      .optional()
      .describe('CPU time per request in ms; default the average duration (CPU-bound)'),
    initDurationMs: z
      .number(NUMBER)
      .nonnegative()
      .max(600_000)
      .optional()
      .describe(
        'Time a cold start spends initialising the code before the first request (the INIT phase, "Init Duration" in AWS Lambda logs), in ms; ' +
          "billed where a platform bills it (AWS Lambda from 2025-08-01); default the pricing table's typical INIT time",
      ),
    payloadKb: z.number(NUMBER).nonnegative().max(10_485_760).default(1).describe('Request body size in KB'),
    egressKbPerResponse: z.number(NUMBER).nonnegative().max(10_485_760).default(1).describe('Response size sent to the internet, in KB'),
  }, required('the execution object, with averageDurationMs at least'))
  .superRefine((execution, ctx) => {
    const p99 = execution.p99DurationMs ?? execution.averageDurationMs;
    if (p99 < execution.averageDurationMs)
      ctx.addIssue({ code: 'custom', path: ['p99DurationMs'], message: 'must not be below averageDurationMs' });
    if (execution.maxDurationMs !== undefined && execution.maxDurationMs < p99)
      ctx.addIssue({ code: 'custom', path: ['maxDurationMs'], message: 'must not be below p99DurationMs (or the average)' });
  })
  .transform((execution) => {
    const p99DurationMs = execution.p99DurationMs ?? execution.averageDurationMs;
    // Object.assign, not spread: see Traffic.
    return Object.assign({}, execution, {
      p99DurationMs,
      maxDurationMs: execution.maxDurationMs ?? p99DurationMs,
      cpuMsPerRequest: execution.cpuMsPerRequest ?? execution.averageDurationMs,
    });
  });

export const Latency = z.strictObject({
  p99TargetMs: z.number(NUMBER).positive().max(86_400_000).optional().describe('The p99 latency the service must meet, in ms'),
  coldStartTolerance: z
    .enum(['none', 'occasional', 'any'])
    .default('occasional')
    .describe('none: no request may wait for a cold start (warm capacity is priced); occasional: a few may; any: latency is not a concern'),
});

export const ComplianceFramework = z.enum(['hipaa', 'pci-dss', 'fedramp-moderate', 'fedramp-high', 'gdpr', 'soc2', 'iso27001']);

export const Compliance = z.strictObject({
  dataResidency: z
    .union([z.literal('any'), z.array(z.string().regex(/^[a-z]{2}(-[a-z0-9]+)*$/, 'must be a region code such as "eu" or "us-east"')).min(1)], {
      error: 'must be "any" or a list of region codes such as ["eu"]',
    })
    .default('any')
    .describe('Where data may live: "any", or region codes such as ["eu"]'),
  frameworks: z.array(ComplianceFramework).default([]).describe('Compliance regimes the workload falls under'),
  dedicatedTenancy: z.boolean().default(false).describe('Must run on hardware not shared with other customers'),
});

export const Team = z.strictObject({
  opsCapacity: z
    .enum(['none', 'part-time', 'dedicated'])
    .default('part-time')
    .describe('Who runs servers: nobody, someone part of the time, or a dedicated ops team'),
  opsHourlyRateUsd: RateInput.optional().describe('Cost of an ops hour; when given, server upkeep hours are priced'),
});

export const Expect = z.strictObject({
  architecture: z.enum(['serverless', 'traditional', 'hybrid']).optional().describe('The verdict CI expects'),
  maxMonthlyUsd: UsdInput.optional().describe('Budget for the recommended option in the first month'),
  maxHorizonUsd: UsdInput.optional().describe('Budget for the recommended option over the horizon'),
});

export const WorkloadProfile = z
  .strictObject({
    // JSON has no comments: "$schema" is how a JSON file names its schema to an editor.
    $schema: z
      .string()
      .min(1)
      .max(2048)
      .optional()
      .describe(
        'For editors: the path or URL of workload-profile.schema.json, so a JSON profile gets completion and checks (YAML profiles use a "# yaml-language-server: $schema=…" comment); ignored by the evaluation',
      ),
    name: z.string().min(1).max(200).default('unnamed workload').describe('Free text naming the workload'),
    traffic: Traffic,
    execution: Execution,
    latency: Latency.default({ coldStartTolerance: 'occasional' }),
    trigger: Trigger.default('http'),
    batchSize: z
      .number(NUMBER)
      .int()
      .min(1)
      .max(10_000)
      .default(1)
      .describe('Queue and stream triggers: events handled per function invocation (each event takes averageDurationMs)'),
    state: z.enum(['stateless', 'session-affinity', 'long-lived-connections']).default('stateless'),
    compliance: Compliance.default({ dataResidency: 'any', frameworks: [], dedicatedTenancy: false }),
    team: Team.default({ opsCapacity: 'part-time' }),
    applyFreeTier: z
      .boolean()
      .default(true)
      .describe('false prices as if the free allowances are already used, as in most organisations'),
    minInstances: z
      .number(NUMBER)
      .int()
      .min(1)
      .max(100)
      .default(2)
      .describe('Servers kept running for availability in traditional options, whatever the load'),
    horizonMonths: z.number(NUMBER).int().min(1).max(120).default(12).describe('Months to project'),
    providers: z
      .array(Provider)
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'must not repeat a provider')
      .optional()
      .describe('Providers to consider; default all'),
    region: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('Where the workload runs, as a region code ("us-east-1", "eu-west"); a provider whose table prices another region is priced there, with a warning'),
    pricingDate: z.iso.date().optional().describe('Prices as of this date (YYYY-MM-DD); default today'),
    expect: Expect.optional().describe('What CI checks hold the evaluation to'),
  }, required('a workload profile object, with traffic and execution at least'))
  .superRefine((profile, ctx) => {
    // Growth compounds: 1,000% a month for 120 months would reach 10^125 requests. Fleets, hybrid baselines
    // and quantities are counted in doubles, exact only below 2^53, so the last month is bounded too.
    const { monthlyRequests, averageRps, growthPercentPerMonth } = profile.traffic;
    const first = monthlyRequests ?? (averageRps ?? 0) * SECONDS_PER_MONTH;
    const last = first * Math.pow(1 + growthPercentPerMonth / 100, profile.horizonMonths - 1);
    if (last > MAX_PROJECTED_MONTHLY_REQUESTS)
      ctx.addIssue({
        code: 'custom',
        path: ['traffic', 'growthPercentPerMonth'],
        message:
          `${growthPercentPerMonth}% a month for ${profile.horizonMonths} months takes ${first.toPrecision(3)} requests a month to ` +
          `${last.toPrecision(3)} by the last month; at most 1e15 can be projected (lower the growth or the horizon)`,
      });
  })
  .describe('A workload to evaluate');

/** The most requests a month a projection may reach (100× the largest starting volume). */
export const MAX_PROJECTED_MONTHLY_REQUESTS = 1e15;

export type WorkloadProfileInput = z.input<typeof WorkloadProfile>;
export type WorkloadProfile = z.output<typeof WorkloadProfile>;
