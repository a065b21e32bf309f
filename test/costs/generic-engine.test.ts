// The pricing engine reads provider quirks from data. A small made-up provider file shows the defaults it
// falls back on when a field is absent, and the rarer fields no committed file happens to combine.
import t from 'tap';
import { functionShape, functionUsage, executionsPerInstance, initSecondsOf } from '../../src/core/costs/function-usage.js';
import { functionPlans } from '../../src/core/costs/serverless.js';
import { serverSizes } from '../../src/core/costs/servers.js';
import { chooseServerPlan } from '../../src/core/costs/server-choice.js';
import { serverService } from '../../src/core/costs/server-service.js';
import { networkLines, networkPricing } from '../../src/core/costs/support-lines.js';
import { Bill } from '../../src/core/costs/bill.js';
import { formatUsd } from '../../src/core/costs/money.js';
import { weekAtVolume } from '../../src/core/costs/break-even.js';
import { PricingFile, Service } from '../../src/core/pricing/schema.js';
import { trafficWeek } from '../../src/core/traffic/week.js';
import { itemised, profile } from './examples.js';

const SRC = 'https://example.com/pricing';
/** The one limit every function service states: what can start it (here, anything). */
const startedByAnything = { source: SRC, invokedBy: { triggers: ['http', 'queue', 'schedule', 'storage-event', 'database-stream'], source: SRC } };

/** A made-up provider file holding `services`. */
const madeUp = (services: unknown[]) => PricingFile.parse({ provider: 'gcp', effectiveDate: '2030-01-01', currency: 'USD', region: 'r', regionName: 'R', location: 'global', services });
/** A function service "fn" billed per request only, at `priceUsd` per million. */
const requestFunction = (priceUsd: string) => ({
  id: 'fn',
  name: 'Fn',
  kind: 'function',
  architecture: 'serverless',
  source: SRC,
  limits: startedByAnything,
  items: [{ id: 'req', name: 'requests', meter: 'request', unit: '1M requests', unitSize: 1_000_000, priceUsd, source: SRC }],
});
/** A VM service "vm" with one size, "node": 2 vCPUs and 4 GiB (~196 requests a second of 50 ms at 256 MB). */
const oneSizeVm = (size: { hourlyUsd: string; maxInstances?: number }) => ({
  id: 'vm',
  name: 'VM',
  kind: 'vm',
  architecture: 'traditional',
  source: SRC,
  instanceTypes: [{ name: 'node', vcpu: 2, memoryGib: 4, arch: 'x86', ...size, source: SRC }],
});
const file = PricingFile.parse({
  provider: 'aws',
  effectiveDate: '2030-01-01',
  currency: 'USD',
  region: 'test-1',
  regionName: 'Test',
  location: 'us-east',
  services: [
    // A function service with no limits but what starts it and no billing block: whole-millisecond billing, 1 execution per instance.
    { id: 'bare-fn', name: 'Bare', kind: 'function', architecture: 'serverless', source: SRC, limits: startedByAnything, items: [{ id: 'gbs', name: 'compute', meter: 'gb-second', unit: 'GB-second', priceUsd: '0.00001', source: SRC }] },
    {
      id: 'cpu-fn',
      name: 'CPU by memory',
      kind: 'function',
      architecture: 'serverless',
      source: SRC,
      limits: startedByAnything,
      billing: { vcpuByMemory: [{ upToMemoryMb: 1024, vcpu: 1 }, { upToMemoryMb: 2048, vcpu: 2 }], concurrentExecutionsPerInstance: 50 },
      items: [{ id: 'warm', name: 'warm vCPU', meter: 'provisioned-vcpu-second', unit: 'vCPU-second', priceUsd: '0.00001', mode: 'provisioned', source: SRC }],
    },
    {
      id: 'tasks',
      name: 'Tiered tasks',
      kind: 'container',
      architecture: 'traditional',
      source: SRC,
      taskSizes: [{ vcpu: 1, memoryGib: [2] }],
      billing: { egressService: 'net' },
      items: [
        { id: 'cpu', name: 'vCPU-hours', meter: 'vcpu-hour', unit: 'vCPU-hour', tiers: [{ upTo: 1000, priceUsd: '0.05' }, { upTo: null, priceUsd: '0.04' }], source: SRC },
        { id: 'mem', name: 'memory (GB-hours)', meter: 'gb-hour', unit: 'GB-hour', priceUsd: '0.005', source: SRC },
      ],
    },
    {
      id: 'net',
      name: 'Net',
      kind: 'network',
      architecture: 'support',
      source: SRC,
      items: [
        { id: 'egress', name: 'egress', meter: 'egress-gb', unit: 'GB', priceUsd: '0.10', included: 5, source: SRC },
        { id: 'ip', name: 'addresses', meter: 'ip-hour', unit: 'IP-hour', tiers: [{ upTo: null, priceUsd: '0.004' }], source: SRC },
      ],
    },
  ],
});
const [bare, cpuFn, tasks, net] = file.services as [Service, Service, Service, Service];
/** A service of the file with another billing block, read through the schema as a pricing file's would be (defaults filled in). */
const billedAs = (service: Service, billing: Record<string, unknown>): Service => Service.parse({ ...service, billing });

