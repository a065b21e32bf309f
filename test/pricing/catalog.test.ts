// The committed pricing tables: every one loads, every figure cites its source, selection by date picks
// the newest table on or before the date, and a broken copy stops loading with the file and path named.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildCatalog, PricingFileError, pricingInForce, selectPricing } from '../../src/core/pricing/catalog.js';
import { loadPricingCatalog, readYamlTree } from '../../src/files/tables.js';
import { Provider } from '../../src/core/pricing/schema.js';
import { PRICING_DIR, committedCatalog } from '../helpers.js';

t.test('every committed pricing file loads and names its sources', async (t) => {
  const catalog = committedCatalog();
  const folders = readdirSync(PRICING_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  t.same([...catalog.byProvider.keys()].sort(), folders, 'one provider per folder');
  for (const required of ['aws', 'azure', 'cloudflare', 'digitalocean', 'gcp']) t.ok(folders.includes(required), `SPEC §3 requires ${required}`);
  let figures = 0;
  for (const files of catalog.byProvider.values())
    for (const file of files)
      for (const service of file.services) {
        const where = `${file.provider}/${file.effectiveDate} ${service.id}`;
        t.match(service.source, /^https:\/\//, `${where} cites its pricing page`);
        if (service.limits) t.match(service.limits.source, /^https:\/\//, `${where} limits cite a source`);
        for (const item of service.items) {
          figures++;
          t.match(item.source, /^https:\/\//, `${where} ${item.id} cites its source`);
        }
        for (const type of service.instanceTypes ?? []) {
          figures++;
          t.match(type.source, /^https:\/\//, `${where} ${type.name} cites its source`);
          if (type.committed1yHourlyUsd) t.match(type.committedSource, /^https:\/\//);
        }
        // Where sizes bring transfer of their own (DigitalOcean pools it), a size without a figure would add
        // nothing to the pool and be charged for egress it includes.
        const types = service.instanceTypes ?? [];
        if (types.some((type) => type.includedEgressGb !== undefined))
          t.same(types.filter((type) => type.includedEgressGb === undefined).map((type) => type.name), [], `${where}: every size names its included transfer`);
      }
  t.ok(figures > 50, `${figures} priced figures`);
});

t.test('history: AWS and Cloudflare each have a real price change on record', async (t) => {
  const catalog = committedCatalog();
  const aws = catalog.byProvider.get('aws')?.map((f) => f.effectiveDate) ?? [];
  t.ok(aws.includes('2024-02-01') && aws.length >= 2, `aws dates ${aws}`);
  const cloudflare = catalog.byProvider.get('cloudflare')?.map((f) => f.effectiveDate) ?? [];
  t.ok(cloudflare.includes('2024-03-01') && cloudflare.length >= 2, `cloudflare dates ${cloudflare}`);
  const standard = pricingInForce(catalog, 'cloudflare', '2025-01-01');
  const legacy = pricingInForce(catalog, 'cloudflare', '2023-06-01');
  t.ok(standard?.services.some((s) => s.id === 'workers-standard'));
  t.ok(legacy?.services.some((s) => s.id === 'workers-unbound'));
  t.notOk(legacy?.services.some((s) => s.id === 'workers-standard'));
});

t.test('selection picks, per provider, the newest table on or before the date', async (t) => {
  const catalog = committedCatalog();
  const [first, second] = catalog.byProvider.get('aws') ?? [];
  t.ok(first && second);
  t.equal(pricingInForce(catalog, 'aws', second!.effectiveDate)?.effectiveDate, second!.effectiveDate, 'on the day itself');
  const dayBefore = new Date(Date.parse(second!.effectiveDate) - 86_400_000).toISOString().slice(0, 10);
  t.equal(pricingInForce(catalog, 'aws', dayBefore)?.effectiveDate, first!.effectiveDate, 'the day before');
  t.equal(pricingInForce(catalog, 'aws', '1990-01-01'), undefined, 'nothing before the first table');
  t.same(
    selectPricing(catalog, '2030-01-01').map((f) => f.provider),
    Provider.options.filter((p) => catalog.byProvider.has(p)),
    'every provider with a table, in the schema’s order',
  );
  t.same(selectPricing(catalog, '2030-01-01', ['cloudflare']).map((f) => f.provider), ['cloudflare']);
  t.same(selectPricing(catalog, '1990-01-01'), [], 'no provider had prices in 1990');
  const cloudflareOnly = buildCatalog(readYamlTree(PRICING_DIR).filter((f) => f.name.startsWith('cloudflare/')));
  t.equal(pricingInForce(cloudflareOnly, 'aws', '2030-01-01'), undefined, 'a provider without tables has nothing in force');
});

/** A copy of the committed pricing directory with one file's text changed. */
function brokenCopy(t: { teardown: (fn: () => void) => void }, file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-pricing-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(PRICING_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

t.test('a broken price stops loading, naming the file and the YAML path', async (t) => {
  const dir = brokenCopy(t, 'aws/2024-02-01.yaml', (text) => text.replace(/priceUsd: "[\d.]+"/, 'priceUsd: "twenty cents"'));
  t.throws(() => loadPricingCatalog(dir), {
    name: 'PricingFileError',
    file: 'aws/2024-02-01.yaml',
    message: /invalid pricing file aws\/2024-02-01\.yaml:\n {2}- services\[\d+\]\.items\[\d+\]\.priceUsd: must be a non-negative decimal string/,
  });
});

t.test('a missing source stops loading, naming the item', async (t) => {
  const dir = brokenCopy(t, 'cloudflare/2024-03-01.yaml', (text) => text.replace(/\n\s+source: https:\S+/, ''));
  t.throws(() => loadPricingCatalog(dir), { file: 'cloudflare/2024-03-01.yaml', message: /services\[0\]\S*\.source/ });
});

t.test('YAML syntax errors name the line', async (t) => {
  const error = t.throws(() => buildCatalog([{ name: 'aws/2024-02-01.yaml', text: 'provider: aws\n  bad: [\n' }])) as PricingFileError;
  t.match(error.message, /aws\/2024-02-01\.yaml:\n {2}- line \d+:/);
});

t.test('YAML aliases are refused: pricing files need none', async (t) => {
  const bomb = 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n';
  t.throws(() => buildCatalog([{ name: 'aws/2024-02-01.yaml', text: bomb }]), { message: /alias/i });
});

t.test('the file name must agree with the provider and date inside', async (t) => {
  const [table] = readYamlTree(PRICING_DIR).filter((f) => f.name === 'aws/2024-02-01.yaml');
  t.ok(table);
  t.throws(() => buildCatalog([{ name: 'aws/2024-02-02.yaml', text: table!.text }]), { message: /effectiveDate: is 2024-02-01 but the file is named 2024-02-02/ });
  t.throws(() => buildCatalog([{ name: 'gcp/2024-02-01.yaml', text: table!.text }]), { message: /provider: is "aws" but the file sits in gcp\// });
  t.throws(() => buildCatalog([{ name: 'aws/latest.yaml', text: table!.text }]), { message: /\(file name\): must be <provider>\/<YYYY-MM-DD>\.yaml/ });
});
