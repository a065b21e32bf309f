// Azure Functions Flex Consumption bills instances, not executions: an instance's memory for as long as it
// runs at least one execution (Billing.billedPerActiveInstance). Microsoft's own cost example is reproduced,
// then what the engine assumes between its cases: random arrivals, and the 1,000 ms minimum active period.
import t from 'tap';
import { evaluate } from '../../src/core/evaluate.js';
import type { Evaluation } from '../../src/core/evaluation/schema.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { executionsPerInstance, functionShape, weekActiveInstanceSeconds } from '../../src/core/costs/function-usage.js';
import { trafficWeek, WEEKS_PER_MONTH } from '../../src/core/traffic/week.js';
import { service, table } from './examples.js';

const FLEX = 'azure/functions-flex/on-demand';
const HOURS_PER_MONTH = 730;

function flex(input: Record<string, unknown>, id = FLEX): Evaluation['options'][number] {
  const result = evaluate(WorkloadProfile.parse({ providers: ['azure'], ...input }), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: '2026-11-27' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.evaluation.options.find((o) => o.id === id)!;
}

const line = (option: Evaluation['options'][number], name: string) => option.lineItems.find((l) => l.name === `Azure Functions (Flex Consumption plan): ${name}`)!;
/** A month's amount as an hour's, rounded half-up to a hundredth of a cent (the page prints $0.1872). */
const hourly = (usd: string) => new Decimal(usd).div(HOURS_PER_MONTH).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);

// https://learn.microsoft.com/azure/azure-functions/functions-consumption-costs (Flex Consumption tab):
// an HTTP app at a constant 40 requests a second, 10 of them in flight, on 2,048 MB instances, no always-ready
// instances and no free grant, at $0.000026 per GB-s and $0.40 per million executions, per hour.
// Nothing sent back beyond the example's charges: no egress.
const example = { traffic: { averageRps: 40, pattern: 'steady' }, applyFreeTier: false };
const quiet = { egressKbPerResponse: 0 };

t.test("Microsoft's CPU-bound case: one execution per instance, ten instances busy all hour = $1.9296 an hour", async (t) => {
  // 250 ms each (10 in flight at 40 a second), CPU-bound: one execution at a time per 1-core instance.
  const option = flex({ ...example, execution: { averageDurationMs: 250, memoryMb: 2048, ...quiet } });
  const time = line(option, 'on-demand execution time (GB-seconds)');
  // 10 instances × 2 GB × 3,600 s = 72,000 GB-s an hour → $1.872; 144,000 executions → $0.0576.
  t.equal(time.quantity, 72_000 * HOURS_PER_MONTH);
  t.equal(hourly(time.amountUsd), '1.8720');
  t.equal(hourly(line(option, 'on-demand executions').amountUsd), '0.0576');
  t.equal(hourly(option.monthlyUsd!), '1.9296');
  t.equal(option.monthlyUsd, '1408.608', '730 hours of it');
});

t.test("Microsoft's IO-bound case: ten concurrent executions share one instance's hour = $0.2448 an hour", async (t) => {
  // Mostly waiting (10 ms of CPU in 250 ms): the instance's 16 concurrent executions hold all 10.
  const option = flex({ ...example, execution: { averageDurationMs: 250, cpuMsPerRequest: 10, memoryMb: 2048, ...quiet } });
  const time = line(option, 'on-demand execution time (GB-seconds)');
  // Microsoft bills the instance's whole hour, 7,200 GB-s. With random arrivals the engine leaves it idle
  // e^-10 of the time (no execution in flight): 7,199.67 GB-s, the same $0.1872 to a hundredth of a cent.
  t.ok(Math.abs(time.quantity / HOURS_PER_MONTH - 7200) < 0.5, `${time.quantity / HOURS_PER_MONTH} GB-s an hour`);
  t.equal(hourly(time.amountUsd), '0.1872');
  t.equal(hourly(option.monthlyUsd!), '0.2448');
});

t.test('at light load each execution is billed its 1,000 ms minimum, at the instance size that holds the memory', async (t) => {
  // One request every 100 s on average, 100 ms each, 300 MB → the 512 MB size. An active period lasts the
  // minimum second and the instance then waits 100 s on average: active 1 ÷ (1 + 100) of the time.
  const option = flex({ traffic: { averageRps: 0.01, pattern: 'steady' }, execution: { averageDurationMs: 100, memoryMb: 300 }, applyFreeTier: false });
  const time = line(option, 'on-demand execution time (GB-seconds)');
  const seconds = HOURS_PER_MONTH * 3600;
  t.ok(Math.abs(time.quantity - (seconds * 0.5 * 0.01) / 1.01) < 1e-3, `${time.quantity} GB-s`);
  t.equal(line(option, 'on-demand executions').quantity, (seconds * 0.01) / 1e6);
});

t.test('memory picks the instance size: 1 GB bills 2,048 MB, more than 4,096 MB cannot run', async (t) => {
  const at = (memoryMb: number) => flex({ traffic: { monthlyRequests: 1_000_000 }, execution: { averageDurationMs: 2000, memoryMb }, applyFreeTier: false });
  const small = line(at(512), 'on-demand execution time (GB-seconds)').quantity;
  const middle = line(at(1024), 'on-demand execution time (GB-seconds)').quantity;
  t.ok(Math.abs(middle / small - 4) < 1e-9, '2,048 MB bills four times 512 MB for the same active time');
  const tooLarge = at(8192);
  t.equal(tooLarge.feasible, false);
  t.match(tooLarge.infeasibleBecause, /4096 MB/);
});