t.test('a function without limits (but what starts it) or billing rules: no breaches, 1 ms billing, no vCPU', async (t) => {
  const p = profile({ averageDurationMs: 12.3, memoryMb: 300 });
  t.same(functionShape(bare, p.execution), { billedDurationMs: 13, billedMemoryMb: 300, vcpu: 0, billedInitMs: 0, coldStartShare: 0, warmBilledOnIdle: false, concurrentExecutions: 1, billedPerActiveInstance: false }, 'no INIT phase billed');
  const [plan] = functionPlans({ ...file, services: [bare] }, profile({ averageDurationMs: 12.3, memoryMb: 300 }, { latency: { coldStartTolerance: 'none' } }));
  t.same(plan!.infeasibleBecause, [], 'no limits, no cold start estimate: nothing to breach');
  t.equal(executionsPerInstance(p.execution, plan!.shape), 1, 'one execution per instance unless the service says more');
  t.equal(plan!.mode, 'on-demand');
  // Its gateway states no limits at all: nothing of the gateway's to breach either.
  const gateway = { ...net, id: 'gw', name: 'Gateway', kind: 'gateway' as const, limits: undefined };
  const [behindGateway] = functionPlans({ ...file, services: [billedAs(bare, { requiresGateway: 'gw' }), gateway] }, p);
  t.equal(behindGateway!.gateway, gateway);
  t.same(behindGateway!.infeasibleBecause, []);
});

t.test('INIT-phase billing: the share of invocations that cold-start, each billed its INIT time at the duration granularity', async (t) => {
  const withInit = billedAs(bare, { granularityMs: 100, initPhase: { coldStartPercent: 2, typicalInitMs: 250, source: SRC } });
  const e = profile({ averageDurationMs: 100, memoryMb: 1024 }).execution;
  t.same(functionShape(withInit, e), { billedDurationMs: 100, billedMemoryMb: 1024, vcpu: 0, billedInitMs: 300, coldStartShare: 0.02, warmBilledOnIdle: false, concurrentExecutions: 1, billedPerActiveInstance: false }, "the table's 250 ms of INIT billed as 300 ms");
  const measured = profile({ averageDurationMs: 100, memoryMb: 1024, initDurationMs: 120 }).execution;
  t.equal(functionShape(withInit, measured).billedInitMs, 200, "the profile's own INIT time wins over the table's estimate");
  const none = profile({ averageDurationMs: 100, memoryMb: 1024, initDurationMs: 0 }).execution;
  t.same(functionShape(withInit, none), { billedDurationMs: 100, billedMemoryMb: 1024, vcpu: 0, billedInitMs: 0, coldStartShare: 0, warmBilledOnIdle: false, concurrentExecutions: 1, billedPerActiveInstance: false }, 'no INIT time: nothing billed');
  // 1,000 invocations: 100 s of handler time + 2% × 1,000 cold starts × 0.3 s = 106 s, at 1 GB.
  const [plan] = functionPlans({ ...file, services: [withInit] }, profile({ averageDurationMs: 100, memoryMb: 1024 }));
  t.equal(initSecondsOf(plan!.shape, 1000), 6);
  const usage = functionUsage({ shape: plan!.shape, execution: e, requests: 1000, initSeconds: initSecondsOf(plan!.shape, 1000) });
  t.equal(usage['gb-second'], 106);
});

