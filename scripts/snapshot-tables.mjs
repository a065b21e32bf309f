// Part of `npm run build`: validates pricing/ and rules/ once and saves them beside the compiled code, so a
// CLI run reads one JSON file instead of parsing the YAML (the loaders check each digest first).
import { join } from 'node:path';
import { packageRoot, tablesSnapshotDir, writeTablesSnapshot } from '../dist/files/tables.js';

writeTablesSnapshot(join(packageRoot(), 'pricing'), join(packageRoot(), 'rules'));
console.log(`wrote ${tablesSnapshotDir()}`);
