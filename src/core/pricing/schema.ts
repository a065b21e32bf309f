// The shape of one pricing file: pricing/<provider>/<YYYY-MM-DD>.yaml.
// Prices are decimal strings (never floats); quantities (tier bounds, allowances, limits) are plain numbers
// in the item's meter unit, because they are physical counts, not money.
import { z } from 'zod';
import { PRICE_PATTERN } from '../costs/money.js';

/** A non-negative decimal amount in USD, written as a string so no digit is lost to binary floats. */
// At most 5 integer digits and 10 decimals: the engine's exact money (costs/money.ts) relies on it.
export const UsdString = z
  .string()
  .regex(PRICE_PATTERN, 'must be a non-negative decimal string with at most 5 integer digits and 10 decimals, such as "0.0000166667"')
  .describe('USD amount as a decimal string (at most 5 integer digits and 10 decimals)');

const SourceUrl = z.url({ protocol: /^https$/ }).describe('The provider page this figure was read from');
const IsoDate = z.iso.date().describe('A date as YYYY-MM-DD');
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and dashes');

/**
 * What a price item is charged on. The cost engine computes the monthly quantity of each meter
 * from the workload; the pricing file only says which meter an item uses.
 */
export const Meter = z
  .enum([
    'request', // one invocation / HTTP request
    'gateway-request', // an API-gateway request, counted in the gateway's metering increment (billing.meteringIncrementKb)
    'gb-second', // billed duration × memory (GB = 1024 MB, as AWS and Azure count it)
    'gib-second', // same as gb-second, named as the provider names it
    'vcpu-second', // billed duration × vCPUs allocated
    'cpu-ms', // CPU time actually used, in milliseconds
    'provisioned-gb-second', // memory kept warm (provisioned concurrency / minimum instances) × seconds
    'provisioned-vcpu-second', // vCPUs kept warm × seconds
    'provisioned-gib-second', // memory (GiB) kept warm × seconds
    'egress-gb', // data sent to the internet
    'instance-hour', // one VM / droplet / task running for an hour
    'vcpu-hour', // one vCPU of a container task for an hour (Fargate)
    'gb-hour', // one GB of container memory for an hour (Fargate)
    'lb-hour', // a load balancer running for an hour
    'lcu-hour', // load-balancer capacity units used in an hour
    'ip-hour', // a public IPv4 address held for an hour
    'cluster-hour', // a managed Kubernetes control plane running for an hour
    'event-request', // a request to an event service (queue, notification, stream), in its metering increment
    'month', // a flat monthly subscription
  ])
  .describe('The quantity a price item is charged on');
export type Meter = z.infer<typeof Meter>;

export const Tier = z
  .strictObject({
    upTo: z
      .number()
      .positive()
      .nullable()
      .describe('Cumulative upper bound of this tier in meter units per month; null for the last, open tier'),
    priceUsd: UsdString.describe('Price per priced unit (see unitSize) within this tier'),
  })
  .describe('One price band; tiers are listed from the first unit upward');

export const PriceItem = z
  .strictObject({
    id: Slug.describe('Stable id of the item within its service'),
    name: z.string().min(1).describe('Plural noun for a line item, e.g. "requests", "compute (GB-seconds)"'),
    meter: Meter,
    unit: z.string().min(1).describe('The priced unit as shown to people, e.g. "1M requests", "GB-second"'),
    unitSize: z.number().positive().default(1).describe('How many meter units one priced unit holds (1M requests → 1000000)'),
    priceUsd: UsdString.optional().describe('Flat price per priced unit; give either this or tiers'),
    tiers: z.array(Tier).min(1).optional(),
    included: z
      .number()
      .nonnegative()
      .optional()
      .describe('Meter units per month included in the plan price: always applied'),
    freeAllowance: z
      .number()
      .nonnegative()
      .optional()
      .describe('Meter units per month of the provider free tier: applied only when the profile sets applyFreeTier'),
    mode: z
      .enum(['any', 'on-demand', 'provisioned'])
      .default('any')
      .describe('Which function pricing mode uses this item: provisioned means warm capacity (no cold starts)'),
    source: SourceUrl,
    note: z.string().optional(),
  })
  .refine((item) => (item.priceUsd === undefined) !== (item.tiers === undefined), {
    message: 'give exactly one of priceUsd or tiers',
    path: ['priceUsd'],
  })
  .refine((item) => !item.tiers || item.tiers.at(-1)?.upTo === null, {
    message: 'the last tier must be open-ended (upTo: null)',
    path: ['tiers'],
  })
  .refine(
    (item) =>
      !item.tiers ||
      item.tiers.every((tier, i, all) => i === 0 || tier.upTo === null || all[i - 1]!.upTo! < tier.upTo),
    { message: 'tier bounds must increase', path: ['tiers'] },
  );
