// DigitalOcean pools each Droplet's transfer allowance, accrued per billed hour up to its monthly cap of 672 hours
// (https://docs.digitalocean.com/platform/billing/bandwidth/): a Droplet billed all month brings all of its
// allowance, and where egress runs beyond the pool, Droplet-hours run for their allowance cost less than the
// $0.01 per GiB beyond it. Redone here by hand from pricing/digitalocean/2026-01-01.yaml.
import t from 'tap';
import { optionPlans } from '../../src/core/costs/options.js';
import { formatUsd } from '../../src/core/costs/money.js';
import { ASSUMPTIONS } from '../../src/core/costs/assumptions.js';
import { instanceHourUsd, pooledEgressUsd, transferHours } from '../../src/core/costs/pooled-transfer.js';
import type { ServerSize } from '../../src/core/costs/servers.js';
import { networkPricing } from '../../src/core/costs/support-lines.js';
import { selectPricing } from '../../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { trafficWeek } from '../../src/core/traffic/week.js';
import { committedCatalog } from '../helpers.js';

const catalog = committedCatalog();

/** The DigitalOcean server options of `service` (Droplets unless said) for `input`, each month itemised. */
function droplets(input: Record<string, unknown>, service = 'droplets') {
  const profile = WorkloadProfile.parse({ pricingDate: '2026-11-25', providers: ['digitalocean'], minInstances: 1, ...input });
  const week = trafficWeek(profile.traffic);
  return optionPlans(selectPricing(catalog, '2026-11-25', ['digitalocean']), profile, week, 1)
    .filter((p) => p.service === service && p.architecture === 'traditional')
    .map((p) => ({ id: p.id, variant: p.variant, month: p.price(week) }));
}

const lines = (month: ReturnType<typeof droplets>[number]['month']) => month.lines.map((l) => `${l.name}: ${l.quantity} × ${l.unitPrice.text}`);

t.test('a Droplet billed all month pools all of its allowance', async (t) => {
  // 10M answers of 100 KB: 953.67 GiB, within one s-1vcpu-1gb's 1,000 GiB (672 hours × 1,000 / 672).
  const [autoscaled] = droplets({ traffic: { monthlyRequests: 10_000_000, pattern: 'steady' }, execution: { averageDurationMs: 50, memoryMb: 256, cpuMsPerRequest: 5, egressKbPerResponse: 100 } });
  t.equal(autoscaled!.variant, 's-1vcpu-1gb, on demand, autoscaled hour by hour');
  t.same(lines(autoscaled!.month), [
    'DigitalOcean Droplets: s-1vcpu-1gb instances: 672 × 0.00893',
    'Droplet outbound data transfer: outbound data transfer beyond the pooled allowance, included in plan: 953.67431640625 × 0',
  ]);
  t.equal(formatUsd(autoscaled!.month.total), '6.00096', 'the hourly rate × 672 hours: no egress charged');
});

t.test('Droplet-hours run for their allowance where they cost less than the egress beyond the pool', async (t) => {
  // 10M answers of 400 KB: 3,814.70 GiB. One s-2vcpu-2gb ($0.02679 an hour, 3,000 GiB a month) serves the load and
  // pools 3,000 GiB; the 814.70 GiB beyond would cost $8.15, while the 182.49 Droplet-hours that pool them
  // (814.70 ÷ (3,000 ÷ 672)) cost $4.89. (Every shared Droplet brings 1,000 GiB per $6: an s-1vcpu-1gb with
  // 1,891 more hours would cost the same to the cent; the size listed first among equals is the one shown.)
  const [autoscaled, fixed] = droplets({ traffic: { monthlyRequests: 10_000_000, pattern: 'steady' }, execution: { averageDurationMs: 50, memoryMb: 256, cpuMsPerRequest: 5, egressKbPerResponse: 400 } });
  for (const option of [autoscaled!, fixed!]) {
    // A billionth more than exactly enough, so that float rounding leaves no GiB beyond the pool.
    const transferHours = (3814.697265625 - 3000) / (3000 / 672);
    t.ok(Math.abs((option.month.details.transferInstanceHours as number) / transferHours - 1) < 1e-8, `${option.id}: ${transferHours} Droplet-hours`);
    t.match(lines(option.month), [
      'DigitalOcean Droplets: s-2vcpu-2gb instances: 672 × 0.02679',
      /^DigitalOcean Droplets: s-2vcpu-2gb instances, kept for their transfer allowance: 182\.49\d+ × 0\.02679$/,
      'Droplet outbound data transfer: outbound data transfer beyond the pooled allowance, included in plan: 3814.697265625 × 0',
    ]);
    t.equal(formatUsd(option.month.total).slice(0, 6), '22.891', '$18.00 + $4.89, against $18.00 + $8.15 paying for the egress');
  }
});

