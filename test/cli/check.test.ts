// `archcalc check` for CI: expect blocks, a saved baseline, exit codes 0/1/2, Markdown for the pull
// request and the GitHub step summary, and which change moved a verdict.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/program.js';
import { defaultRuleset, RULES_DIR } from '../helpers.js';

function workspace(t: { teardown: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-check-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function cli(env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: '', stderr: '', served: 0 };
  return {
    out,
    io: {
      stdout: (s: string) => void (out.stdout += s),
      stderr: (s: string) => void (out.stderr += s),
      readStdin: async () => '',
      readFile: (path: string) => readFile(path, 'utf8'),
      writeFile: (path: string, text: string) => writeFile(path, text),
      appendFile: (path: string, text: string) => appendFile(path, text),
      env,
      today: '2026-11-25',
      serve: async () => void out.served++,
    },
  };
}

const sideProject = `name: side project
traffic: { monthlyRequests: 30000, pattern: diurnal }
execution: { averageDurationMs: 60, memoryMb: 256 }
providers: [aws, cloudflare]
expect: { architecture: serverless, maxMonthlyUsd: 5 }
`;

t.test('every check holds: exit 0, a Markdown table, the step summary appended', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'side.yaml'), sideProject);
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '# earlier step\n');
  const { out, io } = cli({ GITHUB_STEP_SUMMARY: summary });
  t.equal(await run(['check', join(dir, 'side.yaml'), '--baseline', join(dir, 'none.json')], io), 0);
  t.match(out.stdout, /^## ✅ archcalc check: all checks hold\n\n\| Profile \| Verdict \| Option \| Month 1 \| Horizon \| Checks \|/);
  t.match(out.stdout, /\| side project \(`.*side\.yaml`\) \| serverless \| `aws\/lambda-\w+\/on-demand` \| \$0\.\d\d \| \$\d+\.\d\d \| ✅ architecture, ✅ maxMonthlyUsd \|/);
  t.equal(readFileSync(summary, 'utf8'), `# earlier step\n${out.stdout}\n`, 'appended, not overwritten');
});

