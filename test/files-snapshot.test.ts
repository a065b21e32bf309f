// The build-time snapshot of the tables: used only when it was taken from exactly the files on disk, so an
// edited, added or removed table is always read and validated from its YAML.
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildCatalog } from '../src/core/pricing/catalog.js';
import { loadPricingCatalog, loadRulesetDir, packageRoot, readYamlTree, setPackageRoot, tablesSnapshotDir, writeTablesSnapshot } from '../src/files/tables.js';
import { PRICING_DIR, RULES_DIR } from './helpers.js';

function scratch(t: { teardown: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-snapshot-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

t.test('a snapshot of the same files gives the same catalog and rulesets as the YAML', async (t) => {
  const snapshot = join(scratch(t), 'tables');
  writeTablesSnapshot(PRICING_DIR, RULES_DIR, snapshot);
  const fromYaml = buildCatalog(readYamlTree(PRICING_DIR));
  t.same(loadPricingCatalog(PRICING_DIR, snapshot).byProvider, fromYaml.byProvider);
  const rules = loadRulesetDir(RULES_DIR, snapshot).get('default')!;
  t.same(rules.ruleset, loadRulesetDir(RULES_DIR, join(scratch(t), 'none')).get('default')!.ruleset);
  t.ok(rules.compiled.run, 'rules from the snapshot are compiled');
});

t.test('a snapshot of other files is ignored: edited tables are read from their YAML', async (t) => {
  const work = scratch(t);
  const snapshot = join(work, 'tables');
  writeTablesSnapshot(PRICING_DIR, RULES_DIR, snapshot);
  const pricing = join(work, 'pricing');
  cpSync(PRICING_DIR, pricing, { recursive: true });
  appendFileSync(join(pricing, 'aws', '2024-02-01.yaml'), '\nnotAField: 1\n');
  t.throws(() => loadPricingCatalog(pricing, snapshot), { name: 'PricingFileError', file: 'aws/2024-02-01.yaml' }, 'the edit is seen and refused');
  const rules = join(work, 'rules');
  cpSync(RULES_DIR, rules, { recursive: true });
  appendFileSync(join(rules, 'default.yaml'), '\nnotAField: 1\n');
  t.throws(() => loadRulesetDir(rules, snapshot), { name: 'RulesetFileError', file: 'default.yaml' });
});

t.test('an unreadable snapshot is no snapshot', async (t) => {
  const work = scratch(t);
  const snapshot = join(work, 'tables');
  // A copy with a comment added: valid tables not loaded before in this process.
  const pricing = join(work, 'pricing');
  cpSync(PRICING_DIR, pricing, { recursive: true });
  appendFileSync(join(pricing, 'aws', '2024-02-01.yaml'), '\n# a comment\n');
  writeTablesSnapshot(pricing, RULES_DIR, snapshot);
  writeFileSync(join(snapshot, 'pricing.json'), 'not json');
  t.same(loadPricingCatalog(pricing, snapshot).byProvider, buildCatalog(readYamlTree(PRICING_DIR)).byProvider);
});

t.test('the same tables loaded twice give the same catalog and rulesets, edited ones new ones', async (t) => {
  // What the CLI's start-up snapshot relies on: it is taken after loading the committed tables.
  t.equal(loadPricingCatalog(PRICING_DIR), loadPricingCatalog(PRICING_DIR));
  t.equal(loadRulesetDir(RULES_DIR), loadRulesetDir(RULES_DIR));
  const rules = join(scratch(t), 'rules');
  cpSync(RULES_DIR, rules, { recursive: true });
  appendFileSync(join(rules, 'default.yaml'), '\n# a comment\n');
  const edited = loadRulesetDir(rules);
  t.not(edited, loadRulesetDir(RULES_DIR));
  t.same(edited.get('default')!.ruleset, loadRulesetDir(RULES_DIR).get('default')!.ruleset);
});

t.test('a bundle run from elsewhere (the CLI start-up snapshot) sets the package root it was started from', async (t) => {
  const root = packageRoot();
  t.teardown(() => setPackageRoot(root));
  setPackageRoot('/opt/archcalc');
  t.equal(packageRoot(), '/opt/archcalc');
  t.equal(tablesSnapshotDir(), join('/opt/archcalc', 'dist', 'tables-snapshot'));
});
