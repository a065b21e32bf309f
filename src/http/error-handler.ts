// Turns every failure into an application/problem+json answer; bad input is a 4xx naming the field.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { toFieldIssues, type IssueSource } from '../core/issue-path.js';
import { problem, type Problem } from './problems.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** An error a route throws on purpose: it carries the problem to answer with. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

// Error codes for bodies that could not be read: Fastify's own (see fastify/lib/errors.js) and @fastify/compress's.
const BODY_ERRORS: Record<string, Parameters<typeof problem>[0]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed-body',
  FST_CP_ERR_INVALID_CONTENT_ENCODING: 'unsupported-content-encoding',
  FST_CP_ERR_INVALID_CONTENT: 'undecodable-body',
};

/** The part of a request a validation failed in (body, querystring, params), with the schema the route checks it against. */
function sentAs(request: FastifyRequest, where: string | undefined): IssueSource {
  const schemas = request.routeOptions.schema as Record<string, unknown> | undefined;
  // Fastify's schema calls the query "querystring"; the request, "query".
  const part = where === 'querystring' ? 'query' : String(where);
  return { schema: schemas?.[String(where)], input: (request as unknown as Record<string, unknown>)[part] };
}

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  const instance = request.url.split('?')[0];
  if (error instanceof ProblemError) return { ...error.problem, instance };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext;
    const errors = toFieldIssues(
      error.validation.map((v) => ({
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
        message: v.message!,
        keys: (v.params as { keys?: string[] }).keys,
        values: (v.params as { values?: unknown[] }).values,
      })),
      [],
      // The route's own schema and what was sent: a misspelt field, parameter or option gets the one it most likely meant.
      sentAs(request, where),
    );
    const detail = `${errors.length} invalid field${errors.length === 1 ? '' : 's'} in the ${where}: ${errors.map((e) => e.path).join(', ')}`;
    return problem(where === 'body' ? 'invalid-input' : 'invalid-parameter', detail, { instance, errors });
  }
  const slug = error.code ? BODY_ERRORS[error.code] : undefined;
  if (slug) return problem(slug, error.message, { instance });
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
    return { ...problem('malformed-body', error.message, { instance }), status: error.statusCode, title: 'The request could not be read' };
  request.log.error({ err: error }, 'unhandled error');
  return problem('internal', 'An unexpected error occurred; it has been logged.', { instance });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(reply, toProblem(error, request)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem('not-found', `No route answers ${request.method} ${request.url.split('?')[0]}`, { instance: request.url.split('?')[0] })),
  );
}