export type PriceItem = z.infer<typeof PriceItem>;

export const InstanceType = z
  .strictObject({
    name: z.string().min(1).describe('The provider type name, e.g. "m7g.large"'),
    vcpu: z.number().positive().describe('vCPUs the instance bills for'),
    memoryGib: z.number().positive().describe('Memory in GiB'),
    arch: z.enum(['x86', 'arm']),
    burstable: z.boolean().default(false).describe('Shared-core / CPU-credit type: sustained load beyond its baseline costs extra'),
    baselineCpuPercent: z
      .number()
      .positive()
      .max(100)
      .optional()
      .describe('For burstable types: the sustained share of each vCPU included in the price'),
    hourlyUsd: UsdString.describe('On-demand price per instance-hour'),
    committed1yHourlyUsd: UsdString.optional().describe('Effective hourly price with a 1-year commitment, no upfront'),
    includedEgressGb: z.number().nonnegative().optional().describe('Outbound transfer included per instance-month'),
    maxInstances: z.number().int().positive().optional().describe('Largest fleet this size may run (some sizes cannot scale out)'),
    source: SourceUrl,
    committedSource: SourceUrl.optional().describe('Where the 1-year price was read'),
    note: z.string().optional(),
  })
  .refine((t) => t.committed1yHourlyUsd === undefined || t.committedSource !== undefined, {
    message: 'a committed price needs its committedSource',
    path: ['committedSource'],
  });
export type InstanceType = z.infer<typeof InstanceType>;

/** What starts a function's work; profiles name one, function services list those they can be started by. */
export const Trigger = z
  .enum(['http', 'queue', 'schedule', 'storage-event', 'database-stream'])
  .describe('What starts the work: an HTTP request, a queue message, a schedule, a file upload or a database change');
export type Trigger = z.infer<typeof Trigger>;

export const Limits = z
  .strictObject({
    maxDurationMs: z.number().positive().optional().describe('Longest a single invocation may run (wall clock)'),
    maxCpuMsPerRequest: z.number().positive().optional().describe('Most CPU time one invocation may use'),
    minMemoryMb: z.number().positive().optional(),
    maxMemoryMb: z.number().positive().optional(),
    maxPayloadKb: z.number().positive().optional().describe('Largest request body one invocation accepts'),
    defaultConcurrency: z.number().positive().optional().describe('Concurrent executions allowed by default per account/region'),
    coldStartMs: z.number().nonnegative().optional().describe('Typical added latency of a cold start (an estimate)'),
    supportsLongLivedConnections: z.boolean().optional().describe('Websockets / streaming held open by the platform'),
    invokedBy: z
      .strictObject({
        triggers: z.array(Trigger).min(1).describe('The triggers the platform itself delivers to a function'),
        source: SourceUrl.describe('Where the platform lists what can invoke a function'),
        maxDurationMs: z
          .partialRecord(Trigger, z.number().positive())
          .optional()
          .describe("Runs started by these triggers stop sooner than limits.maxDurationMs: each one's own limit, in ms"),
        maxDurationSource: SourceUrl.optional().describe('Where those per-trigger limits are published'),
        preview: z
          .array(Trigger)
          .optional()
          .describe('Triggers the platform offers only as a preview (private preview, beta): an evaluation that prices one says so'),
        notPriced: z
          .array(Trigger)
          .optional()
          .describe('Triggers the platform offers through a service this table does not price: such options are infeasible, never priced without it'),
        note: z.string().optional(),
      })
      .refine((by) => by.maxDurationMs === undefined || by.maxDurationSource !== undefined, {
        message: 'per-trigger duration limits need their maxDurationSource',
        path: ['maxDurationSource'],
      })
      .optional()
      .describe('Functions: what the platform can start a function with, wiring the event to it itself (no poller of your own)'),
    source: SourceUrl,
  })
  .describe('Platform limits that decide feasibility');

