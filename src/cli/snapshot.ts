// The entry of the CLI's start-up snapshot. `npm run build` bundles this file (esbuild) and runs it under
// `node --build-snapshot`: the modules are loaded, the committed tables validated and indexed, and every
// command's code run once on the examples, then the heap is saved as dist/cli/archcalc.blob. bin/archcalc
// starts node from that blob, so `archcalc evaluate` skips loading ~1 MB of modules and the tables.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { loadPricingCatalog, loadRulesetDir, setPackageRoot } from '../files/tables.js';
import type { CliIo } from './io.js';
import { processIo } from './process-io.js';
import { run } from './program.js';

// Built from <root>/dist/cli/archcalc.cjs.
const buildRoot = resolve(__dirname, '..', '..');
setPackageRoot(buildRoot);
loadPricingCatalog(join(buildRoot, 'pricing'));
loadRulesetDir(join(buildRoot, 'rules'));

const quiet: CliIo = {
  ...processIo(async () => undefined),
  stdout: () => {},
  stderr: () => {},
  writeFile: async () => {},
  appendFile: async () => {},
};
const examples = readdirSync(join(buildRoot, 'examples'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(buildRoot, 'examples', name));
void (async () => {
  for (const format of ['json', 'table', 'markdown']) for (const example of examples) await run(['evaluate', example, '--format', format], quiet);
  await run(['check', ...examples], quiet);
})();

startupSnapshot.setDeserializeMainFunction(async () => {
  // The blob sits at <root>/dist/cli/archcalc.blob wherever the package now lives.
  const blobAt = process.execArgv.indexOf('--snapshot-blob') + 1;
  setPackageRoot(resolve(dirname(process.execArgv[blobAt]!), '..', '..'));
  // argv is [node, ...arguments] when started from a snapshot.
  process.exitCode = await run(
    process.argv.slice(1),
    processIo(async () => {
      throw new Error('archcalc serve starts from dist/cli/main.js (bin/archcalc does so)');
    }),
  );
});