t.test('no instance-hours run for their allowance where the egress beyond the pool costs less', async (t) => {
  // An App Platform container pools less egress than it costs: apps-s-1vcpu-0.5gb brings 50 GiB for $5 a month,
  // $1 of egress at $0.02 per GiB. The 3,764.70 GiB beyond its pool are charged ($75.29).
  const [autoscaled] = droplets({ traffic: { monthlyRequests: 10_000_000, pattern: 'steady' }, execution: { averageDurationMs: 50, memoryMb: 256, cpuMsPerRequest: 5, egressKbPerResponse: 400 } }, 'app-platform');
  t.notOk('transferInstanceHours' in autoscaled!.month.details, autoscaled!.variant);
  t.ok(lines(autoscaled!.month).some((l) => /beyond the pooled allowance, over/.test(l)), 'egress beyond the pool is charged');
});

t.test('the pooling arithmetic on its own: 1,000 GiB of egress, $0.01 a GiB beyond the pool', async (t) => {
  const file = selectPricing(catalog, '2026-11-25', ['digitalocean'])[0]!;
  // 1,000 GiB: 1,024,000 answers of 1 MiB (1,024 KiB).
  const oneMib = WorkloadProfile.parse({ traffic: { monthlyRequests: 1_024_000 }, execution: { averageDurationMs: 50, egressKbPerResponse: 1024 }, applyFreeTier: false });
  const network = networkPricing(file.services.find((s) => s.id === 'bandwidth')!, oneMib);
  // A size bringing 672 GiB a month pools 1 GiB an hour: 200 hours pool 200 GiB, 800 more hours the rest.
  const pooling = { network, balancerAddresses: 0, size: { includedEgressGb: 672 }, monthlyCapHours: 672 };
  t.ok(Math.abs(transferHours(pooling, 1_024_000, 200, 0.005, oneMib) / 800 - 1) < 1e-8, '800 hours at $0.005 ($4) beat $8 of egress');
  t.equal(transferHours(pooling, 1_024_000, 200, 0.02, oneMib), 0, '800 hours at $0.02 ($16) do not');
  t.ok(Math.abs(pooledEgressUsd(pooling, 1_024_000, 200, 0.005, oneMib) - 4) < 1e-6, 'ranked at the $4 of hours');
  t.ok(Math.abs(pooledEgressUsd(pooling, 1_024_000, 200, 0.02, oneMib) - 8) < 1e-9, 'ranked at the $8 of egress');
  t.equal(transferHours(pooling, 1_024_000, 1000, 0.005, oneMib), 0, 'nothing beyond a pool that holds it all');
  // A size without an allowance of its own pools nothing: all 1,000 GiB are charged, and no hours are run for it.
  const bare = { ...pooling, size: { includedEgressGb: 0 } };
  t.equal(transferHours(bare, 1_024_000, 200, 0.005, oneMib), 0);
  t.ok(Math.abs(pooledEgressUsd(bare, 1_024_000, 200, 0.005, oneMib) - 10) < 1e-9);
  // Without a network service, no egress is charged at all.
  t.equal(pooledEgressUsd({ ...pooling, network: undefined }, 1_024_000, 200, 0.005, oneMib), 0);
});

t.test('an instance-hour as pooling ranks it: on demand or committed, with its address and share of ops effort', async (t) => {
  // Prices a float holds exactly, so that the sums are exact too.
  const size = { hourlyEstimate: 0.125, committedHourlyEstimate: 0.0625 } as ServerSize;
  const noOps = WorkloadProfile.parse({ traffic: { monthlyRequests: 1 }, execution: { averageDurationMs: 1 } });
  t.equal(instanceHourUsd({ size, ipHourlyEstimate: 0.0078125 }, false, noOps), 0.1328125);
  t.equal(instanceHourUsd({ size, ipHourlyEstimate: 0.0078125 }, true, noOps), 0.0703125);
  // $73 an ops hour: the profile's ops hours per instance-month (ASSUMPTIONS) spread over its 730 hours.
  const withOps = WorkloadProfile.parse({ ...noOps, team: { opsHourlyRateUsd: 73 } });
  t.equal(instanceHourUsd({ size, ipHourlyEstimate: 0 }, true, withOps), 0.0625 + (73 * ASSUMPTIONS.opsHoursPerMonth.traditionalPerInstance) / 730);
});
