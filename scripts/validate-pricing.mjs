// Validate pricing files against the compiled schema: npm run build && node scripts/validate-pricing.mjs FILE...
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PricingFile } from '../dist/core/pricing/schema.js';

let failed = 0;
for (const file of process.argv.slice(2)) {
  const result = PricingFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (result.success) console.log(`ok ${file} (${result.data.services.length} services)`);
  else {
    failed++;
    for (const issue of result.error.issues) console.log(`FAIL ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
}
process.exit(failed ? 1 : 0);
