// The shape of one pricing file: pricing/<provider>/<YYYY-MM-DD>.yaml.
// Prices are decimal strings (never floats); quantities (tier bounds, allowances, limits) are plain numbers
// in the item's meter unit, because they are physical counts, not money.
import { z } from 'zod';
import { Billing } from './billing.js';
import { IsoDate, Slug, SourceUrl, UsdString } from './fields.js';
import { Limits, Trigger } from './limits.js';

export { Trigger };

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
    wholeUnits: z
      .boolean()
      .optional()
      .describe('Sold in whole priced units (packages): usage beyond what the plan includes is rounded up to a whole unit, a started one charged in full'),
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
