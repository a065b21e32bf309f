// GET /v1/rules and GET /v1/facts: everything the rules engine uses, as it was loaded.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FACTS } from '../../core/rules/facts.js';
import type { LoadedRuleset } from '../../core/rules/load.js';
import { Ruleset } from '../../core/rules/schema.js';

const FactOut = z.object({
  name: z.string(),
  type: z.enum(['number', 'boolean', 'string', 'string[]']),
  unit: z.string().optional(),
  values: z.array(z.string()).optional().describe('Every value a string fact can take'),
  description: z.string(),
});

export function ruleRoutes(rulesets: ReadonlyMap<string, LoadedRuleset>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/rules',
      {
        schema: {
          summary: 'The rulesets and every rule in them: condition, effect, because and source',
          tags: ['rules'],
          response: { 200: z.object({ rulesets: z.array(Ruleset) }) },
        },
      },
      async () => ({ rulesets: [...rulesets.values()].map((r) => r.ruleset) }),
    );
    app.get(
      '/v1/facts',
      {
        schema: {
          summary: 'The facts rules can test: name, type, unit and meaning',
          tags: ['rules'],
          response: { 200: z.object({ facts: z.array(FactOut) }) },
        },
      },
      async () => ({
        facts: FACTS.map(({ name, type, unit, values, description }) => ({ name, type, description, ...(unit ? { unit } : {}), ...(values ? { values: [...values] } : {}) })),
      }),
    );
  };
}
