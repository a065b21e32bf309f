// How a service rounds and counts usage before its prices apply: the provider quirks the one pricing function
// reads (granularity, minimums, memory steps, warm capacity, credits, event delivery, load-balancer nodes).
import { z } from 'zod';
import { Slug, SourceUrl, UsdString } from './fields.js';
import { Trigger } from './limits.js';

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
    meteringIncrementKb: z.number().positive().optional().describe('Gateways and event sources: a request or an event is metered once per this much payload'),
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
    billedPerActiveInstance: z
      .strictObject({
        sizes: z
          .array(
            z.strictObject({
              memoryMb: z.number().positive().describe('Memory of one instance, billed whatever the function uses'),
              vcpu: z.number().positive().describe('Cores of one instance'),
              concurrentExecutions: z.number().int().positive().describe('Executions one instance of this size runs at once by default'),
            }),
          )
          .min(1)
          .describe('Instance sizes sold, smallest first: the smallest that holds the profile\'s memory is priced'),
        source: SourceUrl,
      })
      .optional()
      .describe(
        'Functions whose compute is billed per instance while it runs at least one execution (Azure Functions Flex Consumption), ' +
          'concurrent executions on one instance sharing that time, at the size\'s memory; granularityMs and minimumBilledMs round each active period',
      ),
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
