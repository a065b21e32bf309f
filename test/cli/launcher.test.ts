// bin/archcalc, as a user runs it: from the start-up snapshot when it was built by this node, from
// dist/cli/main.js otherwise — byte for byte the same output and exit codes either way.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { packageRoot } from '../../src/files/tables.js';

// Some forty node processes, the fallback ones loading every module (~18 s alone): on a busy 2-core machine
// running other test files beside it, this file needs more than tap's default 30 s.
t.setTimeout(120_000);

const ROOT = packageRoot();
const LAUNCHER = join(ROOT, 'bin', 'archcalc');
const EXAMPLE = join(ROOT, 'examples', 'plain-api.yaml');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function archcalc(args: string[], env: NodeJS.ProcessEnv = {}, launcher = LAUNCHER): Promise<Ran> {
  return promisify(execFile)(launcher, args, { env: { ...process.env, ...env }, maxBuffer: 1 << 24 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

async function plain(args: string[]): Promise<Ran> {
  return promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { maxBuffer: 1 << 24 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

t.test('npm run build made a snapshot for this node', async (t) => {
  const blob = join(ROOT, 'dist', 'cli', 'archcalc.blob');
  t.ok(readFileSync(blob).length > 1_000_000, 'the blob holds the loaded program');
  t.equal(realpathSync(join(ROOT, 'dist', 'cli', 'archcalc.node')), realpathSync(process.execPath), 'beside a link to the node that built it');
});

t.test('from the snapshot, every format and exit code is what dist/cli/main.js gives', async (t) => {
  // The snapshot runs a minified bundle: messages made by the libraries (zod's, commander's, yaml's) must
  // read the same as from the modules themselves.
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-launcher-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const invalid = join(dir, 'invalid.yaml');
  writeFileSync(invalid, 'traffic:\n  monthlyRequests: -5\n  peakRPS: 3\nexecution:\n  averageDurationMs: "100"\n');
  const malformed = join(dir, 'malformed.yaml');
  writeFileSync(malformed, 'traffic: {monthlyRequests: 5\n');
  const examples = ['checkout-api', 'side-project', 'queue-consumer'].map((name) => join(ROOT, 'examples', `${name}.yaml`));
  for (const args of [
    ['evaluate', invalid],
    ['evaluate', malformed],
    ['evaluate', EXAMPLE, '--ruleset', 'nope'],
    ['evaluate', EXAMPLE, '--providers', 'nope'],
    ['check', ...examples, '--baseline', join(dir, 'none.json')],
    ['chart', EXAMPLE],
    ['nope'],
    ['evaluate', EXAMPLE, '--format', 'json'],
    ['evaluate', EXAMPLE, '--format', 'markdown', '--horizon', '12'],
    ['evaluate', EXAMPLE, '--providers', 'aws,gcp'],
    ['evaluate', '/nope.yaml'],
    ['evaluate', EXAMPLE, '--horizon', 'x'],
    ['--version'],
    ['--help'],
  ]) {
    const [fromSnapshot, fromMain] = await Promise.all([archcalc(args), plain(args)]);
    t.same(fromSnapshot, fromMain, args.join(' '));
  }
});

t.test('options that node itself knows reach archcalc', async (t) => {
  t.match(await archcalc(['--version']), { code: 0, stdout: /^\d+\.\d+\.\d+\n$/ });
});

t.test('from the snapshot, node is spared loading NODE_EXTRA_CA_CERTS: nothing archcalc runs opens a TLS connection', async (t) => {
  // node warns when it cannot load the file, so the warning shows whether it tried.
  const env = { NODE_EXTRA_CA_CERTS: join(tmpdir(), 'archcalc-no-such-bundle.pem') };
  t.match(await archcalc(['--version'], env), { code: 0, stderr: '' });
  const bare = await promisify(execFile)(process.execPath, ['-e', ''], { env: { ...process.env, ...env } });
  t.match(bare.stderr, /Ignoring extra certs/, 'a plain node tries, and warns');
});

t.test('another node on PATH takes the plain way in, with the same output', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-launcher-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // A different file named node, first on the PATH.
  writeFileSync(join(dir, 'node'), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`);
  chmodSync(join(dir, 'node'), 0o755);
  const args = ['evaluate', EXAMPLE, '--format', 'json'];
  const fallback = await archcalc(args, { PATH: `${dir}:${dirname(process.execPath)}:/usr/bin:/bin` });
  t.same(fallback, await plain(args));
});

t.test('the tables are read from where the package is, and edits to them are seen', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-launcher-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'bad.yaml'), 'name: x\n');
  const ran = await archcalc(['evaluate', EXAMPLE], { ARCHCALC_PRICING_DIR: dir });
  t.match(ran, { code: 2, stderr: /invalid pricing file bad\.yaml/ });
});

t.test('a link to the launcher (as npm puts in node_modules/.bin) finds the package it belongs to', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-launcher-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(LAUNCHER, join(dir, 'archcalc'));
  const args = ['evaluate', EXAMPLE, '--format', 'json'];
  t.same(await archcalc(args, {}, join(dir, 'archcalc')), await plain(args));
});

t.test('from the snapshot, a profile on stdin and the step summary work as from dist/cli/main.js', async (t) => {
  const piped = (command: string, args: string[]) =>
    new Promise<string>((resolve) => {
      const child = spawn(command, args);
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', () => resolve(out));
      child.stdin.end(readFileSync(EXAMPLE));
    });
  const args = ['evaluate', '-', '--format', 'json'];
  t.equal(await piped(LAUNCHER, args), await piped(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args]));
  const dir = mkdtempSync(join(tmpdir(), 'archcalc-launcher-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const summary = join(dir, 'summary.md');
  const ran = await archcalc(['check', EXAMPLE, '--baseline', join(dir, 'none.json')], { GITHUB_STEP_SUMMARY: summary });
  t.equal(readFileSync(summary, 'utf8').trim(), ran.stdout.trim(), 'the report is appended to the step summary');
});
