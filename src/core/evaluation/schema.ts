// The evaluation, as a contract (SPEC §8): these field names are read by users, CI scripts and checks.
// Money is a decimal string in USD, never a number.
import { z } from 'zod';

const Usd = z.string().describe('USD as a decimal string, full precision');
export const ArchitectureName = z.enum(['serverless', 'traditional', 'hybrid']);

export const LineItemOut = z.object({
  name: z.string(),
  quantity: z.number().describe('Priced units; quantity × unitPriceUsd = amountUsd exactly'),
  unit: z.string(),
  unitPriceUsd: Usd,
  amountUsd: Usd,
});

export const ProjectionMonth = z.object({
  month: z.number().int().describe('1 is the first month of the horizon'),
  monthlyRequests: z.number(),
  totalUsd: Usd,
  instanceType: z
    .string()
    .optional()
    .describe("The instance size the month runs, where it is not the first month's: servers re-sized as traffic grows, a hybrid's baseline once traffic has doubled or halved"),
  baselineInstances: z
    .number()
    .int()
    .optional()
    .describe("A hybrid's servers in the month, where not the first month's count: the baseline is searched again every month (0: functions alone that month)"),
});

export const OptionOut = z.object({
  id: z.string().describe('Stable id: provider/service/variant'),
  architecture: ArchitectureName,
  provider: z.string(),
  service: z.string(),
  serviceName: z.string(),
  variant: z.string(),
  pricingEffectiveDate: z.string().describe('Effective date of the pricing table used'),
  monthlyUsd: Usd.nullable().describe('The first month; null when infeasible'),
  horizonUsd: Usd.nullable(),
  lineItems: z.array(LineItemOut).describe('The first month; they add up to monthlyUsd exactly'),
  projection: z.array(ProjectionMonth),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  feasible: z.boolean(),
  infeasibleBecause: z.string().optional(),
});

export const BreakEven = z
  .object({
    monthlyRequests: z.number().describe('Monthly volume at which the best traditional option becomes cheaper than the best serverless one'),
    serverlessOption: z.string(),
    traditionalOption: z.string(),
    serverlessMonthlyUsd: Usd,
    traditionalMonthlyUsd: Usd,
  })
  .nullable();

export const CheapestChange = z
  .object({ month: z.number().int(), from: z.string(), to: z.string() })
  .nullable()
  .describe('The first month in the horizon where the cheapest feasible option changes');

export const TippingPoint = z.object({
  kind: z
    .enum(['recommendation', 'cost'])
    .describe(
      'recommendation: where the recommended architecture changes (each probe priced and judged by the rules, as an evaluation is); ' +
        'cost: where the cheaper of the best serverless and the best traditional option changes (the break-even comparison, hybrids left out)',
    ),
  input: z.string(),
  currentValue: z.number(),
  flipsAt: z.number(),
  from: z.string(),
  to: z.string(),
});

export const Evaluation = z.object({
  recommendation: z.object({
    architecture: ArchitectureName,
    provider: z.string(),
    service: z.string(),
    optionId: z.string(),
    confidence: z.number().min(0).max(1),
    summary: z.string(),
  }),
  scores: z.object({ serverless: z.number(), traditional: z.number(), hybrid: z.number() }),
  exclusions: z.array(z.object({ architecture: ArchitectureName, ruleId: z.string(), because: z.string() })),
  firedRules: z.array(
    z.object({
      id: z.string(),
      effect: z.string().describe('e.g. "excludes serverless" or "serverless +3, traditional -2"'),
      because: z.string(),
      source: z.string().optional(),
      conditions: z
        .array(z.object({ fact: z.string(), op: z.string(), expected: z.unknown(), actual: z.unknown(), held: z.boolean() }))
        .describe('Each comparison evaluated, with the fact value it saw'),
    }),
  ),
  options: z.array(OptionOut),
  breakEven: BreakEven,
  cheapestOptionChange: CheapestChange,
  tippingPoints: z.array(TippingPoint),
  warnings: z.array(z.string()),
  facts: z.record(z.string(), z.unknown()).describe('Every fact the rules saw (GET /v1/facts describes them)'),
  assumptions: z.record(z.string(), z.unknown()).describe('Planning assumptions behind the figures'),
  provenance: z.object({
    pricing: z.array(z.object({ provider: z.string(), effectiveDate: z.string() })),
    pricingDate: z.string(),
    ruleset: z.string(),
    rulesetVersion: z.string(),
    engineVersion: z.string(),
    profileHash: z.string().describe('sha256 of the normalised profile without pricingDate and expect'),
  }),
});
export type Evaluation = z.infer<typeof Evaluation>;
export type OptionOut = z.infer<typeof OptionOut>;

export const PriceChangeOut = z.object({
  provider: z.string(),
  service: z.string(),
  item: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  unit: z.string(),
  from: z.string().nullable().describe('USD per unit before (tiers written out), null when added'),
  to: z.string().nullable(),
  fromTable: z.string().nullable().describe('Effective date of the baseline table'),
  toTable: z.string().nullable(),
});

export const ComparisonOut = z.object({
  baseline: Evaluation,
  candidate: Evaluation,
  changes: z.object({
    verdictChanged: z.boolean(),
    verdict: z.object({ from: z.string(), to: z.string() }),
    recommendedOption: z.object({ from: z.string(), to: z.string() }),
    cheapestOption: z.object({ from: z.string(), to: z.string() }),
    options: z.array(
      z.object({ id: z.string(), baselineMonthlyUsd: z.string().nullable(), candidateMonthlyUsd: z.string().nullable(), deltaUsd: z.string().nullable() }),
    ),
    priceChanges: z.array(PriceChangeOut).describe('The price items that moved between the two pricing dates'),
    ruleset: z.object({ from: z.string(), to: z.string() }).nullable(),
  }),
});
