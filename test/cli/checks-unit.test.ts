// The check rules and Markdown on hand-made evaluations: every way a baseline can move, and the report's
// wording for plurals, warnings and tipping points.
import t from 'tap';
import { driftCause, runChecks, type BaselineEntry } from '../../src/cli/checks.js';
import { formatCheckMarkdown, formatEvaluationMarkdown } from '../../src/cli/format-markdown.js';
import type { Evaluation } from '../../src/core/evaluation/schema.js';
import { profile } from '../costs/examples.js';

const entry: BaselineEntry = {
  architecture: 'serverless',
  optionId: 'aws/lambda-arm/on-demand',
  monthlyUsd: '10',
  profileHash: 'a',
  pricing: [{ provider: 'aws', effectiveDate: '2024-02-01' }],
  ruleset: 'default',
  rulesetVersion: '1',
};

t.test('drift causes: profile, pricing, ruleset, or none of them', async (t) => {
  t.equal(driftCause(entry, { ...entry, profileHash: 'b' }), 'the profile changed');
  t.equal(
    driftCause(entry, { ...entry, pricing: [{ provider: 'aws', effectiveDate: '2024-02-01' }, { provider: 'gcp', effectiveDate: '2025-03-06' }] }),
    'the pricing tables changed (gcp (none) → 2025-03-06)',
  );
  t.equal(driftCause(entry, { ...entry, rulesetVersion: '2' }), 'the ruleset changed (default 1 → default 2)');
  t.equal(driftCause(entry, entry), 'nothing recorded changed (the engine itself did)');
});

t.test('a moved table names its changes: three of them, then a count', async (t) => {
  const change = (item: string, kind: 'added' | 'removed' | 'changed') =>
    ({ provider: 'aws', service: 'ec2', item, change: kind, unit: 'instance-hour', from: kind === 'added' ? null : '0.1', to: kind === 'removed' ? null : '0.2', fromTable: '2024-02-01', toTable: '2025-08-01' }) as const;
  const moved = { ...entry, pricing: [{ provider: 'aws', effectiveDate: '2025-08-01' }] };
  const asked: string[] = [];
  const changes = [change('m7g.large', 'changed'), change('t4g.small', 'added'), change('c7g.large', 'removed'), change('a', 'added'), change('b', 'added')];
  t.equal(
    driftCause(entry, moved, (provider, from, to) => (asked.push(`${provider} ${from} ${to}`), changes)),
    'the pricing tables changed (aws 2024-02-01 → 2025-08-01: ec2 m7g.large 0.1 → 0.2, ec2 t4g.small added (0.2), ec2 c7g.large removed, 2 more)',
  );
  t.same(asked, ['aws 2024-02-01 2025-08-01'], 'asked for the two tables in force');
  t.equal(driftCause(entry, moved, () => []), 'the pricing tables changed (aws 2024-02-01 → 2025-08-01)', 'nothing listed: the dates alone');
});

function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    recommendation: { architecture: 'serverless', provider: 'aws', service: 'lambda-arm', optionId: 'aws/lambda-arm/on-demand', confidence: 0.8, summary: 'Serverless is recommended.' },
    scores: { serverless: 3, traditional: 0, hybrid: 0 },
    exclusions: [],
    firedRules: [],
    options: [
      { id: 'aws/lambda-arm/on-demand', architecture: 'serverless', provider: 'aws', service: 'lambda-arm', serviceName: 'L', variant: 'v', pricingEffectiveDate: '2024-02-01', monthlyUsd: '12', horizonUsd: '144', lineItems: [], projection: [], details: {}, feasible: true },
    ],
    breakEven: null,
    cheapestOptionChange: null,
    tippingPoints: [{ kind: 'recommendation', input: 'monthlyRequests', currentValue: 1e6, flipsAt: 4.1e7, from: 'serverless', to: 'traditional' }],
    warnings: ['something to know'],
    facts: {},
    assumptions: {},
    provenance: { pricing: entry.pricing, pricingDate: '2026-11-25', ruleset: 'default', rulesetVersion: '1', engineVersion: '0', profileHash: 'a' },
    ...overrides,
  };
}

t.test('a baseline check: same verdict with a new price is ok and says why; a new verdict fails', async (t) => {
  const p = profile({ averageDurationMs: 10 });
  const [moved] = runChecks(p, evaluation(), entry);
  t.match(moved, { check: 'baseline', ok: true, cause: 'nothing recorded changed (the engine itself did)' });
  const [same] = runChecks(p, evaluation(), { ...entry, monthlyUsd: '12' });
  t.same(same, { check: 'baseline', expected: 'serverless (aws/lambda-arm/on-demand, $12.00)', actual: 'serverless (aws/lambda-arm/on-demand, $12.00)', ok: true });
  const [flipped] = runChecks(p, evaluation(), { ...entry, architecture: 'traditional' });
  t.equal(flipped!.ok, false);
});

t.test('Markdown: warnings, tipping points, no break-even; plural bad inputs', async (t) => {
  const md = formatEvaluationMarkdown(evaluation(), 'a | b', 12);
  t.match(md, /^### a \\\| b: \*\*serverless\*\*/);
  t.match(md, /Break-even: none between 1k and 1T requests\/month\./);
  t.match(md, /Tipping points:\n- recommendation flips to traditional above 41M requests\/month \(now 1M\)/);
  t.match(md, /> ⚠️ something to know/);
  const many = evaluation();
  many.options = Array.from({ length: 10 }, (_, i) => ({ ...many.options[0]!, id: `aws/option-${i}`, monthlyUsd: String(20 + i) }));
  t.match(formatEvaluationMarkdown(many, 'many', 12), /\| … 2 more \| \| \| \|/, 'the table keeps to the eight cheapest');
  t.match(formatCheckMarkdown([], [{ file: 'a.yaml', issues: [{ path: 'p', message: 'x' }] }, { file: 'b.yaml', issues: [{ path: 'p', message: 'y' }] }]), /^## ❌ archcalc check: 2 profiles could not be read/);
  t.match(formatCheckMarkdown([{ file: 'a.yaml', name: 'a', evaluation: evaluation(), checks: [] }], []), /\| none \|\n/);
});
