// Part of `npm run build`: the CLI's start-up snapshot (see src/cli/snapshot.ts). Bundles the CLI into one
// script (a snapshot can only be built from one), runs it under `node --build-snapshot`, and links the node
// that built the blob as dist/cli/archcalc.node: bin/archcalc uses the blob only with that same node binary
// and falls back to dist/cli/main.js otherwise.
import { execFileSync } from 'node:child_process';
import { realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../dist/files/tables.js';

const root = packageRoot();
const bundle = join(root, 'dist', 'cli', 'archcalc.cjs');
const blob = join(root, 'dist', 'cli', 'archcalc.blob');
const builtBy = join(root, 'dist', 'cli', 'archcalc.node');
rmSync(builtBy, { force: true });
// V8 flags of the blob: a snapshot only loads under the flags it was built with, so bin/archcalc reads them
// from archcalc.flags. A short run gains from optimising later (its compile jobs otherwise outlast the work
// and are waited for at exit): a budget of 1M measured ~10% off `archcalc evaluate` and ~15% off a
// 100-profile check against V8's default. Since evaluate also searches the recommendation's tipping points,
// 2M is faster for it again (21–25 alternating runs: the plain API 206 → 193 ms, the checkout 239 → 234 ms)
// and ~5% slower for a 96-profile check (498 → 522 ms); 4M and 8M read as 2M, 500k as neither.
const V8_FLAGS = ['--interrupt-budget=2000000'];

// zod's index of locales pulls in every language's error messages (~360 KB of the ~730 KB zod adds); archcalc
// reports in English, which zod registers by itself, so the bundle's index names English alone.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
  },
};

await build({
  entryPoints: [join(root, 'src', 'cli', 'snapshot.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // tables.ts reads import.meta.url only when no root was set; the snapshot sets one before anything else.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
  plugins: [englishOnlyZod],
  // A smaller bundle is a smaller blob to read and deserialise at every start: 9.3 → 7.7 MB, ~25 ms off
  // `archcalc evaluate` (0.259 → 0.235 s in alternating runs). No code reads a function's or class's name.
  minify: true,
});
// Node warns that some built-in modules (commander loads child_process) are not verified in snapshots; the
// CLI's tests run the snapshot as a process and compare its output with dist/cli/main.js's.
execFileSync(process.execPath, ['--no-warnings', ...V8_FLAGS, '--snapshot-blob', blob, '--build-snapshot', bundle], { stdio: 'inherit', cwd: root });
writeFileSync(join(root, 'dist', 'cli', 'archcalc.flags'), `${V8_FLAGS.join(' ')}\n`);
// bin/archcalc checks that the node on PATH is this very file (and not modified since the blob was made).
symlinkSync(realpathSync(process.execPath), builtBy);
console.log(`wrote ${blob}`);
