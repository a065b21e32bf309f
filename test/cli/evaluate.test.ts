// `archcalc evaluate`, driven in-process through run() and once as a real process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/program.js';
import { packageRoot } from '../../src/files/tables.js';

const ROOT = packageRoot();
const EXAMPLE = join(ROOT, 'examples', 'plain-api.yaml');

function io(stdin = '', env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => void (out.stdout += s),
      stderr: (s: string) => void (out.stderr += s),
      readStdin: async () => stdin,
      readFile: (path: string) => readFile(path, 'utf8'),
      env,
      today: '2026-11-25',
      // evaluate writes no file and starts no server: a call would reject, and the command with it.
      writeFile: async (path: string) => Promise.reject(new Error(`unexpected write to ${path}`)),
      appendFile: async (path: string) => Promise.reject(new Error(`unexpected append to ${path}`)),
      serve: async () => Promise.reject(new Error('unexpected serve')),
    },
  };
}

t.test('evaluate --format json prints the evaluation with the SPEC §8 field names', async (t) => {
  const { out, io: cli } = io();
  t.equal(await run(['evaluate', EXAMPLE, '--format', 'json'], cli), 0);
  const evaluation = JSON.parse(out.stdout);
  for (const field of ['recommendation', 'scores', 'exclusions', 'firedRules', 'options', 'breakEven', 'tippingPoints', 'warnings', 'provenance'])
    t.ok(field in evaluation, field);
  t.match(evaluation.options[0], { architecture: String, provider: 'aws', monthlyUsd: String, lineItems: Array, projection: Array, feasible: Boolean });
  t.equal(evaluation.options[0].projection.length, 36, 'the example asks for 36 months');
  t.match(evaluation.breakEven, { monthlyRequests: Number, serverlessOption: /^aws\/lambda/, traditionalOption: /^aws\// });
  t.same(evaluation.provenance.pricing, [{ provider: 'aws', effectiveDate: '2025-08-01' }]);
});

t.test('evaluate reads stdin and takes flags over the profile', async (t) => {
  const { out, io: cli } = io(await readFile(EXAMPLE, 'utf8'));
  t.equal(await run(['evaluate', '-', '--format', 'json', '--pricing-date', '2023-12-01', '--providers', 'aws,cloudflare', '--horizon', '3'], cli), 0);
  const evaluation = JSON.parse(out.stdout);
  t.same(evaluation.provenance.pricing.map((p: { effectiveDate: string }) => p.effectiveDate), ['2023-08-11', '2021-11-18']);
  t.equal(evaluation.options[0].projection.length, 3);
});

t.test('the default table names the verdict, each option and the break-even', async (t) => {
  const { out, io: cli } = io();
  t.equal(await run(['evaluate', EXAMPLE], cli), 0);
  t.match(out.stdout, /^archcalc: plain API on AWS \(prices as of 2026-11-25\)\nRecommendation: serverless — aws lambda-arm/);
  t.match(out.stdout, /aws\/ec2\/on-demand-autoscaled\s+traditional\s+\$\d+\.\d\d\s+\$\d+\.\d\d/);
  t.match(out.stdout, /Break-even: \d+(\.\d+)?M requests\/month \(aws\/lambda-arm\/on-demand vs /);
  // The last line names the tables and ruleset used, to check against pricing/ and rules/.
  t.match(out.stdout, /\nPrices: aws \d{4}-\d\d-\d\d \(as of 2026-11-25\); ruleset default [\d.]+; engine \d+\.\d+\.\d+\n$/);
  const markdown = io();
  t.equal(await run(['evaluate', EXAMPLE, '--format', 'markdown'], markdown.io), 0);
  t.match(markdown.out.stdout, /\n<sub>Prices: aws \d{4}-\d\d-\d\d \(as of 2026-11-25\); ruleset default [\d.]+; engine [\d.]+<\/sub>\n$/);
});

t.test('infeasible options, warnings and a change of cheapest option show in the table', async (t) => {
  const profile = JSON.stringify({
    name: 'growing',
    traffic: { averageRps: 8, peakRps: 1, growthPercentPerMonth: 15 },
    execution: { averageDurationMs: 100, memoryMb: 512 },
    providers: ['aws', 'cloudflare'],
    horizonMonths: 36,
  });
  const { out, io: cli } = io(profile);
  t.equal(await run(['evaluate', '-'], cli), 0);
  t.match(out.stdout, /Infeasible:\n {2}cloudflare\/workers-standard\/on-demand: .*128 MB/);
  t.match(out.stdout, /Warning: traffic\.peakRps \(1\) is below the busiest hour/);
  t.match(out.stdout, /Cheapest option changes in month \d+: aws\/lambda-arm\/on-demand → /);
});

t.test('a profile with mistakes: exit 2 and every field named on stderr', async (t) => {
  const { out, io: cli } = io('traffic:\n  peakRPS: 3\nexecution:\n  averageDurationMs: -1\n');
  t.equal(await run(['evaluate', '-'], cli), 2);
  t.equal(out.stdout, '');
  t.match(out.stderr, /^archcalc: invalid profile stdin:\n/);
  t.match(out.stderr, /  - traffic\.peakRPS: unknown field "peakRPS"/);
  t.match(out.stderr, /  - execution\.averageDurationMs: /);
});

t.test('an empty profile (blank, or comments only): exit 2, and said to be empty', async (t) => {
  const { out, io: cli } = io('# to be written\n\n');
  t.equal(await run(['evaluate', '-'], cli), 2);
  t.equal(out.stderr, 'archcalc: invalid profile stdin:\n  - (document): the document is empty; a profile needs at least traffic and execution\n');
});

t.test('bad input of every kind exits 2', async (t) => {
  const cases: Array<[string[], string, RegExp]> = [
    [['evaluate', '-'], 'traffic: [unclosed', /invalid profile stdin:\n {2}- line 1:/],
    [['evaluate', '-'], 'a: &a [1]\nb: *a\nc: *a\n'.repeat(1) + 'd: [' + '*a,'.repeat(60) + '*a]\n', /invalid profile stdin:\n {2}- \(document\): .*[Aa]lias/],
    [['evaluate', '/no/such/file.yaml'], '', /invalid profile \/no\/such\/file\.yaml:\n {2}- \(file\): cannot read: ENOENT/],
    [['evaluate', '-', '--horizon', 'lots'], '{"traffic":{"monthlyRequests":1},"execution":{"averageDurationMs":1}}', /horizonMonths: /],
    [['evaluate', '-', '--providers', 'aws,ibm'], '{"traffic":{"monthlyRequests":1},"execution":{"averageDurationMs":1}}', /providers\[1\]: /],
    [['evaluate', '-'], '[1, 2]', /\(root\): Invalid input: expected object/],
    [['evaluate', '-', '--pricing-date', '2001-01-01'], '{"traffic":{"monthlyRequests":1},"execution":{"averageDurationMs":1}}', /pricingDate: none of the providers/],
    [['evaluate'], '', /missing required argument 'file'/],
    [['evaluate', 'x.yaml', '--format', 'xml'], '', /Allowed choices are table, json/],
    [['frobnicate'], '', /unknown command 'frobnicate'/],
    [['evaluate', '-', '--ruleset', 'strict'], '{"traffic":{"monthlyRequests":1},"execution":{"averageDurationMs":1}}', /invalid profile --ruleset:\n {2}- ruleset: no ruleset "strict" in .*rules; known: default/],
  ];
  for (const [argv, stdin, message] of cases) {
    const { out, io: cli } = io(stdin);
    t.equal(await run(argv, cli), 2, argv.join(' '));
    t.match(out.stderr, message, argv.join(' '));
  }
});

t.test('a broken pricing directory is bad input too, named', async (t) => {
  const { out, io: cli } = io('', { ARCHCALC_PRICING_DIR: join(ROOT, 'test', 'fixtures', 'broken-pricing') });
  t.equal(await run(['evaluate', EXAMPLE], cli), 2);
  t.match(out.stderr, /invalid pricing file aws\/2024-01-01\.yaml:\n {2}- currency: /);
});

t.test('--help and --version exit 0', async (t) => {
  const help = io();
  t.equal(await run(['--help'], help.io), 0);
  t.match(help.out.stdout, /Usage: archcalc/);
  const version = io();
  t.equal(await run(['--version'], version.io), 0);
  t.match(version.out.stdout, /^\d+\.\d+\.\d+\n$/);
});

t.test('archcalc evaluate as a real process', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'evaluate', EXAMPLE, '--format', 'json']);
  t.equal(JSON.parse(stdout).recommendation.provider, 'aws');
  const failed = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'evaluate', '/nope.yaml']).catch((e: { code: number; stderr: string }) => e);
  t.match(failed, { code: 2, stderr: /cannot read: ENOENT/ });
});

