// Worked examples that providers publish on their own pricing pages, reproduced to the cent by the
// engine's pricing functions reading the committed pricing files. Each test cites its page.
import t from 'tap';
import { functionShape, functionUsage } from '../../src/core/costs/function-usage.js';
import { priceItem, pricedItem } from '../../src/core/costs/price-item.js';
import { serverSizes } from '../../src/core/costs/servers.js';
import { priceServiceItems } from '../../src/core/costs/service-lines.js';
import { cents, exact, itemised, profile, service, table } from './examples.js';


/** Prices one function service for `requests` invocations of the profile's execution, on demand. */
function functionBill(provider: Parameters<typeof table>[0], date: string, id: string, requests: number, execution: Record<string, unknown>, applyFreeTier = true) {
  const fn = service(table(provider, date), id);
  const p = profile(execution);
  const usage = functionUsage({ shape: functionShape(fn, p.execution), execution: p.execution, requests });
  return itemised((b) => priceServiceItems(fn, usage, applyFreeTier, b, 'on-demand'));
}

t.test('AWS Lambda, mobile backend: 3M requests × 120 ms at 1536 MB = $2.73', async (t) => {
  // https://aws.amazon.com/lambda/pricing/ — "Mobile application backend" example:
  // 540,000 GB-s − 400,000 free = 140,000 × $0.0000166667 = $2.33; (3M − 1M) × $0.20/M = $0.40.
  const lines = functionBill('aws', '2024-06-01', 'lambda-x86', 3_000_000, { averageDurationMs: 120, memoryMb: 1536 });
  t.equal(cents(lines.filter((l) => l.name.includes('compute'))), '2.33');
  t.equal(cents(lines, 'AWS Lambda (x86_64): free tier: compute'), '-6.67', 'the free tier is a visible credit');
  t.equal(cents(lines.filter((l) => l.name.includes('requests'))), '0.40');
  t.equal(cents(lines), '2.73');
  t.equal(exact(lines), '2.733338');
});

t.test('AWS Lambda, streaming telemetry: 7.44M × 2 s at 1 GB, no free tier = $249.49', async (t) => {
  // https://aws.amazon.com/lambda/pricing/ — "Enriching streaming telemetry": 7.44M × $0.20/M = $1.488,
  // 14.88M GB-s × $0.0000166667 = $248.00; total $249.49.
  const lines = functionBill('aws', '2024-06-01', 'lambda-x86', 10_000 * 24 * 31, { averageDurationMs: 2000, memoryMb: 1024 }, false);
  t.equal(exact(lines.filter((l) => l.name.includes('requests'))), '1.488');
  t.equal(cents(lines.filter((l) => l.name.includes('compute'))), '248.00');
  t.equal(cents(lines), '249.49');
});

t.test('AWS Lambda, Provisioned Concurrency example 2: 7 × 4096 MB for 24 h = $32.26', async (t) => {
  // https://aws.amazon.com/lambda/pricing/ — "Cyber Monday": 2,419,200 GB-s × $0.0000041667 = $10.08;
  // 2,240,000 GB-s × $0.0000097222 = $21.78; 2M requests × $0.20/M = $0.40 (no free tier with PC).
  const lambda = service(table('aws', '2024-06-01'), 'lambda-x86');
  const usage = ({ 'provisioned-gb-second': 7 * 4 * 86_400, 'gb-second': 2_000_000 * 0.28 * 4, request: 2_000_000 });
  const lines = itemised((b) => priceServiceItems(lambda, usage, false, b, 'provisioned'));
  t.equal(cents(lines, 'AWS Lambda (x86_64): provisioned concurrency'), '10.08');
  t.equal(cents(lines, 'AWS Lambda (x86_64): duration while provisioned'), '21.78');
  t.equal(cents(lines, 'AWS Lambda (x86_64): requests'), '0.40');
  t.equal(cents(lines), '32.26');
  t.notOk(lines.some((l) => l.name.includes('compute (GB-seconds)')), 'the on-demand rate is not charged while provisioned');
});