t.test('vCPUs by memory, the largest row beyond the table, and concurrency bounded by CPU', async (t) => {
  t.equal(functionShape(cpuFn, profile({ averageDurationMs: 10, memoryMb: 900 }).execution).vcpu, 1);
  t.equal(functionShape(cpuFn, profile({ averageDurationMs: 10, memoryMb: 4096 }).execution).vcpu, 2, 'beyond the table: its last row');
  const ioBound = profile({ averageDurationMs: 200, cpuMsPerRequest: 10, memoryMb: 512 }).execution;
  t.equal(executionsPerInstance(ioBound, functionShape(cpuFn, ioBound)), 20, '1 vCPU × 200 ms ÷ 10 ms of CPU');
  const cpuBound = profile({ averageDurationMs: 200, memoryMb: 512 }).execution;
  t.equal(executionsPerInstance(cpuBound, functionShape(cpuFn, cpuBound)), 1);
  const [plan] = functionPlans({ ...file, services: [cpuFn] }, profile({ averageDurationMs: 10, memoryMb: 512 }));
  t.equal(plan!.mode, 'provisioned', 'a service that only sells warm instances is always priced warm');
  const usage = functionUsage({ shape: plan!.shape, execution: plan!.shape && profile({ averageDurationMs: 10 }).execution, requests: 10, warmSeconds: 3600 });
  t.equal(usage['provisioned-vcpu-second'], 3600, 'configured warm time is billed in full by default');
});

t.test('container sizes priced from tiered items', async (t) => {
  const [size] = serverSizes(tasks);
  t.equal(size!.name, '1 vCPU / 2 GB task');
  t.equal(size!.hourlyEstimate, 0.05 + 2 * 0.005, 'ranked at the first tier');
  t.same(
    itemised((b) => size!.bill(1500, false, b)).map((l) => `${l.name}: ${l.amountUsd}`),
    ['Tiered tasks: 1 vCPU / 2 GB task, vCPU-hours, first 1k: 50', 'Tiered tasks: 1 vCPU / 2 GB task, vCPU-hours, over 1k: 20', 'Tiered tasks: 1 vCPU / 2 GB task, memory (GB-hours): 15'],
  );
  const taskProfile = profile({ averageDurationMs: 100, cpuMsPerRequest: 0, memoryMb: 256 });
  const choice = chooseServerPlan(serverService(file, tasks, taskProfile), 'on-demand-autoscaled', taskProfile, trafficWeek(profile({ averageDurationMs: 1 }).traffic), 2);
  t.equal(choice.plan?.ipHourlyEstimate, 0.004, 'a tiered address price is ranked at its first tier');
  t.equal(choice.plan?.capacityRps, ((2048 - 512) / 256) * (1000 / 100) * 0.7, 'no CPU per request: memory bounds capacity');
});

t.test('egress included with the servers adds to what the network item already includes', async (t) => {
  // One server all month, each of its 30,720 answers 1 MB (30 GB), its size bringing 10 GB a month.
  const oneMbAnswers = profile({ averageDurationMs: 50, egressKbPerResponse: 1024 });
  const network = networkPricing(net, oneMbAnswers);
  const lines = itemised((b) => networkLines({ network, balancerAddresses: 0, size: { includedEgressGb: 10 }, monthlyCapHours: Infinity }, 30 * 1024, 730, false, oneMbAnswers, b));
  t.same(lines.map((l) => `${l.name}: ${l.quantity} × ${l.unitPriceUsd}`), ['Net: egress, included in plan: 15 × 0', 'Net: egress, over 15: 15 × 0.1', 'Net: addresses: 730 × 0.004']);
  t.same(itemised((b) => networkLines({ balancerAddresses: 0, size: { includedEgressGb: 10 }, monthlyCapHours: Infinity }, 30 * 1024, 730, false, oneMbAnswers, b)), [], 'no network service, no lines');
  // Where a month bills at most 672 hours (DigitalOcean), each billed hour accrues 1/672 of the allowance: one server all month brings all 10 GB.
  const capped = itemised((b) => networkLines({ network, balancerAddresses: 0, size: { includedEgressGb: 10 }, monthlyCapHours: 672 }, 30 * 1024, 672, false, oneMbAnswers, b));
  t.equal(capped[0]!.name, 'Net: egress, included in plan');
  t.equal(capped[0]!.quantity, 15, 'the 5 GB the network includes and the 10 the server brings');
  // Without transfer of their own, servers' egress is the provider's: a bill without lines adds it as one total,
  // kept for the requests priced last, which adds up as the lines do.
  const noTransferOfTheirOwn = { network, balancerAddresses: 0, size: { includedEgressGb: 0 }, monthlyCapHours: Infinity };
  const [shown, exact, again] = [new Bill('itemised'), new Bill('exact'), new Bill('exact')];
  for (const bill of [shown, exact, again]) networkLines(noTransferOfTheirOwn, 30 * 1024, 730, false, oneMbAnswers, bill);
  t.equal(formatUsd(exact.totalPico), '5.42', '25 GB beyond the 5 included at $0.10, and 730 address-hours at $0.004');
  t.equal(exact.totalPico, shown.totalPico);
  t.equal(again.totalPico, shown.totalPico, 'the kept egress total, read again');
});

