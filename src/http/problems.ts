// Every problem type the API answers with (RFC 9457), in one list: slug, HTTP status and title.
// Each answer's `type` is "/problems/<slug>", which GET /problems/<slug> explains.
import { z } from 'zod';

export const problemTypes = {
  'invalid-input': { status: 422, title: 'The request has invalid fields' },
  'invalid-parameter': { status: 400, title: 'A path or query parameter is invalid' },
  'malformed-body': { status: 400, title: 'The body is not well-formed JSON or YAML' },
  'body-too-large': { status: 413, title: 'The body is larger than the server accepts' },
  'unsupported-media-type': { status: 415, title: 'The body has a content type the server does not read' },
  'unsupported-content-encoding': { status: 415, title: 'The body is compressed in an encoding the server does not read (br, gzip and deflate it does)' },
  'undecodable-body': { status: 400, title: 'The body could not be inflated with the Content-Encoding it names' },
  'not-found': { status: 404, title: 'No such resource' },
  'unknown-provider': { status: 404, title: 'No pricing tables exist for this provider' },
  'no-pricing-for-date': { status: 404, title: 'The provider had no prices in force on this date' },
  internal: { status: 500, title: 'The server failed; this is a bug in archcalc' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof problemTypes;

export const Problem = z
  .object({
    type: z.string().describe('A URI naming the kind of problem; GET it for an explanation'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional().describe('The request path'),
    errors: z
      .array(z.object({ path: z.string().describe('Dotted path of the field, e.g. traffic.hourlyWeights'), message: z.string() }))
      .optional()
      .describe('Every invalid field, when the problem is about fields'),
  })
  .describe('An RFC 9457 problem detail');
export type Problem = z.infer<typeof Problem>;

export function problem(slug: ProblemSlug, detail: string, extra: Partial<Pick<Problem, 'instance' | 'errors'>> = {}): Problem {
  const { status, title } = problemTypes[slug];
  return { type: `/problems/${slug}`, title, status, detail, ...extra };
}
