// Work that is not HTTP: a scheduled nightly job and a queue consumer. No gateway and no load balancer is
// billed, queue batches divide the invocations, and the verdict's reasons name the trigger.
import t from 'tap';
import { evaluate } from '../../src/core/evaluate.js';
import type { Evaluation } from '../../src/core/evaluation/schema.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';

function run(input: Record<string, unknown>): Evaluation {
  const result = evaluate(WorkloadProfile.parse(input), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.evaluation;
}

const noGatewayNoBalancer = (t: { notOk: (v: unknown, m: string) => void }, evaluation: Evaluation) => {
  for (const option of evaluation.options.filter((o) => o.feasible))
    t.notOk(option.lineItems.some((l) => /API Gateway|Load Balanc|load balancer/i.test(l.name)), `${option.id}: no gateway or load balancer`);
};

t.test('a scheduled nightly job', async (t) => {
  const evaluation = run({
    name: 'nightly report',
    trigger: 'schedule',
    traffic: { monthlyRequests: 30, pattern: 'batch' },
    execution: { averageDurationMs: 240_000, memoryMb: 1024, egressKbPerResponse: 0 },
    providers: ['aws', 'gcp'],
  });
  noGatewayNoBalancer(t, evaluation);
  t.equal(evaluation.recommendation.architecture, 'serverless');
  const fired = evaluation.firedRules.map((r) => r.id);
  t.ok(fired.includes('scheduled-job') && fired.includes('event-driven-work'), fired.join(', '));
  t.match(evaluation.firedRules.find((r) => r.id === 'scheduled-job')!.conditions, [{ fact: 'trigger', actual: 'schedule', held: true }]);
  t.equal(evaluation.facts.trigger, 'schedule');
});

t.test('a queue consumer: batches of ten, ten times fewer invocations', async (t) => {
  const consumer = { name: 'order events', trigger: 'queue', traffic: { monthlyRequests: 20_000_000, pattern: 'business-hours' }, execution: { averageDurationMs: 40, memoryMb: 512, payloadKb: 2, egressKbPerResponse: 0 }, providers: ['aws'], applyFreeTier: false };
  const batched = run({ ...consumer, batchSize: 10 });
  const single = run({ ...consumer, batchSize: 1 });
  noGatewayNoBalancer(t, batched);
  const requests = (e: Evaluation) => e.options.find((o) => o.id === 'aws/lambda-arm/on-demand')!.lineItems.find((l) => l.name === 'AWS Lambda (Arm / Graviton2): requests')!;
  t.equal(requests(single).quantity, 20, '20M invocations of one event');
  t.equal(requests(batched).quantity, 2, '2M invocations of ten events');
  t.equal(batched.recommendation.architecture, 'serverless');
  t.ok(batched.firedRules.some((r) => r.id === 'queue-batches-cut-invocations'));
  t.ok(batched.firedRules.some((r) => r.id === 'event-driven-work'));
  t.match(batched.recommendation.summary, /event-driven-work/);
});

t.test('latency rules do not apply to a queue', async (t) => {
  const strict = { traffic: { monthlyRequests: 5_000_000 }, execution: { averageDurationMs: 30, memoryMb: 256 }, latency: { p99TargetMs: 50, coldStartTolerance: 'none' }, providers: ['aws'] };
  const http = run(strict).firedRules.map((r) => r.id);
  const queue = run({ ...strict, trigger: 'queue' }).firedRules.map((r) => r.id);
  t.ok(http.includes('no-cold-starts-tolerated') && http.includes('latency-critical'));
  t.notOk(queue.includes('no-cold-starts-tolerated') || queue.includes('latency-critical'));
  t.ok(queue.includes('asynchronous-work-tolerates-latency'));
});

t.test('a stream batch longer than the function limit is infeasible as a batch', async (t) => {
  const evaluation = run({ trigger: 'database-stream', batchSize: 100, traffic: { monthlyRequests: 1_000_000 }, execution: { averageDurationMs: 10_000, memoryMb: 256 }, providers: ['aws'] });
  t.match(evaluation.options.find((o) => o.id === 'aws/lambda-x86/on-demand')!.infeasibleBecause, /stops a run after 900000 ms; the workload runs up to 1000000 ms/);
});

t.test('a platform the trigger cannot start is infeasible, and says what does start it', async (t) => {
  const uploads = run({ name: 'thumbnails', trigger: 'storage-event', traffic: { monthlyRequests: 3_000_000 }, execution: { averageDurationMs: 800, memoryMb: 1024 }, providers: ['aws', 'digitalocean'] });
  const digitalocean = uploads.options.find((o) => o.id === 'digitalocean/functions/on-demand')!;
  t.equal(digitalocean.feasible, false);
  t.match(digitalocean.infeasibleBecause, /DigitalOcean Functions cannot be started by storage events; the platform starts functions on HTTP requests, a schedule/);
  t.ok(uploads.options.find((o) => o.id === 'aws/lambda-arm/on-demand')!.feasible, 'S3 event notifications start Lambda functions');
  t.notOk(uploads.options.some((o) => o.id.startsWith('digitalocean/') && o.architecture === 'hybrid'), 'no hybrid without a function that can take the overflow');
});

t.test('Cloud Run functions stop event-driven runs after 9 minutes, HTTP ones after 60', async (t) => {
  const tenMinutes = { traffic: { monthlyRequests: 10_000 }, execution: { averageDurationMs: 600_000, memoryMb: 1024 }, providers: ['gcp'] };
  const cloudRun = (e: Evaluation) => e.options.find((o) => o.id === 'gcp/cloud-run-functions/on-demand')!;
  t.equal(cloudRun(run(tenMinutes)).feasible, true, 'an HTTP request may run 10 minutes');
  const queued = cloudRun(run({ ...tenMinutes, trigger: 'queue' }));
  t.equal(queued.feasible, false);
  t.match(queued.infeasibleBecause, /stops a run started by queue messages after 540000 ms; the workload runs up to 600000 ms/);
  t.equal(cloudRun(run({ ...tenMinutes, trigger: 'schedule' })).feasible, true, 'Cloud Scheduler calls the function over HTTP');
});

t.test('a Worker has no wall-clock limit over HTTP, 15 minutes as a queue consumer', async (t) => {
  const twentyMinutes = { traffic: { monthlyRequests: 1_000 }, execution: { averageDurationMs: 1_200_000, cpuMsPerRequest: 1_000, memoryMb: 128 }, providers: ['cloudflare', 'aws'] };
  const worker = (e: Evaluation) => e.options.find((o) => o.id === 'cloudflare/workers-standard/on-demand')!;
  t.equal(worker(run(twentyMinutes)).feasible, true, 'waiting on the network costs no CPU time');
  t.match(worker(run({ ...twentyMinutes, trigger: 'queue' })).infeasibleBecause, /stops a run started by queue messages after 900000 ms/);
});

t.test('Azure Functions answer HTTP within 230 s whatever the timeout; Netlify stops scheduled functions at 30 s', async (t) => {
  const find = (e: Evaluation, id: string) => e.options.find((o) => o.id === id)!;
  const fiveMinutes = { traffic: { monthlyRequests: 10_000 }, execution: { averageDurationMs: 300_000, memoryMb: 512 }, providers: ['azure'] };
  t.match(find(run(fiveMinutes), 'azure/functions-consumption/on-demand').infeasibleBecause, /stops a run started by HTTP requests after 230000 ms/);
  t.equal(find(run({ ...fiveMinutes, trigger: 'queue' }), 'azure/functions-consumption/on-demand').feasible, true, 'a queue-triggered run may use the 10-minute timeout');
  const fortyFiveSeconds = { traffic: { monthlyRequests: 3_000 }, execution: { averageDurationMs: 45_000, memoryMb: 1024 }, providers: ['netlify', 'aws'] };
  t.equal(find(run(fortyFiveSeconds), 'netlify/netlify-functions/on-demand').feasible, true, 'a synchronous function may run 60 s');
  t.match(find(run({ ...fortyFiveSeconds, trigger: 'schedule' }), 'netlify/netlify-functions/on-demand').infeasibleBecause, /started by a schedule after 30000 ms/);
});

t.test('a trigger a platform offers only in preview is priced, and the warnings say it is a preview', async (t) => {
  const nightly = { trigger: 'schedule', traffic: { monthlyRequests: 30, pattern: 'batch' }, execution: { averageDurationMs: 60_000, memoryMb: 256 }, providers: ['digitalocean', 'aws'] };
  const evaluation = run(nightly);
  t.equal(evaluation.options.find((o) => o.id === 'digitalocean/functions/on-demand')!.feasible, true);
  t.ok(
    evaluation.warnings.includes(
      "digitalocean/functions: starting these functions on a schedule is a preview feature (see the pricing table's note on limits.invokedBy), priced as offered but not generally available",
    ),
    evaluation.warnings.join('\n'),
  );
  t.notOk(run({ ...nightly, trigger: 'http' }).warnings.some((w) => /preview feature/.test(w)), 'HTTP is no preview');
});

t.test('Vercel Queues: a send, a push and an acknowledgement per message, in 4 KiB chunks, one message per call', async (t) => {
  // https://vercel.com/docs/queues/pricing — billed per operation (send, receive, delete, visibility change,
  // notify), messages metered in 4 KiB chunks; $0.60 per 1M operations from the launch changelog.
  const consumer = { trigger: 'queue', batchSize: 10, traffic: { monthlyRequests: 1_000_000 }, execution: { averageDurationMs: 100, memoryMb: 2048, payloadKb: 2 }, providers: ['vercel'], pricingDate: '2026-06-01' };
  const vercel = (e: Evaluation) => e.options.find((o) => o.id === 'vercel/vercel-functions/on-demand')!;
  const small = vercel(run(consumer));
  t.match(small.lineItems.find((l) => l.name === 'Vercel Queues: queue operations'), { quantity: 3, unitPriceUsd: '0.6', amountUsd: '1.8' }, '1M sends + 1M pushes + 1M deletes');
  t.equal(small.lineItems.find((l) => l.name.endsWith(': function invocations'))?.quantity, 1_000_000, 'push mode calls the function once per message, whatever batchSize says');
  const large = vercel(run({ ...consumer, execution: { ...consumer.execution, payloadKb: 6 } }));
  t.match(large.lineItems.find((l) => l.name === 'Vercel Queues: queue operations'), { quantity: 6, amountUsd: '3.6' }, 'a 6 KiB message is two chunks');
  const before = vercel(run({ ...consumer, providers: ['vercel', 'aws'], pricingDate: '2026-01-15' }));
  t.equal(before.feasible, false);
  t.match(before.infeasibleBecause, /cannot be started by queue messages/, 'no queue trigger before the table that prices Queues');
  t.ok(run(consumer).warnings.some((w) => /^vercel\/vercel-functions: starting these functions on queue messages is a preview feature/.test(w)), 'Queues is a public beta');
});

t.test('Azure: blob events pay Event Grid for the ingress and the delivery; a Cosmos DB change feed is not priced', async (t) => {
  // https://azure.microsoft.com/en-us/pricing/details/event-grid/ — $0.60 per million operations after the first
  // 100,000 a month; ingress and delivery attempts are operations. 3M events: 6M operations, 5.9M billed = $3.54.
  const uploads = { trigger: 'storage-event', traffic: { monthlyRequests: 3_000_000 }, execution: { averageDurationMs: 200, memoryMb: 512, payloadKb: 1 }, providers: ['azure', 'aws'] };
  const consumption = (e: Evaluation) => e.options.find((o) => o.id === 'azure/functions-consumption/on-demand')!;
  const lines = consumption(run(uploads)).lineItems.filter((l) => l.name.startsWith('Azure Event Grid'));
  t.same(
    lines.map((l) => [l.name, l.quantity, l.amountUsd]),
    [
      ['Azure Event Grid (Basic tier, system topics): operations', 6, '3.6'],
      ['Azure Event Grid (Basic tier, system topics): free tier: operations', 0.1, '-0.06'],
    ],
  );
  const changes = consumption(run({ ...uploads, trigger: 'database-stream' }));
  t.equal(changes.feasible, false);
  t.match(changes.infeasibleBecause, /can be started by database change streams, but this pricing table does not price the service that delivers them/);
});

t.test('a batch too long for every platform but one that takes a message at a time: not every function limit is exceeded', async (t) => {
  // Batches of 10 × 100 s = 1,000 s run past Vercel's 800 s, but Vercel Queues pushes one message per call.
  const evaluation = run({ trigger: 'queue', batchSize: 10, traffic: { monthlyRequests: 100_000 }, execution: { averageDurationMs: 100_000, memoryMb: 2048 }, providers: ['vercel', 'aws'], pricingDate: '2026-06-01' });
  t.equal(evaluation.facts.maxDurationExceedsSomeFunctionLimit, true, 'Lambda stops a 1,000 s batch at 900 s');
  t.equal(evaluation.facts.maxDurationExceedsEveryFunctionLimit, false);
  t.equal(evaluation.options.find((o) => o.id === 'vercel/vercel-functions/on-demand')!.feasible, true);
  t.equal(evaluation.options.find((o) => o.id === 'aws/lambda-arm/on-demand')!.feasible, false);
});