t.test('no break-even when one side is missing', async (t) => {
  const { out, io: cli } = io('{"traffic":{"monthlyRequests":1000000},"execution":{"averageDurationMs":5,"memoryMb":128},"providers":["cloudflare"]}');
  t.equal(await run(['evaluate', '-'], cli), 0);
  t.match(out.stdout, /Break-even: none — the considered providers rent no servers\n/);
});

t.test('a side project and a firehose: counts and rates read without exponents in the table', async (t) => {
  const tiny = io('{"traffic":{"monthlyRequests":1},"execution":{"averageDurationMs":1}}');
  t.equal(await run(['evaluate', '-'], tiny.io), 0);
  t.match(tiny.out.stdout, /Traffic: 1 request a month, 0\.000000381 per second on average/);
  const huge = io('{"traffic":{"monthlyRequests":1e12},"execution":{"averageDurationMs":100,"memoryMb":512},"providers":["digitalocean"]}');
  t.equal(await run(['evaluate', '-'], huge.io), 0);
  t.match(huge.out.stdout, /Traffic: 1T requests a month, 381000 per second on average/);
});

t.test('a failure that is not about the input is not disguised as one', async (t) => {
  const { io: cli } = io();
  const broken = { ...cli, stdout: () => { throw new Error('stdout closed'); } };
  await t.rejects(run(['evaluate', EXAMPLE], broken), { message: 'stdout closed' });
});

