// priceChanges on hand-made tables: changed, added and removed items, commitments, a provider with a table
// on one side only; and a comparison across two rulesets.
import t from 'tap';
import { compare, priceChanges } from '../src/core/compare.js';
import { PricingFile } from '../src/core/pricing/schema.js';
import type { PricingCatalog } from '../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../src/core/profile/schema.js';
import { loadRuleset } from '../src/core/rules/load.js';
import { committedCatalog, defaultRuleset, RULES_DIR } from './helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = 'https://example.com/pricing';
/** A made-up GCP table with one VM size, an optional tiered egress item and optional billing rules. */
const table = (date: string, price: string, committed: string, extra: boolean, billing?: object) =>
  PricingFile.parse({
    provider: 'gcp',
    effectiveDate: date,
    currency: 'USD',
    region: 'r',
    regionName: 'R',
    location: 'global',
    services: [
      {
        id: 'vm',
        name: 'VM',
        kind: 'vm',
        architecture: 'traditional',
        source: SRC,
        ...(billing ? { billing: { note: `read on ${date}`, ...billing } } : {}),
        instanceTypes: [{ name: 'small', vcpu: 1, memoryGib: 1, arch: 'x86', hourlyUsd: price, committed1yHourlyUsd: committed, source: SRC, committedSource: SRC }],
        items: extra ? [{ id: 'tiered', name: 'egress', meter: 'egress-gb', unit: 'GB', tiers: [{ upTo: 10, priceUsd: '0.1' }, { upTo: null, priceUsd: '0.05' }], source: SRC }] : [],
      },
    ],
  });

t.test('what moved between two tables', async (t) => {
  const catalog: PricingCatalog = { byProvider: new Map([['gcp', [table('2024-01-01', '0.01', '0.007', true), table('2025-01-01', '0.012', '0.007', false)]]]) };
  t.same(priceChanges(catalog, ['gcp', 'aws'], '2024-06-01', '2025-06-01'), [
    { provider: 'gcp', service: 'vm', item: 'small', change: 'changed', unit: 'instance-hour', from: '0.01', to: '0.012', fromTable: '2024-01-01', toTable: '2025-01-01' },
    { provider: 'gcp', service: 'vm', item: 'tiered', change: 'removed', unit: 'GB', from: '0.1 to 10, 0.05 to ∞', to: null, fromTable: '2024-01-01', toTable: '2025-01-01' },
  ]);
  const before = priceChanges(catalog, ['gcp'], '2023-01-01', '2024-06-01');
  t.equal(before.length, 3, 'a provider with no table before: everything is added');
  t.match(before, [{ change: 'added', fromTable: null, item: 'tiered' }, { item: 'small' }, { item: 'small (1-year commitment)', to: '0.007' }]);
  const backwards = priceChanges(catalog, ['gcp'], '2024-06-01', '2023-01-01');
  t.ok(backwards.every((c) => c.change === 'removed' && c.toTable === null), 'looking back before the first table: everything is removed');
});

t.test('a comparison across two rulesets names the ruleset change', async (t) => {
  const version = defaultRuleset().ruleset.version;
  const text = readFileSync(join(RULES_DIR, 'default.yaml'), 'utf8').replace(`version: ${version}`, 'version: 2099.1.0');
  const next = loadRuleset({ name: 'default.yaml', text });
  const profile = WorkloadProfile.parse({ traffic: { monthlyRequests: 1_000_000 }, execution: { averageDurationMs: 20, memoryMb: 128 }, providers: ['cloudflare'] });
  const result = compare(profile, committedCatalog(), '2026-11-25', { ruleset: defaultRuleset() }, { ruleset: next });
  t.ok(result.ok);
  if (result.ok) t.same(result.comparison.changes.ruleset, { from: `default ${version}`, to: 'default 2099.1.0' });
  const all = compare(WorkloadProfile.parse({ ...profile, providers: undefined }), committedCatalog(), '2026-11-25', { ruleset: defaultRuleset(), pricingDate: '2025-01-01' }, { ruleset: defaultRuleset() });
  t.ok(all.ok && all.comparison.changes.priceChanges.some((c) => c.provider === 'digitalocean'), 'every provider is compared when the profile names none');
});

t.test('a billing rule that changes a bill without changing a price is named: Lambda INIT billing from 2025-08-01', async (t) => {
  const profile = WorkloadProfile.parse({ traffic: { monthlyRequests: 10_000_000 }, execution: { averageDurationMs: 100, memoryMb: 512 }, providers: ['aws'], applyFreeTier: false });
  const result = compare(profile, committedCatalog(), '2026-11-25', { ruleset: defaultRuleset(), pricingDate: '2025-07-01' }, { ruleset: defaultRuleset(), pricingDate: '2025-09-01' });
  if (!result.ok) throw new Error('both sides evaluate');
  const { priceChanges: moved, options } = result.comparison.changes;
  t.same(
    moved.map((c) => [c.service, c.item, c.change, c.unit, c.to]),
    [
      ['lambda-x86', 'billing.initPhase', 'added', 'billing rule', 'coldStartPercent 1, typicalInitMs 300'],
      ['lambda-arm', 'billing.initPhase', 'added', 'billing rule', 'coldStartPercent 1, typicalInitMs 300'],
    ],
  );
  // 15,000 GB-s more at $0.0000166667 (x86); the servers do not move.
  t.equal(options.find((o) => o.id === 'aws/lambda-x86/on-demand')!.deltaUsd, '0.2500005');
  t.equal(options.find((o) => o.id === 'aws/ec2/on-demand-autoscaled')!.deltaUsd, '0');
});

t.test('changed and removed billing rules, objects and plain values alike; notes are not rules', async (t) => {
  const catalog: PricingCatalog = {
    byProvider: new Map([['gcp', [table('2024-01-01', '0.01', '0.007', false, { instanceGranularitySeconds: 3600, vcpuByMemory: [{ upToMemoryMb: 1024, vcpu: 1 }] }), table('2025-01-01', '0.01', '0.007', false, { instanceGranularitySeconds: 1 })]]]),
  };
  t.same(
    priceChanges(catalog, ['gcp'], '2024-06-01', '2025-06-01').map((c) => [c.item, c.change, c.from, c.to]),
    [
      ['billing.instanceGranularitySeconds', 'changed', '3600', '1'],
      ['billing.vcpuByMemory', 'removed', '[{"upToMemoryMb":1024,"vcpu":1}]', null],
    ],
  );
});

t.test('a platform limit that moved is named too: DigitalOcean Functions gained scheduled triggers', async (t) => {
  const changes = priceChanges(committedCatalog(), ['digitalocean'], '2022-09-29', '2024-05-07').filter((c) => c.unit === 'platform limit');
  t.match(changes, [{ service: 'functions', item: 'limits.invokedBy', change: 'changed', from: 'triggers ["http"]', to: 'triggers ["http","schedule"]' }]);
});
