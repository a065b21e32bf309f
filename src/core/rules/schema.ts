// The shape of a ruleset file: rules/<name>.yaml. A rule is a condition over facts, an effect, a sentence
// saying why, and where that knowledge comes from.
import { z } from 'zod';

export const ArchitectureName = z.enum(['serverless', 'traditional', 'hybrid']);
export type ArchitectureName = z.infer<typeof ArchitectureName>;

const Scalar = z.union([z.number(), z.boolean(), z.string()]);

export const ComparisonOperator = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'includes', 'between']);
export type ComparisonOperator = z.infer<typeof ComparisonOperator>;

export const Comparison = z
  .strictObject({
    fact: z.string().min(1).describe('The fact compared (see GET /v1/facts)'),
    op: ComparisonOperator,
    value: z
      .union([Scalar, z.array(Scalar)])
      .optional()
      .describe('A value: a scalar; a list for in/notIn; [low, high] for between'),
    otherFact: z.string().min(1).optional().describe('Compare with another fact instead of a value'),
  })
  .refine((c) => (c.value === undefined) !== (c.otherFact === undefined), { message: 'give exactly one of value or otherFact', path: ['value'] });
export type Comparison = z.infer<typeof Comparison>;

export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    Comparison,
  ]),
);

export const Effect = z.union([
  z.strictObject({ exclude: ArchitectureName.describe('A hard constraint: this architecture cannot be recommended') }),
  z.strictObject({
    score: z
      .strictObject({ serverless: z.number().optional(), traditional: z.number().optional(), hybrid: z.number().optional() })
      .refine((s) => Object.keys(s).length > 0, 'score at least one architecture')
      .describe('Points for (positive) or against (negative) each architecture'),
  }),
]);
export type Effect = z.infer<typeof Effect>;

export const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  when: Condition,
  effect: Effect,
  because: z.string().min(10).describe('One sentence a person can read'),
  source: z.url({ protocol: /^https$/ }).optional().describe('Where the knowledge comes from'),
});
export type Rule = z.infer<typeof Rule>;

export const Ruleset = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    description: z.string().optional(),
    rules: z.array(Rule).min(1),
  })
  .superRefine((ruleset, ctx) => {
    const seen = new Set<string>();
    ruleset.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
  });
export type Ruleset = z.infer<typeof Ruleset>;
