// The generated documents committed under openapi/: the OpenAPI document the server serves, and the
// profile's JSON Schema for editors. Both come from the zod schemas; a test fails when either drifts.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { WorkloadProfile } from '../core/profile/schema.js';

export const OPENAPI_FILE = 'openapi/openapi.json';
export const PROFILE_SCHEMA_FILE = 'openapi/workload-profile.schema.json';

/** Stable text: two-space JSON with a final newline, as committed. */
export function documentText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function openApiText(app: FastifyInstance): Promise<string> {
  await app.ready();
  return documentText(app.swagger());
}

export function profileSchemaText(): string {
  const schema = z.toJSONSchema(WorkloadProfile, { io: 'input', target: 'draft-2020-12' });
  return documentText({
    title: 'archcalc workload profile',
    ...schema,
  });
}