t.test('a failed expectation: exit 1 naming the file, the check, expected and actual', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'side.yaml'), sideProject.replace('architecture: serverless, maxMonthlyUsd: 5', 'architecture: traditional, maxMonthlyUsd: "0.000001", maxHorizonUsd: 0'));
  const { out, io } = cli();
  t.equal(await run(['check', join(dir, 'side.yaml'), '--baseline', join(dir, 'none.json')], io), 1);
  t.match(out.stdout, /^## ❌ archcalc check: 3 checks failed/);
  t.match(out.stdout, /- `.*side\.yaml` \*\*architecture\*\*: expected traditional, actual serverless/);
  t.match(out.stdout, /- `.*side\.yaml` \*\*maxMonthlyUsd\*\*: expected ≤ \$0\.00, actual \$0\.\d\d \(aws\//);
  t.match(out.stdout, /- `.*side\.yaml` \*\*maxHorizonUsd\*\*: expected ≤ \$0\.00 over 12 months, actual/);
});

t.test('a verdict that moves against the baseline names what changed: here the ruleset', async (t) => {
  const dir = workspace(t);
  const rules = join(dir, 'rules');
  cpSync(RULES_DIR, rules, { recursive: true });
  writeFileSync(join(dir, 'side.yaml'), sideProject.replace('expect: { architecture: serverless, maxMonthlyUsd: 5 }\n', ''));
  const baseline = join(dir, 'baseline.json');
  const write = cli({ ARCHCALC_RULES_DIR: rules });
  t.equal(await run(['check', join(dir, 'side.yaml'), '--baseline', baseline, '--write-baseline'], write.io), 0);
  t.match(write.out.stderr, /wrote the baseline of 1 profile to .*baseline\.json/);
  const version = defaultRuleset().ruleset.version;
  t.match(JSON.parse(readFileSync(baseline, 'utf8')), { archcalcBaseline: 1, profiles: { [join(dir, 'side.yaml')]: { architecture: 'serverless', rulesetVersion: version } } });
  // A new ruleset version whose tiny-volume rule, which this workload meets, forbids serverless.
  const text = readFileSync(join(rules, 'default.yaml'), 'utf8');
  const edited = text.replace(`version: ${version}`, 'version: 2099.1.0').replace(/(- id: tiny-volume\n(?: {4}.*\n)*? {4}effect: )\{ score: \{ serverless: 2 \} \}/, '$1{ exclude: serverless }');
  t.ok(edited.includes('version: 2099.1.0') && /- id: tiny-volume\n(?: {4}.*\n)*? {4}effect: \{ exclude: serverless \}/.test(edited), 'both edits were made');
  writeFileSync(join(rules, 'default.yaml'), edited);
  const { out, io } = cli({ ARCHCALC_RULES_DIR: rules });
  t.equal(await run(['check', join(dir, 'side.yaml'), '--baseline', baseline], io), 1);
  t.match(out.stdout, /\*\*baseline\*\*: expected serverless \(aws\/lambda-\w+\/on-demand, \$\d+\.\d\d\), actual traditional \(.*\) — the ruleset changed \(default [\d.]+ → default 2099\.1\.0\)/);
  t.notMatch(out.stdout, /the profile changed|the pricing tables changed/, 'the profile and the prices are not blamed');
});

/** `check` of one profile (`file` holding `yaml`) against a baseline written with `before`, then run with `after`: its report. */
async function driftReport(t: Test, file: string, yaml: string, before: string[], after: string[] = []): Promise<string> {
  const dir = workspace(t);
  writeFileSync(join(dir, file), yaml);
  const baseline = join(dir, 'baseline.json');
  t.equal(await run(['check', join(dir, file), '--baseline', baseline, '--write-baseline', ...before], cli().io), 0);
  const { out, io } = cli();
  t.equal(await run(['check', join(dir, file), '--baseline', baseline, ...after], io), 0);
  return out.stdout;
}

t.test('the same verdict at other prices is reported as price drift, not a failure', async (t) => {
  const worker = 'name: worker\ntraffic: { monthlyRequests: 50000000 }\nexecution: { averageDurationMs: 20, cpuMsPerRequest: 5, memoryMb: 128 }\nproviders: [cloudflare]\n';
  const report = await driftReport(t, 'side.yaml', worker, ['--pricing-date', '2023-12-01']);
  t.match(report, /### Moved, still within the baseline verdict\n\n- `.*side\.yaml`: was serverless \(cloudflare\/workers-unbound\/on-demand, \$12\.35\), now serverless \(cloudflare\/workers-standard\/on-demand, \$21\.40\) — the pricing tables changed \(cloudflare 2021-11-18 → 2024-03-01: .+, \d+ more\)$/m);
});

t.test('a table that moved names what moved in it: a billing rule as well as a price', async (t) => {
  const api = 'name: api\ntraffic: { monthlyRequests: 10000000 }\nexecution: { averageDurationMs: 100, memoryMb: 512 }\nproviders: [aws]\n';
  const report = await driftReport(t, 'api.yaml', api, ['--pricing-date', '2025-07-31'], ['--pricing-date', '2025-08-01']);
  t.match(
    report,
    /the pricing tables changed \(aws 2024-02-01 → 2025-08-01: lambda-x86 billing\.initPhase added \(coldStartPercent 1, typicalInitMs 300\), lambda-arm billing\.initPhase added \(coldStartPercent 1, typicalInitMs 300\)\)$/m,
  );
});

t.test('bad input: exit 2, named, while the other files are still checked', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'side.yaml'), sideProject);
  writeFileSync(join(dir, 'typo.yaml'), sideProject.replace('monthlyRequests', 'monthlyRequest'));
  const summary = join(dir, 'summary.md');
  const { out, io } = cli({ GITHUB_STEP_SUMMARY: summary });
  t.equal(await run(['check', join(dir, 'side.yaml'), join(dir, 'typo.yaml'), '--baseline', join(dir, 'none.json')], io), 2);
  t.match(out.stdout, /^## ❌ archcalc check: 1 profile could not be read/);
  t.match(out.stdout, /\| side project .* ✅ architecture/);
  // Both of its issues, one to a line under the file: the misspelt key, and the volume it leaves missing.
  t.match(out.stdout, /### Could not be read\n\n- `.*typo\.yaml`:\n  - traffic\.monthlyRequest: unknown field "monthlyRequest".*\n  - traffic\.monthlyRequests: give the volume as monthlyRequests or averageRps\n/);
  t.match(out.stderr, /invalid profile .*typo\.yaml/);
  t.match(readFileSync(summary, 'utf8'), /could not be read/);
  // A file that is not there: its one issue on the file's own line.
  const missing = cli();
  t.equal(await run(['check', join(dir, 'side.yaml'), join(dir, 'gone.yaml'), '--baseline', join(dir, 'none.json')], missing.io), 2);
  t.match(missing.out.stdout, /### Could not be read\n\n- `.*gone\.yaml`: \(file\): cannot read: ENOENT/);
  const write = cli();
  t.equal(await run(['check', join(dir, 'typo.yaml'), '--baseline', join(dir, 'b.json'), '--write-baseline'], write.io), 2);
  t.notMatch(write.out.stderr, /wrote the baseline/, 'no baseline is written from bad input');
});

t.test('a file that is not a baseline is bad input', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'side.yaml'), sideProject);
  for (const text of ['{"profiles": 3}', '{ not: [json']) {
    writeFileSync(join(dir, 'baseline.json'), text);
    const { out, io } = cli();
    t.equal(await run(['check', join(dir, 'side.yaml'), '--baseline', join(dir, 'baseline.json')], io), 2);
    t.match(out.stderr, /invalid profile .*baseline\.json:\n {2}- \(baseline\): not an archcalc baseline file/);
  }
});