export const Billing = z
  .strictObject({
    granularityMs: z.number().positive().optional().describe('Billed duration is rounded up to a multiple of this'),
    minimumBilledMs: z.number().positive().optional().describe('Shortest duration billed per invocation'),
    memoryIncrementMb: z.number().positive().optional().describe('Billed memory is rounded up to a multiple of this'),
    minimumBilledMemoryMb: z.number().positive().optional(),
    fixedMemoryMb: z.number().positive().optional().describe('Memory billed per invocation regardless of the setting'),
    vcpuByMemory: z
      .array(z.strictObject({ upToMemoryMb: z.number().positive(), vcpu: z.number().positive() }))
      .min(1)
      .optional()
      .describe('vCPUs allocated for a memory size: the first row whose upToMemoryMb ≥ the memory'),
    meteringIncrementKb: z.number().positive().optional().describe('Gateways: a request is metered per this much payload'),
    instanceMinimumSeconds: z.number().positive().optional().describe('Instances: shortest billed run'),
    instanceGranularitySeconds: z.number().positive().optional().describe('Instances: billing increment'),
    monthlyCapHours: z.number().positive().optional().describe('Instances: hours after which a month is billed at the monthly price'),
    warmCapacityBilledOn: z
      .enum(['configured', 'idle'])
      .default('configured')
      .describe('Functions: provisioned items bill all warm capacity (AWS) or only its idle part, active time being billed as usual (Cloud Run)'),
    concurrentExecutionsPerInstance: z
      .number()
      .positive()
      .default(1)
      .describe('Functions: executions one warm instance runs at once (still bounded by its vCPUs); 1 for Lambda-style environments'),
    publicIpAddresses: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Load balancers: public IPv4 addresses it holds, charged by the ip-hour item of the egress service'),
    includedCreditUsd: UsdString.optional().describe(
      'Functions: a monthly usage credit the plan includes (Vercel, Netlify), applied to every charge of the option except the plan fee',
    ),
    initPhase: z
      .strictObject({
        coldStartPercent: z
          .number()
          .positive()
          .max(100)
          .describe('Share of on-demand invocations that start a new execution environment, in percent (the provider\'s own figure)'),
        typicalInitMs: z
          .number()
          .positive()
          .describe("INIT time billed per cold start when the profile gives none (execution.initDurationMs), in ms: an estimate the evaluation warns about"),
        source: SourceUrl,
      })
      .optional()
      .describe(
        'Functions: on-demand invocations that cold-start also pay for initialising the code (the INIT phase, AWS Lambda from 2025-08-01): ' +
          "coldStartPercent of invocations each add the profile's initDurationMs (default: typicalInitMs) to the billed duration",
      ),
    nodeService: Slug.optional().describe('Kubernetes: id of the vm service whose instance types are the worker nodes'),
    triggers: z
      .array(Trigger.exclude(['http']))
      .optional()
      .describe('Event sources: the triggers whose events this service delivers (and bills)'),
    consumedPerMessage: z
      .number()
      .nonnegative()
      .optional()
      .describe('Event sources: requests a consumer adds per message besides its send (Cloudflare Queues: a read and a delete, 2; Pub/Sub: the delivery, 1)'),
    maxBatchSize: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Event sources: most events one invocation receives, whatever the profile's batchSize (Vercel Queues push mode: 1)"),
    consumedPerBatch: z
      .number()
      .nonnegative()
      .optional()
      .describe('Event sources: requests a consumer adds per batch it takes (Amazon SQS: a receive and a delete, 2)'),
    loadBalancerNodes: z
      .strictObject({
        rpsPerNode: z.number().positive().describe('Requests per second one node handles'),
        source: SourceUrl,
      })
      .optional()
      .describe("Load balancers sized by the node: the month's node count is the week's peak rate ÷ rpsPerNode, rounded up"),
    requiresGateway: Slug.optional().describe('Functions: id of the gateway service (same provider) needed to serve HTTP'),
    requiresLoadBalancer: Slug.optional().describe('Instances: id of the load balancer service needed for more than one instance'),
    egressService: Slug.optional().describe('id of the service holding the egress price'),
    note: z.string().optional(),
  })
  .describe('How usage is rounded before prices apply');