t.test('the free grant applies on demand; always-ready instances bill a baseline, their active time and executions', async (t) => {
  // 40,000 executions, each billed about its minimum second at 2 GB: ~79,000 GB-s.
  const input = { traffic: { monthlyRequests: 40_000 }, execution: { averageDurationMs: 200, memoryMb: 2048, ...quiet } };
  const free = flex(input);
  t.equal(free.monthlyUsd, '0', 'within the 250,000 free executions and 100,000 free GB-s');
  const warm = flex({ ...input, latency: { coldStartTolerance: 'none' } }, 'azure/functions-flex/provisioned');
  t.same(
    warm.lineItems.map((l) => l.name.replace('Azure Functions (Flex Consumption plan): ', '')),
    ['always ready baseline (GB-seconds)', 'always ready execution time (GB-seconds)', 'always ready executions'],
  );
  // One always-ready 2 GB instance all month at $0.000004 per GB-s.
  t.equal(line(warm, 'always ready baseline (GB-seconds)').quantity, 2 * HOURS_PER_MONTH * 3600);
  t.ok(warm.lineItems.every((l) => !l.name.includes('free')), 'no free grant while always ready');
});

t.test('a hybrid keeps its overflow billed by the instance too, and never costs more than the functions alone', async (t) => {
  // Half a second of mostly waiting at 500 MB: Flex is Azure's cheapest function here (the Consumption plan
  // bills each execution's own time), and one server takes the quiet hours' load.
  const input = { traffic: { monthlyRequests: 30_000_000, pattern: 'diurnal' }, execution: { averageDurationMs: 500, cpuMsPerRequest: 20, memoryMb: 500 } };
  const hybrid = flex(input, 'azure/virtual-machines+functions-flex/hybrid');
  const alone = flex(input);
  t.ok(new Decimal(hybrid.monthlyUsd!).lte(alone.monthlyUsd!), `${hybrid.monthlyUsd} ≤ ${alone.monthlyUsd}`);
  t.ok(Number(hybrid.details.baselineInstances) > 0, 'a baseline pays at this load');
  const overflow = hybrid.lineItems.find((l) => l.name.endsWith('on-demand execution time (GB-seconds)'));
  t.ok(overflow && overflow.quantity < line(alone, 'on-demand execution time (GB-seconds)').quantity, 'the overflow is active for less time than all the traffic');
});

t.test('hours without traffic keep no instance active', async (t) => {
  // The same requests in half the day's hours: each busy hour twice as busy, the rest idle.
  const half = Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : 0));
  const at = (hourlyWeights: number[]) =>
    line(flex({ traffic: { averageRps: 0.01, hourlyWeights }, execution: { averageDurationMs: 100, memoryMb: 512, ...quiet }, applyFreeTier: false }), 'on-demand execution time (GB-seconds)').quantity;
  const seconds = HOURS_PER_MONTH * 3600;
  // Busy hours at 0.02 a second, active 0.02 ÷ 1.02 of them; idle hours not at all.
  t.ok(Math.abs(at(half) - (seconds / 2) * 0.5 * (0.02 / 1.02)) < 1e-3, `${at(half)} GB-s`);
  t.ok(at(half) < at(Array(24).fill(1)), 'bunched requests share more active periods');
});

t.test("the option's details give the active instance-hours the GB-seconds come from", async (t) => {
  const option = flex({ ...example, execution: { averageDurationMs: 250, memoryMb: 2048, ...quiet } });
  t.match(option.details, { billedMemoryMb: 2048, executionsPerInstance: 1, activeInstanceHours: 7300 });
  t.equal(line(option, 'on-demand execution time (GB-seconds)').quantity, 7300 * 3600 * 2, 'instance-hours × 3,600 s × 2 GB');
});

t.test('active instance time: never less than the executions need, never more than each billed its own period, and rising with traffic', async (t) => {
  const flexService = service(table('azure', '2025-10-01'), 'functions-flex');
  fc.assert(
    fc.property(
      fc.double({ min: 1e-4, max: 5e3, noNaN: true }),
      fc.double({ min: 1, max: 60_000, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(256, 1024, 4096),
      fc.constantFrom('steady', 'diurnal', 'spiky', 'batch', 'business-hours'),
      (averageRps, averageDurationMs, cpuShare, memoryMb, pattern) => {
        const at = (rps: number) => WorkloadProfile.parse({ traffic: { averageRps: rps, pattern }, execution: { averageDurationMs, cpuMsPerRequest: averageDurationMs * cpuShare, memoryMb } });
        const { execution } = at(averageRps);
        const shape = functionShape(flexService, execution);
        const perInstance = executionsPerInstance(execution, shape);
        const seconds = (rps: number) => weekActiveInstanceSeconds(trafficWeek(at(rps).traffic), execution, shape, 1);
        const active = seconds(averageRps);
        const executions = averageRps * WEEKS_PER_MONTH * 168 * 3600;
        const ownTime = (executions * averageDurationMs) / 1000;
        t.ok(active >= (ownTime / perInstance) * (1 - 1e-9), 'at least the executions\' time ÷ what an instance runs at once');
        t.ok(active <= ((executions * shape.billedDurationMs) / 1000) * (1 + 1e-9), 'at most each execution billed its own period');
        t.ok(seconds(averageRps * 1.5) >= active * (1 - 1e-12), 'more traffic, no less active time');
      },
    ),
    { numRuns: 200, seed: 20261127 },
  );
});