t.test('two profiles into one baseline; a failure that is not about input is not disguised', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'a.yaml'), sideProject);
  writeFileSync(join(dir, 'b.yaml'), sideProject.replace('side project', 'other'));
  const { out, io } = cli();
  t.equal(await run(['check', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--baseline', join(dir, 'bl.json'), '--write-baseline'], io), 0);
  t.match(out.stderr, /wrote the baseline of 2 profiles/);
  const broken = cli();
  const io2 = { ...broken.io, readFile: async () => ({}) as unknown as string };
  await t.rejects(run(['check', join(dir, 'a.yaml'), '--baseline', join(dir, 'none.json'), '--write-baseline'], io2), { message: 'source is not a string' });
});

t.test('check --format json, evaluate --format markdown, and serve', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'side.yaml'), sideProject);
  const json = cli();
  t.equal(await run(['check', join(dir, 'side.yaml'), '--format', 'json', '--baseline', join(dir, 'none.json')], json.io), 0);
  t.match(JSON.parse(json.out.stdout), { reports: [{ name: 'side project', recommendation: { architecture: 'serverless' }, checks: [{ check: 'architecture', ok: true }, { check: 'maxMonthlyUsd', ok: true }] }], bad: [] });
  const markdown = cli();
  t.equal(await run(['evaluate', join(dir, 'side.yaml'), '--format', 'markdown'], markdown.io), 0);
  t.match(markdown.out.stdout, /^### side project: \*\*serverless\*\* on aws `lambda-\w+` \(confidence 0\.\d\d\)\n/);
  t.match(markdown.out.stdout, /\| Rule \| Effect \| Because \|\n\|---\|---\|---\|\n\| `/);
  t.match(markdown.out.stdout, /\| \*\*aws\/lambda-\w+\/on-demand\*\* \| serverless \| \$\d+\.\d\d \| \$\d+\.\d\d \|/);
  const serve = cli();
  t.equal(await run(['serve'], serve.io), 0);
  t.equal(serve.out.served, 1);
});

t.test('archcalc chart writes the SVG to a file or stdout', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'side.yaml'), sideProject);
  const toFile = cli();
  t.equal(await run(['chart', join(dir, 'side.yaml'), '-o', join(dir, 'chart.svg')], toFile.io), 0);
  t.match(readFileSync(join(dir, 'chart.svg'), 'utf8'), /^<svg .*\n<title>side project: monthly cost/);
  const toStdout = cli();
  t.equal(await run(['chart', join(dir, 'side.yaml')], toStdout.io), 0);
  t.match(toStdout.out.stdout, /this workload 30k\/month/);
});
