// The tests are TypeScript too, but tap runs them transpiled only: without this, a test could build its
// fixtures in a shape the code no longer accepts (a stale interface, a field the schema now requires) and
// still pass. The compiler checks src/ and test/ together with the project's strict settings.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import t from 'tap';
import { packageRoot } from '../src/files/tables.js';

// The compiler takes ~8 s alone; beside other test files on a 2-core machine, more.
t.setTimeout(120_000);

t.test('src/ and test/ type-check together (tsconfig.test.json)', async (t) => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const ran = await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.test.json'], { cwd: packageRoot() }).then(
    () => '',
    (e: { stdout: string }) => e.stdout,
  );
  t.equal(ran, '', 'no compiler errors');
});
