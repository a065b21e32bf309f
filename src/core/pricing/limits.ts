// What decides whether a platform can run a workload at all: durations, memory, payload, CPU, connections
// and what can start a function.
import { z } from 'zod';
import { SourceUrl } from './fields.js';

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