t.test('a profile with no traffic yet still scales to any volume for the break-even search', async (t) => {
  const idle = profile({ averageDurationMs: 10 }, { traffic: { monthlyRequests: 0 } });
  const week = weekAtVolume(idle.traffic, 2_628_000);
  t.equal(week.monthlyRequests, 2_628_000);
  t.equal(week.averageRps, 1);
});

t.test('a Kubernetes cluster and an event source, from a made-up provider', async (t) => {
  const { optionPlans } = await import('../../src/core/costs/options.js');
  const cluster = madeUp([
    requestFunction('0.5'),
    { id: 'vm', name: 'VM', kind: 'vm', architecture: 'traditional', source: SRC, billing: { requiresLoadBalancer: 'lb' }, instanceTypes: [{ name: 'node', vcpu: 2, memoryGib: 4, arch: 'x86', hourlyUsd: '0.05', source: SRC }] },
    { id: 'k8s', name: 'K8s', kind: 'kubernetes', architecture: 'traditional', source: SRC, billing: { nodeService: 'vm', requiresLoadBalancer: 'lb' }, items: [{ id: 'cp', name: 'cluster management', meter: 'cluster-hour', unit: 'cluster-hour', priceUsd: '0.10', source: SRC }] },
    { id: 'lb', name: 'LB', kind: 'load-balancer', architecture: 'support', source: SRC, items: [{ id: 'h', name: 'hours', meter: 'lb-hour', unit: 'hour', priceUsd: '0.02', source: SRC }] },
    { id: 'queue', name: 'Queue', kind: 'event-source', architecture: 'support', source: SRC, billing: { triggers: ['queue'], meteringIncrementKb: 64, consumedPerBatch: 2 }, items: [{ id: 'r', name: 'queue requests', meter: 'event-request', unit: '1M requests', unitSize: 1_000_000, priceUsd: '0.40', source: SRC }] },
  ]);
  const http = profile({ averageDurationMs: 50, memoryMb: 256, payloadKb: 100 }, { traffic: { monthlyRequests: 10_000_000 } });
  const week = trafficWeek(http.traffic);
  const plans = optionPlans([cluster], http, week, 2);
  const k8s = plans.find((p) => p.id === 'gcp/k8s/on-demand-autoscaled')!;
  const bill = k8s.price(week).lines.map((l) => `${l.name}: ${l.quantity} × ${l.unitPrice.text}`);
  t.match(bill, ['VM: node instances: 1460 × 0.05', 'K8s: cluster management: 730 × 0.1', 'LB: hours: 730 × 0.02']);
  t.notOk(plans.some((p) => p.id.startsWith('gcp/k8s+')), 'no hybrid is built on a cluster');
  const queued = profile({ averageDurationMs: 50, memoryMb: 256, payloadKb: 100 }, { traffic: { monthlyRequests: 10_000_000 }, trigger: 'queue', batchSize: 5 });
  const fn = optionPlans([cluster], queued, week, 2).find((p) => p.id === 'gcp/fn/on-demand')!;
  // 10M sends + 2 × 2M batches (receive, delete) = 14M requests, each 100 KB message counted as two 64 KB chunks.
  t.same(fn.price(week).lines.map((l) => `${l.name}: ${l.quantity}`), ['Fn: requests: 2', 'Queue: queue requests: 28']);
  t.notOk(optionPlans([cluster], queued, week, 2).find((p) => p.id === 'gcp/vm/on-demand-autoscaled')!.price(week).lines.some((l) => l.name.startsWith('LB')), 'queue workers need no load balancer');
});

/** A made-up provider with one function ($ per 1M requests) and one VM size ($ per hour), and the hybrid of the two for `monthlyRequests`. */
async function fnAndVm(requestPriceUsd: string, hourlyUsd: string, monthlyRequests: number) {
  const { optionPlans } = await import('../../src/core/costs/options.js');
  const file = madeUp([requestFunction(requestPriceUsd), oneSizeVm({ hourlyUsd })]);
  // ~196 requests a second per server (14 requests of 256 MB in flight × 50 ms, at 70%).
  const steady = profile({ averageDurationMs: 50, memoryMb: 256, cpuMsPerRequest: 1 }, { traffic: { monthlyRequests }, minInstances: 1 });
  const week = trafficWeek(steady.traffic);
  return { file, week, hybrid: optionPlans([file], steady, week, 1).find((o) => o.architecture === 'hybrid')! };
}

