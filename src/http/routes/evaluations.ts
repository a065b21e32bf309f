// POST /v1/evaluations: a workload profile (JSON, or YAML with Content-Type: application/yaml) → evaluation.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { evaluate } from '../../core/evaluate.js';
import { Evaluation } from '../../core/evaluation/schema.js';
import type { PricingCatalog } from '../../core/pricing/catalog.js';
import { required, WorkloadProfile } from '../../core/profile/schema.js';
import type { FieldIssue } from '../../core/issue-path.js';
import type { LoadedRuleset } from '../../core/rules/load.js';
import type { EvaluationPool, PoolResult } from '../evaluation-pool.js';
import { JsonBytesWriter } from '../json-bytes.js';
import type { EncodedAnswer } from '../answer-slots.js';
import { ProblemError } from '../error-handler.js';
import { Problem, problem } from '../problems.js';

export interface EvaluationDeps {
  catalog: PricingCatalog;
  rulesets: ReadonlyMap<string, LoadedRuleset>;
  /** Today as YYYY-MM-DD: the default pricing date. */
  today: () => string;
  /** Worker threads to evaluate in; without one, evaluations run on the event loop. */
  pool?: EvaluationPool;
}

const cannotEvaluate = (issues: FieldIssue[]) =>
  new ProblemError(problem('invalid-input', `the profile cannot be evaluated: ${[...new Set(issues.map((i) => i.path))].join(', ')}`, { errors: issues }));

/** Batches are bounded so one request cannot hold the server for long. */
export const MAX_BATCH = 25;

const BatchResult = z.object({
  results: z.array(
    z.union([
      z.object({ index: z.number().int(), evaluation: Evaluation }),
      z.object({ index: z.number().int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
    ]),
  ),
});

// Strict: a misspelt parameter (tippingpoints=false) is a 400 naming it, not silently the default.
export const RulesetQuery = z.strictObject({
  ruleset: z.string().default('default').describe('Name of the ruleset (GET /v1/rules lists them)'),
});

const EvaluationQuery = RulesetQuery.extend({
  tippingPoints: z
    .enum(['true', 'false'])
    .default('true')
    .describe('Search the tipping points (the slowest part of an evaluation); false leaves tippingPoints empty'),
});

export function rulesetNamed(rulesets: EvaluationDeps['rulesets'], name: string): LoadedRuleset {
  const ruleset = rulesets.get(name);
  if (!ruleset)
    throw new ProblemError(
      problem('invalid-parameter', `No ruleset "${name}"; known: ${[...rulesets.keys()].join(', ')}`, { errors: [{ path: 'ruleset', message: `unknown ruleset "${name}"` }] }),
    );
  return ruleset;
}

/**
 * Sends JSON bytes as they are, and frees the memory they sit in once the response is over: sent, or its
 * connection gone (maybe while the answer was being made).
 */
function sendEncoded(reply: FastifyReply, { json, release }: EncodedAnswer): FastifyReply {
  if (reply.raw.destroyed) release();
  else reply.raw.once('close', release);
  return reply.type('application/json; charset=utf-8').send(json);
}

export function evaluationRoutes(deps: EvaluationDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const json = new JsonBytesWriter();
    app.post(
      '/v1/evaluations',
      {
        schema: {
          summary: 'Evaluate a workload profile: verdict, reasons, costs per option, projection and break-even',
          description:
            'Send the profile as JSON, or as YAML with Content-Type: application/yaml. Invalid fields answer 422 with every field named; ' +
            'malformed JSON or YAML 400; a body over the limit 413.',
          tags: ['evaluations'],
          consumes: ['application/json', 'application/yaml'],
          querystring: EvaluationQuery,
          body: WorkloadProfile,
          response: { 200: Evaluation, 400: Problem, 413: Problem, 415: Problem, 422: Problem },
        },
        // The core builds the evaluation from the schema's own types, and a test parses a response with the
        // schema; re-validating ~160 KB of output on every request cost more than a quarter of the evaluation.
        // A Buffer, encoded once here, saves Fastify measuring the string's UTF-8 length before writing it. An
        // answer from the pool is JSON bytes already, in shared memory, which Fastify does not take for bytes
        // (it checks for an ArrayBuffer) and hands to the serializer: they pass through as they are.
        serializerCompiler: () => (data) => (Buffer.isBuffer(data) ? data : Buffer.from(json.bytes(data))) as unknown as string,
      },
      async (request, reply) => {
        const ruleset = rulesetNamed(deps.rulesets, request.query.ruleset);
        const tippingPoints = request.query.tippingPoints === 'true';
        if (deps.pool) {
          // The worker answers with the evaluation already encoded as JSON: its bytes are sent as they are.
          const result = await deps.pool.evaluate({ profile: request.body, ruleset: request.query.ruleset, today: deps.today(), tippingPoints });
          if (!result.ok) throw cannotEvaluate(result.issues);
          return sendEncoded(reply, result);
        }
        const result = evaluate(request.body, { catalog: deps.catalog, ruleset, today: deps.today(), tippingPoints });
        if (!result.ok) throw cannotEvaluate(result.issues);
        return result.evaluation;
      },
    );

    app.post(
      '/v1/evaluations/batch',
      {
        schema: {
          summary: `Evaluate up to ${MAX_BATCH} profiles in one call`,
          description: 'Each result is an evaluation or the issues that stop it; a batch over the limit answers 422 naming the limit.',
          tags: ['evaluations'],
          consumes: ['application/json', 'application/yaml'],
          querystring: RulesetQuery,
          body: z.strictObject({
            profiles: z.array(WorkloadProfile, required(`a list of 1 to ${MAX_BATCH} workload profiles`)).min(1).max(MAX_BATCH, `at most ${MAX_BATCH} profiles per batch`),
          }),
          response: { 200: BatchResult, 400: Problem, 413: Problem, 422: Problem },
        },
      },
      async (request, reply) => {
        const ruleset = rulesetNamed(deps.rulesets, request.query.ruleset);
        const today = deps.today();
        const failed = (index: number, issues: FieldIssue[]) => ({ index, errors: issues.map((i) => ({ path: `profiles[${index}].${i.path}`, message: i.message })) });
        if (deps.pool) {
          // The profiles are spread over the workers; their JSON is joined into the answer as it came back, and
          // every answer that came frees its slot, whether the batch is answered or one of them failed.
          const pool = deps.pool;
          const settled = await Promise.allSettled(request.body.profiles.map((profile) => pool.evaluate({ profile, ruleset: request.query.ruleset, today, tippingPoints: false })));
          try {
            const fault = settled.find((outcome) => outcome.status === 'rejected');
            if (fault) throw fault.reason;
            const parts = settled.map((outcome, index) => {
              const result = (outcome as PromiseFulfilledResult<PoolResult>).value;
              return result.ok ? [Buffer.from(`{"index":${index},"evaluation":`), result.json, Buffer.from('}')] : [Buffer.from(JSON.stringify(failed(index, result.issues)))];
            });
            const json = Buffer.concat([Buffer.from('{"results":['), ...parts.flatMap((part, i) => (i === 0 ? part : [Buffer.from(','), ...part])), Buffer.from(']}')]);
            return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof BatchResult>);
          } finally {
            for (const outcome of settled) if (outcome.status === 'fulfilled' && outcome.value.ok) outcome.value.release();
          }
        }
        return {
          results: request.body.profiles.map((profile, index) => {
            const result = evaluate(profile, { catalog: deps.catalog, ruleset, today });
            return result.ok ? { index, evaluation: result.evaluation } : failed(index, result.issues);
          }),
        };
      },
    );
  };
}
