// Regenerates the committed documents under openapi/ from the compiled code: npm run generate.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../dist/http/app.js';
import { OPENAPI_FILE, PROFILE_SCHEMA_FILE, openApiText, profileSchemaText } from '../dist/http/documents.js';
import { loadPricingCatalog, loadRulesetDir, packageRoot } from '../dist/files/tables.js';

const root = packageRoot();
const app = await buildApp({ catalog: loadPricingCatalog(join(root, 'pricing')), rulesets: loadRulesetDir(join(root, 'rules')) });
mkdirSync(join(root, 'openapi'), { recursive: true });
writeFileSync(join(root, OPENAPI_FILE), await openApiText(app));
writeFileSync(join(root, PROFILE_SCHEMA_FILE), profileSchemaText());
await app.close();
console.log(`wrote ${OPENAPI_FILE} and ${PROFILE_SCHEMA_FILE}`);
