// The pricing-file schema's own rules, each shown failing on a small example with the path it names.
import t from 'tap';
import { PricingFile } from '../../src/core/pricing/schema.js';
import { formatIssuePath, toFieldIssues } from '../../src/core/issue-path.js';

const SRC = 'https://example.com/pricing';
const item = { id: 'requests', name: 'requests', meter: 'request', unit: '1M requests', unitSize: 1_000_000, priceUsd: '0.20', source: SRC };
const fn = { id: 'fn', name: 'Fn', kind: 'function', architecture: 'serverless', source: SRC, limits: { source: SRC, invokedBy: { triggers: ['http'], source: SRC } }, items: [item] };
const file = (services: unknown[]) => ({ provider: 'aws', effectiveDate: '2024-01-01', currency: 'USD', region: 'r', regionName: 'R', location: 'global', services });

function issues(input: unknown) {
  const result = PricingFile.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error.issues);
}

t.test('a minimal valid file fills its defaults', async (t) => {
  const parsed = PricingFile.parse(file([fn]));
  t.same(parsed.changes, []);
  t.equal(parsed.services[0]?.items[0]?.mode, 'any');
});

t.test('each rule names the place it is broken', async (t) => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['price and tiers together', file([{ ...fn, items: [{ ...item, tiers: [{ upTo: null, priceUsd: '1' }] }] }]), 'services[0].items[0].priceUsd', /exactly one/],
    ['neither price nor tiers', file([{ ...fn, items: [{ ...item, priceUsd: undefined }] }]), 'services[0].items[0].priceUsd', /exactly one/],
    ['a closed last tier', file([{ ...fn, items: [{ ...item, priceUsd: undefined, tiers: [{ upTo: 5, priceUsd: '1' }] }] }]), 'services[0].items[0].tiers', /open-ended/],
    [
      'falling tier bounds',
      file([{ ...fn, items: [{ ...item, priceUsd: undefined, tiers: [{ upTo: 5, priceUsd: '1' }, { upTo: 3, priceUsd: '1' }, { upTo: null, priceUsd: '1' }] }] }]),
      'services[0].items[0].tiers',
      /increase/,
    ],
    ['a float price', file([{ ...fn, items: [{ ...item, priceUsd: 0.2 }] }]), 'services[0].items[0].priceUsd', /string/],
    ['an http source', file([{ ...fn, items: [{ ...item, source: 'http://example.com' }] }]), 'services[0].items[0].source', /URL/i],
    ['a vm without types', file([{ ...fn, kind: 'vm', architecture: 'traditional' }]), 'services[0].instanceTypes', /instanceTypes/],
    [
      'a committed price without its source',
      file([{ ...fn, kind: 'vm', architecture: 'traditional', instanceTypes: [{ name: 'a', vcpu: 1, memoryGib: 1, arch: 'x86', hourlyUsd: '0.01', committed1yHourlyUsd: '0.005', source: SRC }] }]),
      'services[0].instanceTypes[0].committedSource',
      /committedSource/,
    ],
    ['a duplicate service id', file([fn, fn]), 'services[1].id', /duplicate service id "fn"/],
    ['a cluster without nodes', file([{ ...fn, kind: 'kubernetes', architecture: 'traditional' }]), 'services[0].billing.nodeService', /worker nodes/],
    ['a function that does not say what starts it', file([{ ...fn, limits: { source: SRC } }]), 'services[0].limits.invokedBy', /what can invoke it/],
    ['a per-trigger time limit without its source', file([{ ...fn, limits: { source: SRC, invokedBy: { triggers: ['queue'], source: SRC, maxDurationMs: { queue: 540_000 } } } }]), 'services[0].limits.invokedBy.maxDurationSource', /maxDurationSource/],
    ['a trigger that does not exist', file([{ ...fn, limits: { source: SRC, invokedBy: { triggers: ['email'], source: SRC } } }]), 'services[0].limits.invokedBy.triggers[0]', /http/],
    ['a queue that does not say what its consumer pays', file([{ ...fn, kind: 'event-source', architecture: 'support', billing: { triggers: ['queue'] } }]), 'services[0].billing.consumedPerMessage', /consumedPerBatch/],
    ['an event source without triggers', file([{ ...fn, kind: 'event-source', architecture: 'support', billing: {} }]), 'services[0].billing.triggers', /triggers/],
    ['an event source with no billing at all', file([{ ...fn, kind: 'event-source', architecture: 'support' }]), 'services[0].billing.triggers', /triggers/],
    ['a gateway that is not there', file([{ ...fn, billing: { requiresGateway: 'apigw' } }]), 'services[0].billing.requiresGateway', /no service "apigw"/],
    ['an unknown field', file([{ ...fn, prise: 1 }]), 'services[0].prise', /unknown field/],
  ];
  for (const [what, input, path, message] of cases) {
    const found = issues(input).find((i) => i.path === path);
    t.ok(found, `${what}: an issue at ${path} in ${JSON.stringify(issues(input))}`);
    t.match(found?.message, message, what);
  }
});

t.test('paths read like the document', async (t) => {
  t.equal(formatIssuePath([]), '(root)');
  t.equal(formatIssuePath(['services', 2, 'items', 0, 'priceUsd']), 'services[2].items[0].priceUsd');
  t.equal(formatIssuePath([0, 'name']), '[0].name');
});