t.test('Amazon API Gateway HTTP API, example 1: 432M requests = $418.80 over two tiers', async (t) => {
  // https://aws.amazon.com/api-gateway/pricing/ — 300M × $1.00/M = $300; 132M × $0.90/M = $118.80.
  const gateway = service(table('aws', '2024-06-01'), 'apigw-http');
  const lines = itemised((b) => priceItem(pricedItem(gateway.items[0]!), 10_000 * 60 * 24 * 30, true, b));
  t.same(
    lines.map((l) => [l.name, l.quantity, l.amountUsd]),
    [
      ['requests, first 300M', 300, '300'],
      ['requests, over 300M', 132, '118.8'],
    ],
  );
});

t.test('Amazon API Gateway HTTP API, example 2: 4.5 MB uploads metered per 512 KB = $9.72', async (t) => {
  // https://aws.amazon.com/api-gateway/pricing/ — 25 calls/min for 30 days × (4.5 MB / 512 KB) = 9.72M requests.
  const file = table('aws', '2024-06-01');
  const gateway = service(file, 'apigw-http');
  const lambda = service(file, 'lambda-x86');
  const p = profile({ averageDurationMs: 100, payloadKb: 4.5 * 1024 });
  const usage = functionUsage({ shape: functionShape(lambda, p.execution), execution: p.execution, requests: 25 * 60 * 24 * 30, gateway });
  t.equal(usage['gateway-request'], 9_720_000);
  t.equal(cents(itemised((b) => priceServiceItems(gateway, usage, true, b))), '9.72');
});

t.test('AWS Fargate, example 1: 5 tasks × 1 vCPU / 2 GB × 10 min a day for 30 days = $1.01 + $0.22', async (t) => {
  // https://aws.amazon.com/fargate/pricing/ — vCPU 5 × 1 × $0.000011244 × 600 × 30 = $1.01; memory
  // 5 × 2 × $0.000001235 × 600 × 30 = $0.22 (the page's ephemeral storage line is not modelled).
  const task = serverSizes(service(table('aws', '2024-06-01'), 'fargate')).find((s) => s.name === '1 vCPU / 2 GB task')!;
  const lines = itemised((b) => task.bill((5 * 600 * 30) / 3600, false, b));
  t.equal(cents(lines.filter((l) => l.name.endsWith('vCPU-hours'))), '1.01');
  t.equal(cents(lines.filter((l) => l.name.includes('memory'))), '0.22');
});

t.test('Cloudflare Workers Standard: the pricing page examples', async (t) => {
  // https://developers.cloudflare.com/workers/platform/pricing/ — worked examples of monthly bills.
  const bill = (requests: number, cpuMs: number) => functionBill('cloudflare', '2025-01-01', 'workers-standard', requests, { averageDurationMs: cpuMs, cpuMsPerRequest: cpuMs, memoryMb: 128 });
  t.equal(cents(bill(15_000_000, 7)), '8.00', '15M requests × 7 ms: $5 + $1.50 + $1.50');
  t.equal(cents(bill(100_000_000, 7)), '45.40', '100M requests × 7 ms: $5 + $27.00 + $13.40');
  t.equal(cents(bill(720, 180_000)), '6.99', 'hourly cron, 3 min of CPU each: $5 + $1.99');
  t.equal(exact(bill(720, 180_000)), '6.992');
});

t.test('Cloudflare Workers, the legacy plans as the 2023 page priced them', async (t) => {
  // https://developers.cloudflare.com/workers/platform/pricing/ (2023 version, Bundled and Unbound examples).
  const bundled = functionBill('cloudflare', '2023-06-01', 'workers-bundled', 100_000_000, { averageDurationMs: 10, memoryMb: 128 });
  t.equal(cents(bundled), '50.00', 'Bundled, 100M requests: $5 + $45');
  const unbound = functionBill('cloudflare', '2023-06-01', 'workers-unbound', 100_000_000, { averageDurationMs: 200, memoryMb: 128 });
  t.equal(cents(unbound.filter((l) => l.name.includes('requests'))), '14.85');
  t.equal(cents(unbound.filter((l) => l.name.includes('GB-seconds'))), '26.25');
  t.equal(cents(unbound), '46.10', 'Unbound, 100M × 200 ms: $5 + $14.85 + $26.25');
});