t.test('no server size with room for one request: infeasible servers, and no hybrid', async (t) => {
  const { optionPlans } = await import('../../src/core/costs/options.js');
  const file = madeUp([requestFunction('0.5'), oneSizeVm({ hourlyUsd: '0.1' })]);
  const bulky = profile({ averageDurationMs: 50, memoryMb: 8192 });
  const plans = optionPlans([file], bulky, trafficWeek(bulky.traffic), 1);
  t.same(
    plans.map((p) => `${p.id}${p.infeasibleBecause.length ? ' (infeasible)' : ''}`),
    ['gcp/fn/on-demand', 'gcp/vm/on-demand-autoscaled (infeasible)', 'gcp/vm/on-demand-fixed (infeasible)'],
  );
});

t.test('a hybrid whose baselines cost within a millionth of each other is settled on exact bills', async (t) => {
  const { priceServiceItems } = await import('../../src/core/costs/service-lines.js');
  // One server all month: 730 hours × $0.1369863014 = $100.000000022. Functions alone: $100.00005 (the
  // server is cheaper by 5e-7 of the bill), then $100 (the functions are).
  for (const [requests, baseline] of [
    [200_000_100, 1],
    [200_000_000, 0],
  ] as const) {
    const { week, hybrid } = await fnAndVm('0.5', '0.1369863014', requests);
    t.equal(hybrid.price(week, 'exact').baselineInstances, baseline, `${requests} requests: baseline ${baseline}`);
  }
  const { file } = await fnAndVm('0.5', '0.1369863014', 1);
  t.same(itemised((b) => priceServiceItems(file.services[0]!, {}, true, b)), [], 'a meter the usage does not list is not used');
});

t.test('a wide range of baselines is narrowed by ternary search toward the cheaper end', async (t) => {
  // ~3,044 requests a second against ~196 per server: 16 servers at the peak, each far cheaper than functions.
  const { week, hybrid } = await fnAndVm('500', '0.0001', 8e9);
  const month = hybrid.price(week);
  t.equal(month.baselineInstances, 16, 'servers for every request');
  t.equal(month.details.functionSharePercent, 0);
});

t.test('a later month that outgrows every size’s fleet limit is priced beyond it, with a warning; a hybrid stays within it', async (t) => {
  const { costReport } = await import('../../src/core/costs/report.js');
  const file = madeUp([oneSizeVm({ hourlyUsd: '0.1', maxInstances: 2 }), requestFunction('0.5')]);
  // ~196 requests a second per server; 8e8 requests a month is ~304 a second (2 servers), growing 20% a month:
  // month 3 needs ~438 a second, 3 servers, one more than the type allows.
  const growing = profile({ averageDurationMs: 50, memoryMb: 256, cpuMsPerRequest: 1 }, { traffic: { monthlyRequests: 8e8, growthPercentPerMonth: 20 }, minInstances: 1, horizonMonths: 3 });
  const report = costReport([file], growing);
  const fixed = report.options.find((o) => o.id === 'gcp/vm/on-demand-fixed')!;
  t.equal(fixed.monthlyUsd, '146', 'month 1: 2 servers × 730 h × $0.10');
  t.same(
    fixed.projection.map((m) => m.totalUsd),
    ['146', '146', '219'],
    'month 3 is priced with the 3 servers its load needs, beyond the limit',
  );
  const warning = report.warnings.find((w) => w.startsWith('gcp/vm/on-demand-fixed'));
  t.match(warning, /from month 3 \(1152000000 requests\) VM allows at most 2 node instance\(s\) and no other size fits; the week's peak needs 3/);
  t.equal(report.warnings.filter((w) => w.startsWith('gcp/vm/on-demand-fixed')).length, 1, 'one warning per option, at the first month');
  // A hybrid's baseline stays within the limit (at most 2 servers here) and sends the rest to functions: no warning.
  const hybrid = report.options.find((o) => o.id === 'gcp/vm+fn/hybrid')!;
  t.equal(report.warnings.filter((w) => w.startsWith('gcp/vm+fn/hybrid')).length, 0);
  t.same(hybrid.projection.map((m) => m.totalUsd), ['146', '146', '206.912'], 'month 3: the 2 servers ($146) and $60.912 of functions, below the 3 servers of $219');
});