t.test('the real process reads a profile from stdin', async (t) => {
  const child = execFile(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'evaluate', '-', '--format', 'json']);
  child.stdin!.end(await readFile(EXAMPLE, 'utf8'));
  let stdout = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  t.equal(code, 0);
  t.equal(JSON.parse(stdout).recommendation.architecture, 'serverless');
});

t.test('the real process writes a baseline and the step summary, and serves', async (t) => {
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-proc-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const summary = join(dir, 'summary.md');
  await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'check', EXAMPLE, '--write-baseline', '--baseline', join(dir, 'bl.json')], {
    env: { ...process.env, GITHUB_STEP_SUMMARY: summary },
  });
  t.match(JSON.parse(readFileSync(join(dir, 'bl.json'), 'utf8')), { archcalcBaseline: 1 });
  t.match(readFileSync(summary, 'utf8'), /archcalc check/);
  const server = execFile(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'serve'], { env: { ...process.env, PORT: '0' } });
  const listening = await new Promise<string>((resolve) => {
    let log = '';
    server.stdout!.on('data', (chunk) => {
      log += chunk;
      if (/Server listening at/.test(log)) resolve(log);
    });
  });
  server.kill();
  t.match(listening, /Server listening at http:\/\/127\.0\.0\.1:\d+/);
});