t.test('Cloudflare Workers Unbound with egress, as the 2021 page priced it: $5.12', async (t) => {
  // https://developers.cloudflare.com/workers/platform/pricing/ (2021-08-09 version): 1.5M requests,
  // 200,000 GB-s, about 6 GB egress: $0.075 + $0.00 + $0.045 + the $5 minimum.
  const file = table('cloudflare', '2021-09-01');
  const unbound = service(file, 'workers-unbound');
  const egress = service(file, 'workers-unbound-egress');
  const usage = ({ request: 1_500_000, 'gb-second': 200_000, 'egress-gb': 6, month: 1 });
  t.equal(cents([...itemised((b) => priceServiceItems(unbound, usage, true, b)), ...itemised((b) => priceServiceItems(egress, usage, true, b))]), '5.12');
  t.notOk(pricingServices('2021-12-01').includes('workers-unbound-egress'), 'the fee is gone by the next table');
});

function pricingServices(date: string): string[] {
  return table('cloudflare', date).services.map((s) => s.id);
}

t.test('DigitalOcean Functions: 10M × 0.5 GiB × 0.1 s = $7.59', async (t) => {
  // https://www.digitalocean.com/pricing/functions — 500,000 GiB-s − 90,000 free = 410,000 × $0.0000185.
  const lines = functionBill('digitalocean', '2026-06-01', 'functions', 10_000_000, { averageDurationMs: 100, memoryMb: 512 });
  t.equal(cents(lines), '7.59');
  t.equal(exact(lines), '7.585');
  // The page's next rows print $26.08 and $183.33 for exact products 26.085 and 183.335: it rounds binary
  // floats (26.084999…). The engine keeps the exact decimal.
  t.equal(exact(functionBill('digitalocean', '2026-06-01', 'functions', 15_000_000, { averageDurationMs: 200, memoryMb: 512 })), '26.085');
  t.equal(exact(functionBill('digitalocean', '2026-06-01', 'functions', 1_000_000, { averageDurationMs: 100, memoryMb: 128 })), '0', 'inside the allowance');
});

t.test('Azure Functions consumption: memory is billed in 128 MB steps, at least 100 ms', async (t) => {
  // https://learn.microsoft.com/azure/azure-functions/functions-consumption-costs — "a function that uses
  // 160 MB is charged for 256 MB"; 0.5 GB × 3 s = 1.5 GB-s.
  const fn = service(table('azure', '2026-06-01'), 'functions-consumption');
  t.equal(functionShape(fn, profile({ averageDurationMs: 3000, memoryMb: 160 }).execution).billedMemoryMb, 256);
  const half = profile({ averageDurationMs: 3000, memoryMb: 512 }).execution;
  t.equal(functionUsage({ shape: functionShape(fn, half), execution: half, requests: 1 })['gb-second'], 1.5);
  t.equal(functionShape(fn, profile({ averageDurationMs: 20, memoryMb: 64 }).execution).billedDurationMs, 100, 'minimum 100 ms');
});

t.test('Amazon EventBridge Scheduler: 10M schedules invoked twice a month = $6.00', async (t) => {
  // https://aws.amazon.com/eventbridge/pricing/ — (20M − 14M free) × $1.00/M = $6.00.
  const scheduler = service(table('aws', '2024-06-01'), 'eventbridge-scheduler');
  t.equal(cents(itemised((b) => priceServiceItems(scheduler, { 'event-request': 20_000_000 }, true, b))), '6.00');
});

t.test('Amazon SQS: a 256 KB message is billed as 4 requests of 64 KB', async (t) => {
  // https://aws.amazon.com/sqs/pricing/ — "an API action with a 256 KB payload is billed as 4 requests".
  const { evaluate } = await import('../../src/core/evaluate.js');
  const { committedCatalog, defaultRuleset } = await import('../helpers.js');
  const result = evaluate(profile({ averageDurationMs: 20, memoryMb: 128, payloadKb: 256 }, { trigger: 'queue', traffic: { monthlyRequests: 1_000_000 }, providers: ['aws'], applyFreeTier: false }), {
    catalog: committedCatalog(),
    ruleset: defaultRuleset(),
    today: '2026-11-25',
  });
  const lines = result.ok ? result.evaluation.options.find((o) => o.id === 'aws/lambda-arm/on-demand')!.lineItems : [];
  // 1M sends + 1M receives + 1M deletes, each of 4 chunks = 12M requests × $0.40/M.
  t.match(lines.find((l) => /Simple Queue Service|SQS/.test(l.name)), { quantity: 12, unitPriceUsd: '0.4', amountUsd: '4.8' });
  t.notOk(lines.some((l) => /API Gateway/.test(l.name)), 'no gateway for a queue consumer');
});