export const ServiceKind = z.enum(['function', 'gateway', 'vm', 'container', 'load-balancer', 'network', 'kubernetes', 'event-source']);

export const Service = z
  .strictObject({
    id: Slug,
    name: z.string().min(1),
    kind: ServiceKind,
    architecture: z
      .enum(['serverless', 'traditional', 'support'])
      .describe('What the service is an option for: support services (gateways, egress) only add to other options'),
    arch: z.enum(['x86', 'arm']).optional(),
    plan: z.string().optional().describe('The plan or usage model these prices belong to'),
    limits: Limits.optional(),
    billing: Billing.optional(),
    items: z.array(PriceItem).default([]),
    instanceTypes: z.array(InstanceType).optional(),
    taskSizes: z
      .array(z.strictObject({ vcpu: z.number().positive(), memoryGib: z.array(z.number().positive()).min(1) }))
      .optional()
      .describe('Containers: the allowed vCPU / memory combinations'),
    source: SourceUrl.describe('The service pricing page'),
    note: z.string().optional(),
  })
  .refine((s) => s.kind !== 'vm' || (s.instanceTypes?.length ?? 0) > 0, {
    message: 'a vm service lists its instanceTypes',
    path: ['instanceTypes'],
  })
  .refine((s) => s.kind !== 'kubernetes' || s.billing?.nodeService !== undefined, {
    message: 'a kubernetes service names its worker nodes in billing.nodeService',
    path: ['billing', 'nodeService'],
  })
  .refine((s) => s.kind !== 'function' || s.limits?.invokedBy !== undefined, {
    message: 'a function service says what can invoke it in limits.invokedBy',
    path: ['limits', 'invokedBy'],
  })
  .refine((s) => !s.billing?.triggers?.includes('queue') || s.billing.consumedPerMessage !== undefined || s.billing.consumedPerBatch !== undefined, {
    message: 'a queue says what its consumer pays: billing.consumedPerMessage or billing.consumedPerBatch',
    path: ['billing', 'consumedPerMessage'],
  })
  .refine((s) => s.kind !== 'event-source' || (s.billing?.triggers?.length ?? 0) > 0, {
    message: 'an event-source service lists the triggers it delivers in billing.triggers',
    path: ['billing', 'triggers'],
  });
export type Service = z.infer<typeof Service>;

export const Provider = z.enum(['aws', 'gcp', 'azure', 'cloudflare', 'digitalocean', 'vercel', 'netlify', 'heroku']);
export type Provider = z.infer<typeof Provider>;

export const PricingFile = z
  .strictObject({
    provider: Provider,
    effectiveDate: IsoDate.describe('The day these prices took effect (must match the file name)'),
    currency: z.literal('USD'),
    region: z.string().min(1).describe('The region these prices are for, in the provider code'),
    regionName: z.string().min(1),
    location: z
      .string()
      .regex(/^(global|[a-z]{2}(-[a-z0-9]+)*)$/, 'must be "global" or a region code such as "us-east"')
      .describe('Where these prices apply, in the region codes profiles use ("us-east", "eu"), or "global" for one price everywhere'),
    changes: z
      .array(z.string().min(1))
      .default([])
      .describe('What changed on this date compared with the previous file'),
    note: z.string().optional(),
    services: z.array(Service).min(1),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.services.forEach((service, i) => {
      if (ids.has(service.id)) ctx.addIssue({ code: 'custom', message: `duplicate service id "${service.id}"`, path: ['services', i, 'id'] });
      ids.add(service.id);
    });
    file.services.forEach((service, i) => {
      for (const key of ['requiresGateway', 'requiresLoadBalancer', 'egressService', 'nodeService'] as const) {
        const ref = service.billing?.[key];
        if (ref !== undefined && !ids.has(ref))
          ctx.addIssue({ code: 'custom', message: `no service "${ref}" in this file`, path: ['services', i, 'billing', key] });
      }
    });
  });
export type PricingFile = z.infer<typeof PricingFile>;
