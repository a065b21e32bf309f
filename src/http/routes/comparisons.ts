// POST /v1/comparisons: one profile under two pricing dates or two rulesets, and what changed.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { compare } from '../../core/compare.js';
import { ComparisonOut } from '../../core/evaluation/schema.js';
import { WorkloadProfile } from '../../core/profile/schema.js';
import { ProblemError } from '../error-handler.js';
import { Problem, problem } from '../problems.js';
import { rulesetNamed, type EvaluationDeps } from './evaluations.js';

const Side = z.strictObject({
  pricingDate: z.iso.date().optional().describe('Prices as of this date; default the profile’s, or today'),
  ruleset: z.string().default('default').describe('Ruleset name (GET /v1/rules)'),
});

export const ComparisonRequest = z.strictObject({
  profile: WorkloadProfile,
  baseline: Side.default({ ruleset: 'default' }),
  candidate: Side.default({ ruleset: 'default' }),
});

export function comparisonRoutes(deps: EvaluationDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/comparisons',
      {
        schema: {
          summary: 'Evaluate one profile under two pricing dates or two rulesets and say what changed',
          tags: ['evaluations'],
          consumes: ['application/json', 'application/yaml'],
          body: ComparisonRequest,
          response: { 200: ComparisonOut, 400: Problem, 413: Problem, 422: Problem },
        },
      },
      async (request) => {
        const { profile, baseline, candidate } = request.body;
        const side = (s: typeof baseline) => ({ pricingDate: s.pricingDate, ruleset: rulesetNamed(deps.rulesets, s.ruleset) });
        const result = compare(profile, deps.catalog, deps.today(), side(baseline), side(candidate));
        if (!result.ok)
          throw new ProblemError(
            problem('invalid-input', `the ${result.side} cannot be evaluated`, {
              errors: result.issues.map((i) => ({ path: i.path === 'pricingDate' ? `${result.side}.pricingDate` : `profile.${i.path}`, message: i.message })),
            }),
          );
        return result.comparison;
      },
    );
  };
}