t.test('Cloudflare Queues: a million messages a day for 30 days, each written, read and deleted = $35.60', async (t) => {
  // https://developers.cloudflare.com/queues/pricing/ — 3 × 30 × 1M operations, 1M included, the rest at $0.40/M:
  // (90M − 1M) × $0.40/M = $35.60. Operations count per message, not per batch: batches of 10 change nothing.
  const { evaluate } = await import('../../src/core/evaluate.js');
  const { committedCatalog, defaultRuleset } = await import('../helpers.js');
  const result = evaluate(profile({ averageDurationMs: 20, cpuMsPerRequest: 3, memoryMb: 128, payloadKb: 2 }, { trigger: 'queue', batchSize: 10, traffic: { monthlyRequests: 30_000_000 }, providers: ['cloudflare'] }), {
    catalog: committedCatalog(),
    ruleset: defaultRuleset(),
    today: '2026-11-25',
  });
  const lines = result.ok ? result.evaluation.options.find((o) => o.id === 'cloudflare/workers-standard/on-demand')!.lineItems : [];
  t.equal(cents(lines, 'Cloudflare Queues: '), '35.60');
  t.match(lines.find((l) => l.name === 'Cloudflare Queues: operations, over 1M'), { quantity: 89, unitPriceUsd: '0.4', amountUsd: '35.6' });
});

t.test('Google Cloud Pub/Sub: the pricing table rows, $40 per TiB delivered', async (t) => {
  // https://cloud.google.com/pubsub/pricing — 1 MiB/s: 2.5 TiB published + 2.5 TiB received = $200;
  // 100 MiB/s, two subscriptions: 247 + 494 TiB = $29,640 (the table leaves the 10 GiB free tier out).
  const pubsub = service(table('gcp', '2026-01-01'), 'pubsub');
  const tib = 1024 ** 3;
  t.equal(cents(itemised((b) => priceServiceItems(pubsub, { 'event-request': 5 * tib }, false, b))), '200.00');
  t.equal(cents(itemised((b) => priceServiceItems(pubsub, { 'event-request': 741 * tib }, false, b))), '29640.00');
});

t.test('Google Cloud Pub/Sub: a queue consumer pays for each message published and delivered, not acknowledged', async (t) => {
  // https://cloud.google.com/pubsub/pricing — publish and delivery throughput are billed, other operations are
  // free, at least 1,000 bytes a request: 1M messages of 1 KiB, in batches of 10, are 2M KiB, under the free 10 GiB.
  const { evaluate } = await import('../../src/core/evaluate.js');
  const { committedCatalog, defaultRuleset } = await import('../helpers.js');
  const result = evaluate(profile({ averageDurationMs: 20, memoryMb: 256, payloadKb: 1 }, { trigger: 'queue', batchSize: 10, traffic: { monthlyRequests: 1_000_000 }, providers: ['gcp'], applyFreeTier: false }), {
    catalog: committedCatalog(),
    ruleset: defaultRuleset(),
    today: '2026-11-25',
  });
  const lines = result.ok ? result.evaluation.options.find((o) => o.id === 'gcp/cloud-run-functions/on-demand')!.lineItems : [];
  const throughput = lines.find((l) => l.name.startsWith('Pub/Sub'))!;
  t.equal(throughput.quantity, Number((2_000_000 / 1024 ** 3).toFixed(12)), '2M KiB in TiB: 1M published + 1M delivered');
});

