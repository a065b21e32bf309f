// The cost chart over HTTP: POST a profile, or GET with the profile in the query (base64url JSON or YAML)
// so a Markdown image link can embed it.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { selectPricing } from '../../core/pricing/catalog.js';
import { parseDocumentText, validateProfile } from '../../core/profile/parse.js';
import { Provider } from '../../core/pricing/schema.js';
import { required, WorkloadProfile } from '../../core/profile/schema.js';
import { profileChartSvg } from '../../render/profile-chart.js';
import { ProblemError } from '../error-handler.js';
import { Problem, problem } from '../problems.js';
import type { EvaluationDeps } from './evaluations.js';

function chart(profile: WorkloadProfile, deps: EvaluationDeps): string {
  const files = selectPricing(deps.catalog, profile.pricingDate ?? deps.today(), profile.providers ?? Provider.options);
  if (files.length === 0)
    throw new ProblemError(problem('invalid-input', 'no prices in force', { errors: [{ path: 'pricingDate', message: 'none of the providers had prices in force on this date' }] }));
  return profileChartSvg(files, profile);
}

export function chartRoutes(deps: EvaluationDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const svg = { 200: z.string().describe('An SVG image (image/svg+xml)'), 400: Problem, 422: Problem };
    app.post(
      '/v1/charts/cost-vs-volume',
      {
        schema: {
          summary: 'SVG chart: monthly cost of the best option of each architecture against monthly requests, break-even and the profile marked',
          tags: ['charts'],
          consumes: ['application/json', 'application/yaml'],
          produces: ['image/svg+xml'],
          body: WorkloadProfile,
          response: svg,
        },
      },
      async (request, reply) => reply.type('image/svg+xml; charset=utf-8').send(chart(request.body, deps)),
    );
    app.get(
      '/v1/charts/cost-vs-volume.svg',
      {
        schema: {
          summary: 'The same chart for a profile given in the query, for Markdown image links',
          tags: ['charts'],
          produces: ['image/svg+xml'],
          querystring: z.strictObject({ profile: z.string(required('the profile, as base64url-encoded JSON or YAML')).min(1).describe('The profile as base64url-encoded JSON or YAML') }),
          response: svg,
        },
      },
      async (request, reply) => {
        const parsed = parseDocumentText(Buffer.from(request.query.profile, 'base64url').toString('utf8'));
        if (!parsed.ok) throw new ProblemError(problem('invalid-parameter', 'the profile parameter is not base64url JSON or YAML', { errors: parsed.issues.map((i) => ({ path: `profile: ${i.path}`, message: i.message })) }));
        const checked = validateProfile(parsed.value);
        if (!checked.ok) throw new ProblemError(problem('invalid-parameter', 'the profile parameter has invalid fields', { errors: checked.issues.map((i) => ({ path: `profile.${i.path}`, message: i.message })) }));
        return reply.type('image/svg+xml; charset=utf-8').send(chart(checked.profile, deps));
      },
    );
  };
}
