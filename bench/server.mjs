// The bench's server process: the real app on the committed tables, plus a trivial route to compare with.
import { join } from 'node:path';
import { buildApp } from '../dist/http/app.js';
import { loadPricingCatalog, loadRulesetDir, packageRoot } from '../dist/files/tables.js';

const root = packageRoot();
const app = await buildApp({ catalog: loadPricingCatalog(join(root, 'pricing')), rulesets: loadRulesetDir(join(root, 'rules')) });
app.get('/bench/trivial', async () => ({ ok: true }));
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${app.server.address().port}\n`);