t.test('Eventarc: 2,592,000 Cloud Storage events of 2 KiB a month ride Pub/Sub inside its free 10 GiB — $0', async (t) => {
  // https://cloud.google.com/eventarc/docs/run/pricing — Google-source example: core events $0 per million;
  // transport 2 KiB/s in + 2 KiB/s out for 30 days, about 0.0095 TiB, under the 10 GB free tier: $0 in all.
  const { evaluate } = await import('../../src/core/evaluate.js');
  const { committedCatalog, defaultRuleset } = await import('../helpers.js');
  const lines = (applyFreeTier: boolean, trigger: string) => {
    const result = evaluate(
      profile({ averageDurationMs: 50, memoryMb: 256, payloadKb: 2 }, { trigger, traffic: { monthlyRequests: 2_592_000 }, providers: ['gcp'], applyFreeTier }),
      { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-25' },
    );
    return result.ok ? result.evaluation.options.find((o) => o.id === 'gcp/cloud-run-functions/on-demand')!.lineItems : [];
  };
  const withFreeTier = lines(true, 'storage-event');
  const transport = withFreeTier.find((l) => l.name === 'Eventarc (Google-source events over Pub/Sub): Pub/Sub transport (publish and delivery)')!;
  t.equal(transport.quantity, Number((10_368_000 / 1024 ** 3).toFixed(12)), '2,592,000 events × 2 KiB, published and delivered: 10,368,000 KiB');
  t.equal(cents(withFreeTier, 'Eventarc'), '0.00', 'the free 10 GiB covers it');
  // Without the free tier the same transport is 10,368,000 KiB at $40 per TiB.
  t.equal(cents(lines(false, 'storage-event'), 'Eventarc'), '0.39');
  t.equal(cents(lines(false, 'database-stream'), 'Eventarc'), '0.39', 'Firestore events take the same path');
});

t.test('Kubernetes control planes: $0.10 a cluster-hour; GKE’s free tier covers one zonal cluster', async (t) => {
  // https://aws.amazon.com/eks/pricing/ and https://cloud.google.com/kubernetes-engine/pricing
  const month = ({ 'cluster-hour': 730 });
  t.equal(cents(itemised((b) => priceServiceItems(service(table('aws', '2024-06-01'), 'eks'), month, true, b))), '73.00');
  t.equal(cents(itemised((b) => priceServiceItems(service(table('gcp', '2026-01-01'), 'gke'), month, true, b))), '0.00');
  t.equal(cents(itemised((b) => priceServiceItems(service(table('gcp', '2026-01-01'), 'gke'), month, false, b))), '73.00');
  t.equal(cents(itemised((b) => priceServiceItems(service(table('azure', '2026-01-01'), 'aks'), month, true, b))), '73.00');
});

t.test('Heroku: a Standard-1X dyno for half a month is $12.50, a full month $25; a Basic dyno for two hours $0.02', async (t) => {
  // https://help.heroku.com/5CAT4ZI1/why-am-i-being-billed and https://devcenter.heroku.com/articles/usage-and-billing
  const dynos = serverSizes(service(table('heroku', '2026-01-01'), 'dynos'));
  const standard = dynos.find((s) => s.name === 'standard-1x')!;
  t.equal(cents(itemised((b) => standard.bill(360, false, b))), '12.50');
  t.equal(cents(itemised((b) => standard.bill(720, false, b))), '25.00', 'the 720-hour month is the price’s cap');
  t.equal(cents(itemised((b) => dynos.find((s) => s.name === 'basic')!.bill(2, false, b))), '0.02');
});

t.test('Vercel: 3M one-second runs at 512 MB are 416.67 GB-hours of function duration', async (t) => {
  // https://vercel.com/guides/what-are-gb-hrs-for-serverless-function-execution — 3M × 1 s × 512/1024 GB
  // = 1,500,000 GB-s = 416.67 GB-hours; the 2024 Pro plan includes 1,000 GB-hours, then $0.18 each.
  const vercel = service(table('vercel', '2024-06-01'), 'vercel-functions');
  const p = profile({ averageDurationMs: 1000, memoryMb: 512 });
  const usage = functionUsage({ shape: functionShape(vercel, p.execution), execution: p.execution, requests: 3_000_000 });
  const duration = itemised((b) => priceServiceItems(vercel, usage, true, b)).filter((l) => l.name.includes('duration'));
  t.equal(duration.reduce((sum, l) => sum + l.quantity, 0).toFixed(2), '416.67');
  t.equal(cents(duration), '0.00', 'inside the 1,000 GB-hours the plan includes');
});

t.test('Netlify: 37 minutes at 2,560 MB are 1.54 GB-hours (15.4 credits, $0.10)', async (t) => {
  // https://docs.netlify.com/functions/usage-and-billing/ — (37/60) × 2.5 = 1.54 GB-hour units; 10 credits
  // each; a 1,500-credit pack is $10, so 15.4 credits are $0.10 (the page rounds to 1.54 first).
  const netlify = service(table('netlify', '2026-06-01'), 'netlify-functions');
  const p = profile({ averageDurationMs: 37 * 60_000, memoryMb: 2560 });
  const usage = functionUsage({ shape: functionShape(netlify, p.execution), execution: p.execution, requests: 1 });
  t.equal((usage['gb-second'] / 3600).toFixed(2), '1.54');
  const compute = itemised((b) => priceServiceItems(netlify, usage, false, b)).filter((l) => l.name.includes('compute'));
  t.equal(cents(compute), '0.10');
});

t.test('Vercel Pro since 2025-09-09: the $20 fee includes $20 of usage, never less than $20 a month', async (t) => {
  // https://vercel.com/pricing — "$20/mo … includes $20 of usage credit" applied across all usage meters.
  const { evaluate } = await import('../../src/core/evaluate.js');
  const { committedCatalog, defaultRuleset } = await import('../helpers.js');
  const month = (monthlyRequests: number) => {
    const result = evaluate(profile({ averageDurationMs: 100, memoryMb: 512 }, { traffic: { monthlyRequests }, providers: ['vercel'], pricingDate: '2026-06-01' }), {
      catalog: committedCatalog(),
      ruleset: defaultRuleset(),
      today: '2026-11-25',
    });
    return result.ok ? result.evaluation.options[0]! : undefined;
  };
  const small = month(100_000)!;
  t.equal(small.monthlyUsd, '20', 'a little usage is covered by the credit: the fee alone');
  const credit = small.lineItems.find((l) => /usage credit/.test(l.name))!;
  t.ok(Number(credit.amountUsd) < 0 && Number(credit.amountUsd) > -20, `credit ${credit.amountUsd} covers exactly the usage`);
  const large = month(10_000_000)!;
  t.equal(large.lineItems.find((l) => /usage credit/.test(l.name))!.amountUsd, '-20', 'a month with more usage gets the whole $20');
  t.ok(Number(large.monthlyUsd) > 20);
  const idle = month(0)!;
  t.equal(idle.monthlyUsd, '20');
  t.notOk(idle.lineItems.some((l) => /usage credit/.test(l.name)), 'no usage, no credit line');
});

t.test('Vercel Pro before 2026-05-29 sold invocations in packages of 1M; from then on, per invocation', async (t) => {
  // https://vercel.com/changelog/function-invocations-now-billed-per-unit — invocations move "from package-based
  // to per-unit pricing": $0.0000006 per invocation, previously $0.60 per 1M. 2.4M invocations with 1M included
  // (2024 Pro): 1.4M over, bought as two packages = $1.20. Without the allowance (2025-09-09): three = $1.80.
  const invocations = (date: string, requests: number) =>
    itemised((b) => priceServiceItems(service(table('vercel', date), 'vercel-functions'), { request: requests }, false, b)).filter((l) => l.name.includes('invocations'));
  t.same(invocations('2024-06-01', 2_400_000).map((l) => [l.name, l.quantity, l.amountUsd]), [
    ['Vercel Functions (Node.js runtime): function invocations, included in plan', 1, '0'],
    ['Vercel Functions (Node.js runtime): function invocations, over 1M', 2, '1.2'],
  ]);
  t.equal(cents(invocations('2025-10-01', 2_400_000)), '1.80', 'a started package is charged in full');
  t.equal(cents(invocations('2025-10-01', 3_000_000)), '1.80', 'whole packages are not rounded further');
  t.equal(cents(invocations('2026-06-01', 2_400_000)), '1.44', 'per invocation: 2.4M × $0.0000006');
});
