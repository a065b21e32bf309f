// GET /problems/{slug}: what each problem `type` means, so the URI in an error answer leads somewhere.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemError } from '../error-handler.js';
import { Problem, problem, problemTypes } from '../problems.js';

export const problemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/problems/:slug',
    {
      schema: {
        summary: 'Explains a problem type',
        tags: ['meta'],
        params: z.object({ slug: z.string() }),
        response: { 200: z.object({ type: z.string(), status: z.number().int(), title: z.string() }), 404: Problem },
      },
    },
    async (request) => {
      const { slug } = request.params;
      if (!Object.hasOwn(problemTypes, slug))
        throw new ProblemError(problem('not-found', `No problem type "${slug}"; known: ${Object.keys(problemTypes).join(', ')}`));
      const { status, title } = problemTypes[slug as keyof typeof problemTypes];
      return { type: `/problems/${slug}`, status, title };
    },
  );
};
