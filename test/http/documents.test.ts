// The committed documents under openapi/ must be what the code generates today; when they drift the test
// fails with the command that regenerates them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { OPENAPI_FILE, PROFILE_SCHEMA_FILE, openApiText, profileSchemaText } from '../../src/http/documents.js';
import { packageRoot } from '../../src/files/tables.js';
import { testApp } from '../helpers.js';

const committed = (file: string) => readFileSync(join(packageRoot(), file), 'utf8');
const FIX = 'the committed file is out of date: run `npm run generate` and commit the result';

t.test('openapi/openapi.json is what the server serves', async (t) => {
  const app = await testApp(t);
  const generated = await openApiText(app);
  t.ok(generated === committed(OPENAPI_FILE), `${OPENAPI_FILE}: ${FIX}`);
  const served = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.same(served.json(), JSON.parse(committed(OPENAPI_FILE)));
  t.match(served.json().openapi, /^3\.1\./);
});

t.test('openapi/workload-profile.schema.json is the profile schema, usable by editors', async (t) => {
  t.ok(profileSchemaText() === committed(PROFILE_SCHEMA_FILE), `${PROFILE_SCHEMA_FILE}: ${FIX}`);
  const schema = JSON.parse(committed(PROFILE_SCHEMA_FILE));
  t.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  t.equal(schema.additionalProperties, false, 'unknown keys are flagged in the editor too');
  t.same(schema.required, ['traffic', 'execution']);
  t.equal(schema.properties.traffic.additionalProperties, false);
  t.match(schema.properties.execution.properties.averageDurationMs, { type: 'number', description: /ms/ });
});
